/**
 * One PostgreSQL connection pool shared by every PostgreSQL adapter
 * (MEDSPILLER_DATABASE=postgres://…), with the schema migrated before first use.
 *
 * Migrations are idempotent and safe to run from several instances starting at
 * once: they hold a PostgreSQL advisory lock while they check and apply, so one
 * instance migrates and the others wait, then find nothing to do.
 */
import { escapeIdentifier, Pool, type PoolClient } from 'pg';
import type { Logger } from '../logger.js';
import { POSTGRES_MIGRATIONS, type Migration } from './migrations/postgres-migrations.js';
import { withTimeout } from './timeout.js';

export interface PostgresDatabase {
  readonly pool: Pool;
  /** The schema the tables live in ("public" unless one was given). */
  readonly schema: string;
  /** Migration versions this open applied (empty when the schema was up to date). */
  readonly applied: number[];
  /** Each adapter takes a share; the pool ends when the last share is released. */
  retain(): () => Promise<void>;
  ping(): Promise<void>;
}

export interface OpenPostgresOptions {
  /** Keep the tables in this schema (created when missing); tests use a unique one per run. */
  schema?: string;
  logger?: Pick<Logger, 'info'>;
  /** Connection attempts before giving up at start-up (a database container may still be starting). */
  connectAttempts?: number;
  migrations?: readonly Migration[];
}

/** Opens the pool and applies pending migrations; throws when the database stays unreachable. */
export async function openPostgres(url: string, options: OpenPostgresOptions = {}): Promise<PostgresDatabase> {
  const schema = options.schema ?? schemaInUrl(url) ?? 'public';
  const pool = new Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    ...(options.schema && { options: `-c search_path=${escapeIdentifier(options.schema)}` }),
  });
  // An idle client losing its connection emits here; without a listener the process would exit.
  pool.on('error', () => {});
  let applied: number[];
  try {
    await connectWithRetry(pool, options.connectAttempts ?? 10);
    applied = await migratePostgres(pool, { schema, migrations: options.migrations });
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  if (applied.length) options.logger?.info({ applied, schema }, 'database migrated');
  return sharedDatabase(pool, schema, applied);
}

/** The schema named by `?options=-c search_path=<schema>` in the URL, if any. */
function schemaInUrl(url: string): string | undefined {
  try {
    const setting = new URL(url).searchParams.get('options') ?? '';
    return /search_path\s*=\s*"?([^",\s]+)/.exec(setting)?.[1];
  } catch {
    return undefined;
  }
}

function sharedDatabase(pool: Pool, schema: string, applied: number[]): PostgresDatabase {
  let shares = 0;
  let ended = false;
  return {
    pool,
    schema,
    applied,
    retain() {
      shares++;
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        if (--shares === 0 && !ended) {
          ended = true;
          await pool.end();
        }
      };
    },
    async ping() {
      await withTimeout(pool.query('SELECT 1'), 2_000, 'postgres ping');
    },
  };
}

async function connectWithRetry(pool: Pool, attempts: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      (await pool.connect()).release();
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(attempt * 500, 3_000)));
    }
  }
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its
 * own transaction, under an advisory lock. Returns the versions applied.
 */
export async function migratePostgres(
  pool: Pool,
  options: { schema?: string; migrations?: readonly Migration[] } = {},
): Promise<number[]> {
  const schema = options.schema ?? 'public';
  const migrations = options.migrations ?? POSTGRES_MIGRATIONS;
  const client = await pool.connect();
  const lockKey = `medspiller-migrations:${schema}`;
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      return await applyPending(client, schema, migrations);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
    }
  } finally {
    client.release();
  }
}

async function applyPending(client: PoolClient, schema: string, migrations: readonly Migration[]): Promise<number[]> {
  const table = `${escapeIdentifier(schema)}.schema_migrations`;
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${escapeIdentifier(schema)}`);
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${table} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${table}`);
  const done = new Set(rows.map((row) => row.version));
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(migration.version)) continue;
    await client.query('BEGIN');
    try {
      await client.query(`SET LOCAL search_path TO ${escapeIdentifier(schema)}`);
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${table} (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw new Error(`migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`);
    }
    applied.push(migration.version);
  }
  return applied;
}
