/**
 * With Redis sessions, the rate-limit counts live in Redis: two instances
 * behind one load balancer share them, so a client cannot double its allowance
 * by being spread over instances.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { buildApp } from '../../src/server.js';
import { createMemoryStores } from '../../src/stores/create-stores.js';
import { testConfig } from '../channels/web/app-fixture.js';
import { fixtureContent } from '../conversation/fixture-bundle.js';
import { dropRedisPrefix, redisAvailable, TEST_REDIS_URL, uniqueName } from '../stores/external-services.js';

const available = await redisAvailable();
const prefix = `${uniqueName('limit')}:`;

describe.skipIf(!available)('rate limits shared through Redis', () => {
  afterAll(() => dropRedisPrefix(prefix));

  it('counts one client address across two instances', async () => {
    const env = { MEDSPILLER_SESSIONS: TEST_REDIS_URL, MEDSPILLER_RATE_LIMIT: '4', MEDSPILLER_RATE_LIMIT_CONVERSATION: '0' };
    // The sessions themselves are not under test: memory keeps the test small; the limiter still uses Redis.
    const apps = await Promise.all(
      [1, 2].map(() => buildApp(testConfig(env), { content: fixtureContent(), stores: createMemoryStores(), logger: silentLogger(), redisPrefix: prefix })),
    );
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await apps[i % 2]!.inject({ method: 'POST', url: '/api/v1/conversations', payload: {}, remoteAddress: '198.51.100.7' });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
      const other = await apps[0]!.inject({ method: 'POST', url: '/api/v1/conversations', payload: {}, remoteAddress: '198.51.100.8' });
      expect(other.statusCode).toBe(201);
    } finally {
      await Promise.all(apps.map((app) => app.close()));
    }
  });

  it('keeps answering at once, without limits, when Redis is unreachable', async () => {
    const env = { MEDSPILLER_SESSIONS: 'redis://127.0.0.1:1', MEDSPILLER_RATE_LIMIT: '1' };
    const app = await buildApp(testConfig(env), { content: fixtureContent(), stores: createMemoryStores(), logger: silentLogger(), redisPrefix: prefix });
    try {
      const started = Date.now();
      for (let i = 0; i < 3; i++) {
        expect((await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} })).statusCode).toBe(201);
      }
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      await app.close();
    }
  });
});
