import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeStores, createStores } from '../../src/stores/create-stores.js';
import { dropRedisPrefix, dropSchema, postgresAvailable, redisAvailable, TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from './external-services.js';
import { sampleState } from './session-store-contract.js';

const [postgres, redis] = await Promise.all([postgresAvailable(), redisAvailable()]);
const schema = uniqueName('pgwire');
const prefix = `${uniqueName('wire')}:`;
const dataDir = mkdtempSync(join(tmpdir(), 'medspiller-wire-'));

describe.skipIf(!postgres || !redis)('createStores with production settings', () => {
  afterAll(async () => {
    await Promise.all([dropSchema(schema), dropRedisPrefix(prefix)]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('MEDSPILLER_DATABASE puts sessions, adviser requests and survey tallies in PostgreSQL', async () => {
    const stores = await createStores({ dataDir, sessions: 'sqlite', database: TEST_DATABASE_URL }, { postgresSchema: schema });
    expect([stores.sessions.kind, stores.requests.kind, stores.survey.kind]).toEqual(['postgres', 'postgres', 'postgres']);
    await stores.sessions.create('WWWWWWWWWWWWWWWWWWWWWW', sampleState(), 60_000);
    await closeStores(stores);
  });

  it('MEDSPILLER_SESSIONS=redis://… keeps sessions in Redis next to PostgreSQL', async () => {
    const stores = await createStores({ dataDir, sessions: TEST_REDIS_URL, database: TEST_DATABASE_URL }, { postgresSchema: schema, redisPrefix: prefix });
    expect([stores.sessions.kind, stores.requests.kind]).toEqual(['redis', 'postgres']);
    await Promise.all([stores.sessions.ping(), stores.requests.ping()]);
    await closeStores(stores);
  });

  it('Redis sessions without a database keep adviser requests in SQLite', async () => {
    const stores = await createStores({ dataDir, sessions: TEST_REDIS_URL }, { redisPrefix: prefix });
    expect([stores.sessions.kind, stores.requests.kind, stores.survey.kind]).toEqual(['redis', 'sqlite', 'sqlite']);
    await closeStores(stores);
  });
});
