/**
 * /readyz answers 503 (JSON) while a configured store is unreachable and 200
 * again once it is back, without a restart. The stores sit behind a TCP proxy
 * the test cuts and restores.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { buildApp } from '../../src/server.js';
import { closeStores, createStores, type StoreConfig } from '../../src/stores/create-stores.js';
import { testConfig } from '../channels/web/app-fixture.js';
import { fixtureContent } from '../conversation/fixture-bundle.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../stores/external-services.js';
import { scratchStores } from './scratch-stores.js';
import { startTcpProxy } from './tcp-proxy.js';

const { redis, postgres, dataDir, schema, prefix } = await scratchStores('ready');

function via(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.host = `127.0.0.1:${port}`;
  return parsed.toString();
}

const CASES = [
  { name: 'Redis sessions', available: redis, url: TEST_REDIS_URL, stores: (url: string): StoreConfig => ({ dataDir, sessions: url }) },
  { name: 'PostgreSQL', available: postgres, url: TEST_DATABASE_URL, stores: (url: string): StoreConfig => ({ dataDir, sessions: 'sqlite', database: url }) },
];

describe.each(CASES)('/readyz with $name', ({ available, url, stores }) => {
  it.skipIf(!available)('fails with 503 while the store is unreachable, and recovers by itself', async () => {
    const target = new URL(url);
    const proxy = await startTcpProxy(target.hostname, Number(target.port));
    const opened = await createStores(stores(via(url, proxy.port)), { postgresSchema: schema, redisPrefix: prefix });
    const app = await buildApp(testConfig(), { content: fixtureContent(), stores: opened, logger: silentLogger() });
    const ready = async () => {
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      return { status: response.statusCode, code: response.json().error?.code };
    };
    try {
      expect(await ready()).toEqual({ status: 200, code: undefined });
      expect((await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} })).statusCode).toBe(201);

      await proxy.cut();
      await expect.poll(ready, { timeout: 10_000, interval: 200 }).toEqual({ status: 503, code: 'not_ready' });
      const during = await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} });
      expect(during.statusCode).toBe(500);
      expect(during.json()).toEqual({ error: { code: 'internal', message: expect.any(String) } });
      expect(during.body).not.toMatch(/ECONNREFUSED|stack|at /);

      await proxy.restore();
      await expect.poll(ready, { timeout: 15_000, interval: 250 }).toEqual({ status: 200, code: undefined });
      expect((await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} })).statusCode).toBe(201);
    } finally {
      await app.close();
      await closeStores(opened);
      await proxy.close();
    }
  });
});
