/**
 * Two instances (two apps, each with its own store connections) on one shared
 * store: turns on the same conversation, interleaved and all at once, never
 * corrupt it. Every turn answered 200 is in the conversation's log exactly once,
 * in the order the store accepted them; a turn that lost the race twice gets a
 * clear 409 `conflict` and left no trace.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Bundle, Flow } from '../../src/engine/types.js';
import { silentLogger } from '../../src/logger.js';
import { buildApp } from '../../src/server.js';
import { closeStores, createMemoryStores, createStores, type StoreConfig } from '../../src/stores/create-stores.js';
import type { SessionStore } from '../../src/stores/session-store.js';
import { testConfig } from '../channels/web/app-fixture.js';
import { fixtureBundle, fixtureContent } from '../conversation/fixture-bundle.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../stores/external-services.js';
import { citizenLines, injectApi, type Api } from './api-client.js';
import { scratchStores } from './scratch-stores.js';

const { redis, postgres, dataDir, schema, prefix } = await scratchStores('conc');

/** The fixture bundle plus a flow that takes free-text notes for ever: every note is an accepted answer. */
function notesBundle(): Bundle {
  const bundle = fixtureBundle();
  const notes: Flow = {
    id: 'notes',
    title: 'menu.title',
    entry: 'note',
    nodes: { note: { question: 'letter.ask_name', slot: 'note', ask: { text: { maxLength: 200 } }, next: 'note' } },
  };
  bundle.municipalities.demo!.flows.notes = notes;
  return bundle;
}

async function instance(stores: StoreConfig): Promise<FastifyInstance> {
  const opened = await createStores(stores, { postgresSchema: schema, redisPrefix: prefix });
  const app = await buildApp(testConfig(), { content: fixtureContent(notesBundle()), stores: opened, logger: silentLogger() });
  app.addHook('onClose', async () => {
    await closeStores(opened);
  });
  return app;
}

const BACKENDS: { name: string; available: boolean; stores: StoreConfig }[] = [
  { name: 'one SQLite file', available: true, stores: { dataDir, sessions: 'sqlite' } },
  { name: 'Redis', available: redis, stores: { dataDir, sessions: TEST_REDIS_URL } },
  { name: 'PostgreSQL', available: postgres, stores: { dataDir, sessions: 'sqlite', database: TEST_DATABASE_URL } },
];

describe.each(BACKENDS)('two instances sharing $name', ({ available, stores }) => {
  const note = (api: Api, id: string, text: string) => api('POST', `/api/v1/conversations/${id}/turns`, { text });

  it.skipIf(!available)('keeps interleaved turns from both instances, in order', async () => {
    const [a, b] = [await instance(stores), await instance(stores)];
    try {
      const [apiA, apiB] = [injectApi(a), injectApi(b)];
      const { body } = await apiA('POST', '/api/v1/conversations', { flow: 'notes' });
      const sent: string[] = [];
      for (let i = 0; i < 8; i++) {
        const text = `note ${i} via ${i % 2 ? 'B' : 'A'}`;
        expect((await note(i % 2 ? apiB : apiA, body.id, text)).status).toBe(200);
        sent.push(text);
      }
      expect(await citizenLines(apiB, body.id)).toEqual(sent);
      expect(await citizenLines(apiA, body.id)).toEqual(sent);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it.skipIf(!available)('never loses or doubles an accepted turn when many arrive at once', async () => {
    const [a, b] = [await instance(stores), await instance(stores)];
    try {
      const apis = [injectApi(a), injectApi(b)];
      const { body } = await apis[0]!('POST', '/api/v1/conversations', { flow: 'notes' });
      const accepted: string[] = [];
      for (let round = 0; round < 3; round++) {
        const texts = Array.from({ length: 8 }, (_, i) => `round ${round} note ${i}`);
        const answers = await Promise.all(texts.map((text, i) => note(apis[i % 2]!, body.id, text)));
        answers.forEach((answer, i) => answer.status === 200 && accepted.push(texts[i]!));
        for (const answer of answers) {
          expect([200, 409]).toContain(answer.status);
          if (answer.status === 409) expect(answer.body.error.code).toBe('conflict');
        }
        expect(answers.some((answer) => answer.status === 200)).toBe(true);
      }
      const lines = await citizenLines(apis[1]!, body.id);
      expect([...lines].sort()).toEqual([...accepted].sort());
      expect((await apis[0]!('GET', `/api/v1/conversations/${body.id}`)).body.prompt.kind).toBe('text');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('a turn that keeps losing the race', () => {
  it('is retried once on the fresh state, then answered 409 conflict', async () => {
    const stores = createMemoryStores();
    let saves = 0;
    const alwaysStale: SessionStore = {
      ...stores.sessions,
      kind: 'always-stale',
      save: async () => {
        saves++;
        return undefined;
      },
    };
    const app = await buildApp(testConfig(), { content: fixtureContent(notesBundle()), stores: { ...stores, sessions: alwaysStale }, logger: silentLogger() });
    const api = injectApi(app);
    const { body } = await api('POST', '/api/v1/conversations', { flow: 'notes' });
    const answer = await api('POST', `/api/v1/conversations/${body.id}/turns`, { text: 'lost' });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('conflict');
    expect(saves).toBe(2);
    await app.close();
  });
});
