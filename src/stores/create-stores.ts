/**
 * Chooses the store adapters from the configuration:
 *
 *   nothing set                   sessions, adviser requests and survey tallies in one SQLite file,
 *                                 `<MEDSPILLER_DATA_DIR>/medspiller.db`
 *   MEDSPILLER_SESSIONS=memory    sessions in process memory (lost on restart)
 *   MEDSPILLER_SESSIONS=redis://… sessions in Redis
 *   MEDSPILLER_DATABASE=postgres://…
 *                                 adviser requests and survey tallies in PostgreSQL, and sessions too unless
 *                                 MEDSPILLER_SESSIONS names Redis or memory
 *
 * PostgreSQL is migrated before the stores are handed out, so a database that
 * stays unreachable fails the start-up with its reason.
 */
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createMemoryRequestStore } from './memory-request-store.js';
import { createMemorySessionStore } from './memory-session-store.js';
import { openPostgres, type PostgresDatabase } from './postgres-database.js';
import { createPostgresRequestStore } from './postgres-request-store.js';
import { createPostgresSessionStore } from './postgres-session-store.js';
import { createPostgresSurveyStore } from './postgres-survey-store.js';
import { createRedisSessionStore } from './redis-session-store.js';
import type { RequestStore } from './request-store.js';
import type { SessionStore } from './session-store.js';
import { createSqliteRequestStore } from './sqlite-request-store.js';
import { createSqliteSessionStore } from './sqlite-session-store.js';
import { createMemorySurveyStore } from './memory-survey-store.js';
import { createSqliteSurveyStore } from './sqlite-survey-store.js';
import type { SurveyStore } from './survey-store.js';

export interface Stores {
  sessions: SessionStore;
  requests: RequestStore;
  /** Anonymous trust-survey tallies: in PostgreSQL when MEDSPILLER_DATABASE is set, else SQLite. */
  survey: SurveyStore;
}

const SQLITE_FILE_NAME = 'medspiller.db';

function sqliteFile(config: Pick<Config, 'dataDir'>): string {
  return join(config.dataDir, SQLITE_FILE_NAME);
}

export type StoreConfig = Pick<Config, 'dataDir' | 'sessions' | 'database'>;

export interface CreateStoresOptions {
  logger?: Pick<Logger, 'info'>;
  /** Tests: keep PostgreSQL tables and Redis keys apart per run. */
  postgresSchema?: string;
  redisPrefix?: string;
}

export function isRedisUrl(sessions: string): boolean {
  return /^rediss?:\/\//i.test(sessions);
}

/** PostgreSQL when MEDSPILLER_DATABASE is set (migrated on open); else the stores use SQLite. */
function openDatabase(config: StoreConfig, options: CreateStoresOptions): Promise<PostgresDatabase | undefined> {
  return config.database
    ? openPostgres(config.database, { schema: options.postgresSchema, logger: options.logger })
    : Promise.resolve(undefined);
}

export async function createStores(config: StoreConfig, options: CreateStoresOptions = {}): Promise<Stores> {
  const db = await openDatabase(config, options);
  return {
    sessions: sessionStore(config, db, options),
    requests: db ? createPostgresRequestStore(db) : createSqliteRequestStore(sqliteFile(config)),
    survey: surveyStore(config, db),
  };
}

/**
 * Only the survey store, for `medspiller survey`: a report needs neither the
 * sessions nor Redis, and should not wait on a Redis that is away.
 */
export async function createSurveyStore(config: StoreConfig): Promise<SurveyStore> {
  return surveyStore(config, await openDatabase(config, {}));
}

function surveyStore(config: StoreConfig, db: PostgresDatabase | undefined): SurveyStore {
  return db ? createPostgresSurveyStore(db) : createSqliteSurveyStore(sqliteFile(config));
}

function sessionStore(config: StoreConfig, db: PostgresDatabase | undefined, options: CreateStoresOptions): SessionStore {
  if (isRedisUrl(config.sessions)) return createRedisSessionStore(config.sessions, { prefix: options.redisPrefix });
  if (config.sessions === 'memory') return createMemorySessionStore();
  return db ? createPostgresSessionStore(db) : createSqliteSessionStore(sqliteFile(config));
}

/** Closes every store createStores opened (a PostgreSQL pool ends with its last adapter). */
export async function closeStores(stores: Stores): Promise<void> {
  await Promise.all([stores.sessions.close(), stores.requests.close(), stores.survey.close()]);
}

/** All three stores in memory: for `medspiller chat` and tests. */
export function createMemoryStores(): Stores {
  return { sessions: createMemorySessionStore(), requests: createMemoryRequestStore(), survey: createMemorySurveyStore() };
}
