import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedisSessionStore } from '../../src/stores/redis-session-store.js';
import type { SessionStore } from '../../src/stores/session-store.js';
import { dropRedisPrefix, redisAvailable, TEST_REDIS_URL, uniqueName } from './external-services.js';
import { describeSessionStore, sampleState } from './session-store-contract.js';

const available = await redisAvailable();
const prefix = `${uniqueName('redis')}:`;
const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!available)('Redis session store', () => {
  afterAll(() => dropRedisPrefix(prefix));

  describeSessionStore('redis', () => createRedisSessionStore(TEST_REDIS_URL, { prefix }));

  it('keeps each session as one hash with a native expiry, and its expiry in an index, under its prefix', async () => {
    const store = createRedisSessionStore(TEST_REDIS_URL, { prefix });
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const created = await store.create('RRRRRRRRRRRRRRRRRRRRRR', sampleState(), 60_000);
      const key = `${prefix}session:RRRRRRRRRRRRRRRRRRRRRR`;
      expect(await redis.hget(key, 'version')).toBe('1');
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
      expect(Number(await redis.zscore(`${prefix}sessions:expiry`, 'RRRRRRRRRRRRRRRRRRRRRR'))).toBe(created.expiresAt);
    } finally {
      redis.disconnect();
      await store.close();
    }
  });

  describe('counting active sessions', () => {
    // Each test counts under a prefix of its own, so the contract's sessions never show up in its numbers.
    let own: string;
    let store: SessionStore;
    let redis: Redis;
    const index = () => `${own}sessions:expiry`;
    const indexed = () => redis.zrange(index(), 0, '-1');
    beforeEach(() => {
      own = `${prefix}${randomBytes(4).toString('hex')}:`;
      store = createRedisSessionStore(TEST_REDIS_URL, { prefix: own });
      redis = new Redis(TEST_REDIS_URL);
    });
    afterEach(async () => {
      redis.disconnect();
      await store.close();
    });

    it('stops counting a deleted session and drops it from the index', async () => {
      await store.create('DDDDDDDDDDDDDDDDDDDDD1', sampleState(), HOUR);
      await store.create('DDDDDDDDDDDDDDDDDDDDD2', sampleState(), HOUR);
      expect(await store.countActive!(Date.now())).toBe(2);
      expect(await store.delete('DDDDDDDDDDDDDDDDDDDDD1')).toBe(true);
      expect(await store.countActive!(Date.now())).toBe(1);
      expect(await indexed()).toEqual(['DDDDDDDDDDDDDDDDDDDDD2']);
    });

    it('stops counting a session that has run out, and trims it from the index', async () => {
      await store.create('EEEEEEEEEEEEEEEEEEEEE1', sampleState(), 400);
      await store.create('EEEEEEEEEEEEEEEEEEEEE2', sampleState(), HOUR);
      expect(await store.countActive!(Date.now())).toBe(2);
      await sleep(600);
      expect(await store.countActive!(Date.now())).toBe(1);
      expect(await indexed()).toEqual(['EEEEEEEEEEEEEEEEEEEEE2']);
    });

    it('moves a session\'s expiry in the index on every save', async () => {
      await store.create('FFFFFFFFFFFFFFFFFFFFFF', sampleState(), 400);
      const saved = await store.save('FFFFFFFFFFFFFFFFFFFFFF', sampleState(), 1, HOUR);
      expect(Number(await redis.zscore(index(), 'FFFFFFFFFFFFFFFFFFFFFF'))).toBe(saved!.expiresAt);
      await sleep(600);
      expect(await store.countActive!(Date.now())).toBe(1);
    });

    it('keeps live sessions in the index when asked about a time after they run out', async () => {
      await store.create('GGGGGGGGGGGGGGGGGGGGGG', sampleState(), HOUR);
      expect(await store.countActive!(Date.now() + 2 * HOUR)).toBe(0);
      expect(await store.purgeExpired(Date.now() + 2 * HOUR)).toBe(0);
      expect(await store.countActive!(Date.now())).toBe(1);
    });

    it('purges run-out members from the index, reporting how many', async () => {
      await store.create('HHHHHHHHHHHHHHHHHHHHH1', sampleState(), 100);
      await store.create('HHHHHHHHHHHHHHHHHHHHH2', sampleState(), HOUR);
      await sleep(300);
      expect(await store.purgeExpired(Date.now())).toBe(1);
      expect(await indexed()).toEqual(['HHHHHHHHHHHHHHHHHHHHH2']);
    });

    it('gives two instances sharing a prefix the same count', async () => {
      const other = createRedisSessionStore(TEST_REDIS_URL, { prefix: own });
      try {
        await store.create('IIIIIIIIIIIIIIIIIIIII1', sampleState(), HOUR);
        await other.create('IIIIIIIIIIIIIIIIIIIII2', sampleState(), HOUR);
        expect(await store.countActive!(Date.now())).toBe(2);
        expect(await other.countActive!(Date.now())).toBe(2);
        await other.delete('IIIIIIIIIIIIIIIIIIIII1');
        expect(await store.countActive!(Date.now())).toBe(1);
      } finally {
        await other.close();
      }
    });
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
