/**
 * DELETE /api/v1/conversations/:id erases the conversation in every store it
 * reached: the session (SQLite, Redis or PostgreSQL) and any adviser request made
 * in it, even one not yet delivered. Survey answers are anonymous tallies with no
 * conversation id, so there is nothing of the conversation left in them.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { buildApp } from '../../src/server.js';
import { closeStores, createStores, type StoreConfig } from '../../src/stores/create-stores.js';
import { testConfig } from '../channels/web/app-fixture.js';
import { fixtureContent } from '../conversation/fixture-bundle.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../stores/external-services.js';
import { answer, injectApi } from './api-client.js';
import { scratchStores } from './scratch-stores.js';

const { redis, postgres, dataDir, schema, prefix } = await scratchStores('erase');

const CASES: { name: string; available: boolean; stores: StoreConfig }[] = [
  { name: 'SQLite', available: true, stores: { dataDir, sessions: 'sqlite' } },
  { name: 'Redis and PostgreSQL', available: redis && postgres, stores: { dataDir, sessions: TEST_REDIS_URL, database: TEST_DATABASE_URL } },
  { name: 'PostgreSQL', available: postgres, stores: { dataDir, sessions: 'sqlite', database: TEST_DATABASE_URL } },
];

describe.each(CASES)('erasing a conversation with $name', ({ available, stores: storeConfig }) => {
  it.skipIf(!available)('removes the session and its adviser request, and only those', async () => {
    const stores = await createStores(storeConfig, { postgresSchema: schema, redisPrefix: prefix });
    const app = await buildApp(testConfig(), { content: fixtureContent(), stores, logger: silentLogger() });
    const api = injectApi(app);
    try {
      const request = async () => {
        const { body } = await api('POST', '/api/v1/conversations', {});
        for (const turn of [{ choice: 'letter' }, { text: 'Ida Hansen' }, { choice: 'yes' }]) await answer(api, body.id, turn);
        return body.id as string;
      };
      const [erased, kept] = [await request(), await request()];
      const mine = async (id: string) => (await stores.requests.list()).filter((r) => r.conversationId === id);
      expect(await mine(erased)).toHaveLength(1);

      expect((await api('DELETE', `/api/v1/conversations/${erased}`)).status).toBe(204);
      expect((await api('GET', `/api/v1/conversations/${erased}`)).status).toBe(404);
      expect((await api('POST', `/api/v1/conversations/${erased}/turns`, { action: 'repeat' })).status).toBe(404);
      expect(await stores.sessions.load(erased)).toBeUndefined();
      expect(await mine(erased)).toEqual([]);
      expect((await api('DELETE', `/api/v1/conversations/${erased}`)).status).toBe(404);

      expect((await api('GET', `/api/v1/conversations/${kept}`)).status).toBe(200);
      expect(await mine(kept)).toHaveLength(1);
    } finally {
      await app.close();
      await closeStores(stores);
    }
  });
});
