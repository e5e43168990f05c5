/**
 * What a reliability test file needs to run its stores against every backend
 * there is: which of Redis and PostgreSQL answer, a data folder of its own, and
 * a PostgreSQL schema and Redis key prefix no other file uses. All of it is
 * removed after the file's tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { dropRedisPrefix, dropSchema, postgresAvailable, redisAvailable, uniqueName } from '../stores/external-services.js';

export interface ScratchStores {
  redis: boolean;
  postgres: boolean;
  dataDir: string;
  schema: string;
  prefix: string;
}

/** Call at the top of a test file: the clean-up is registered with the file's afterAll. */
export async function scratchStores(kind: string): Promise<ScratchStores> {
  const [redis, postgres] = await Promise.all([redisAvailable(), postgresAvailable()]);
  const scratch = { redis, postgres, dataDir: mkdtempSync(join(tmpdir(), `medspiller-${kind}-`)), schema: uniqueName(kind), prefix: `${uniqueName(kind)}:` };
  afterAll(async () => {
    rmSync(scratch.dataDir, { recursive: true, force: true });
    if (postgres) await dropSchema(scratch.schema);
    if (redis) await dropRedisPrefix(scratch.prefix);
  });
  return scratch;
}
