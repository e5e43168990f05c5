import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisSessionStore } from '../../src/stores/redis-session-store.js';
import { dropRedisPrefix, redisAvailable, TEST_REDIS_URL, uniqueName } from './external-services.js';
import { describeSessionStore, sampleState } from './session-store-contract.js';

const available = await redisAvailable();
const prefix = `${uniqueName('redis')}:`;

describe.skipIf(!available)('Redis session store', () => {
  afterAll(() => dropRedisPrefix(prefix));

  describeSessionStore('redis', () => createRedisSessionStore(TEST_REDIS_URL, { prefix }));

  it('keeps each session as one hash with a native expiry, under its prefix', async () => {
    const store = createRedisSessionStore(TEST_REDIS_URL, { prefix });
    const redis = new Redis(TEST_REDIS_URL);
    try {
      await store.create('RRRRRRRRRRRRRRRRRRRRRR', sampleState(), 60_000);
      const key = `${prefix}session:RRRRRRRRRRRRRRRRRRRRRR`;
      expect(await redis.hget(key, 'version')).toBe('1');
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
      expect(await store.purgeExpired(Date.now())).toBe(0);
    } finally {
      redis.disconnect();
      await store.close();
    }
  });

  it('lets two clients (two instances) race: exactly one save wins', async () => {
    const a = createRedisSessionStore(TEST_REDIS_URL, { prefix });
    const b = createRedisSessionStore(TEST_REDIS_URL, { prefix });
    try {
      await a.create('SSSSSSSSSSSSSSSSSSSSSS', sampleState(), 60_000);
      const results = await Promise.all([
        a.save('SSSSSSSSSSSSSSSSSSSSSS', sampleState({ node: 'a' }), 1, 60_000),
        b.save('SSSSSSSSSSSSSSSSSSSSSS', sampleState({ node: 'b' }), 1, 60_000),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await b.load('SSSSSSSSSSSSSSSSSSSSSS'))?.version).toBe(2);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('fails ping quickly when Redis is unreachable, instead of hanging', async () => {
    const store = createRedisSessionStore('redis://127.0.0.1:1', { prefix });
    const started = Date.now();
    await expect(store.ping()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3_000);
    await store.close();
  });
});
