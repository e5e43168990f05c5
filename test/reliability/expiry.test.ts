/**
 * Nothing personal outlives its time: an idle conversation is gone after
 * MEDSPILLER_SESSION_TTL, and the purge job (every ten minutes, on a timer that
 * never keeps the process alive) deletes expired conversations and adviser
 * requests from the stores.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { buildApp } from '../../src/server.js';
import { createMemoryStores } from '../../src/stores/create-stores.js';
import { testConfig } from '../channels/web/app-fixture.js';
import { fixtureContent } from '../conversation/fixture-bundle.js';
import { answer, injectApi } from './api-client.js';

const DAY = 86_400_000;

afterEach(() => {
  vi.useRealTimers();
});

describe('expiry', () => {
  it('forgets an idle conversation after MEDSPILLER_SESSION_TTL', async () => {
    const app = await buildApp(testConfig({ MEDSPILLER_SESSION_TTL: '1s' }), { content: fixtureContent(), stores: createMemoryStores(), logger: silentLogger() });
    const api = injectApi(app);
    const { body } = await api('POST', '/api/v1/conversations', {});
    await answer(api, body.id, { action: 'repeat' });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect((await api('GET', `/api/v1/conversations/${body.id}`)).body.error.code).toBe('unknown_conversation');
    await app.close();
  });

  it('purges expired conversations and adviser requests every ten minutes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = Date.now();
    const stores = createMemoryStores();
    const app = await buildApp(testConfig(), { content: fixtureContent(), stores, logger: silentLogger(), clock: () => new Date(now) });
    const api = injectApi(app);
    const { body } = await api('POST', '/api/v1/conversations', {});
    for (const turn of [{ choice: 'letter' }, { text: 'Ida Hansen' }, { choice: 'yes' }]) await answer(api, body.id, turn);
    expect(await stores.requests.list()).toHaveLength(1);

    now += 31 * DAY;
    await vi.advanceTimersByTimeAsync(9 * 60_000);
    expect(await stores.requests.list()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(async () => expect(await stores.requests.list()).toHaveLength(0));
    // The memory store's own clock is real time: only the purge can have removed the session.
    expect(await stores.sessions.load(body.id)).toBeUndefined();
    await app.close();
  });
});
