/**
 * Finds the Redis and PostgreSQL the production-store tests run against.
 * With CI=true they are required: a missing service fails the run. Elsewhere
 * the tests skip with a printed reason.
 *
 *   MEDSPILLER_TEST_REDIS_URL     default redis://127.0.0.1:6379
 *   MEDSPILLER_TEST_DATABASE_URL  default postgres://postgres@127.0.0.1:5432/test
 *
 * Each test file gets its own Redis key prefix and PostgreSQL schema, so files
 * running in parallel never see each other's data; both are removed afterwards.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { Client } from 'pg';

export const TEST_REDIS_URL = process.env.MEDSPILLER_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_DATABASE_URL = process.env.MEDSPILLER_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const required = process.env.CI === 'true';

async function probe(what: string, check: () => Promise<void>): Promise<boolean> {
  try {
    await check();
    return true;
  } catch (error) {
    const reason = `${what} is not reachable (${(error as Error).message})`;
    if (required) throw new Error(`${reason}: it is required when CI=true`);
    console.warn(`Skipping ${what} tests: ${reason}`);
    return false;
  }
}

export function redisAvailable(): Promise<boolean> {
  return probe(`Redis at ${TEST_REDIS_URL}`, async () => {
    const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => {});
    try {
      await redis.connect();
      await redis.ping();
    } finally {
      redis.disconnect();
    }
  });
}

export function postgresAvailable(): Promise<boolean> {
  return probe(`PostgreSQL at ${TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}`, async () => {
    const client = new Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
    } finally {
      await client.end().catch(() => {});
    }
  });
}

/** A name unique to this test run: a Redis key prefix or a PostgreSQL schema. */
export function uniqueName(kind: string): string {
  return `medspiller_test_${kind}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under `prefix`. */
export async function dropRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** The test database with its tables in `schema`, the way an operator would pick one in the URL. */
export function databaseUrlWithSchema(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${name}`);
  return url.toString();
}
