/**
 * SessionStore in Redis (MEDSPILLER_SESSIONS=redis://…): one hash per
 * conversation, `<prefix>session:<id>` = { state, version }, with a native
 * Redis expiry (PEXPIRE) that every save renews, so idle sessions vanish by
 * themselves.
 *
 * Beside the hashes, the sorted set `<prefix>sessions:expiry` indexes live
 * sessions (member = id, score = expiry epoch ms), so every instance sharing
 * the Redis can count active sessions with one ZCOUNT instead of scanning
 * keys. Native expiry does not touch the index: countActive and purgeExpired
 * trim members that have run out, which keeps it bounded by the live sessions
 * even where /metrics is never scraped. Sessions created before the index
 * existed are not counted; they run out within one session TTL.
 *
 * create/save/load/delete are Lua scripts, so each is atomic on the server
 * (the index changes together with the hash): of two instances saving the
 * same conversation with the same expected version, exactly one wins
 * (compare-and-set).
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { ConversationState } from '../engine/types.js';
import type { SessionStore } from './session-store.js';
import { withTimeout } from './timeout.js';

export const DEFAULT_REDIS_PREFIX = 'medspiller:';

/**
 * KEYS: session key, index key; ARGV: state JSON, ttl ms, expiry epoch ms, id. Returns 1 when created, 0 when the id is taken.
 * The index score is the caller's expiry, not one from Lua's clock: TIME differs between a primary and its
 * replicas, and countActive compares scores with the caller's clock anyway.
 */
const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'version', 1)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
return 1`;

/**
 * KEYS: session key, index key; ARGV: state JSON, expected version, ttl ms, expiry epoch ms, id.
 * Returns the new version, or 0 when stale or gone.
 */
const SAVE = `
local current = redis.call('HGET', KEYS[1], 'version')
if not current or tonumber(current) ~= tonumber(ARGV[2]) then return 0 end
local next = tonumber(current) + 1
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'version', next)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[5])
return next`;

/** KEYS[1]. Returns { state, version, remaining ttl ms } or nil. */
const LOAD = `
local fields = redis.call('HMGET', KEYS[1], 'state', 'version')
if not fields[1] then return nil end
return { fields[1], fields[2], redis.call('PTTL', KEYS[1]) }`;

/** KEYS: session key, index key; ARGV: id. Returns 1 when there was a session. */
const DELETE = `
redis.call('ZREM', KEYS[2], ARGV[1])
return redis.call('DEL', KEYS[1])`;

/** KEYS: index key; ARGV: trim up to (epoch ms), count after (epoch ms). Returns how many members expire after ARGV[2]. */
const COUNT_ACTIVE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
return redis.call('ZCOUNT', KEYS[1], '(' .. ARGV[2], '+inf')`;

type ScriptedRedis = Redis & {
  medspillerCreate(key: string, index: string, state: string, ttlMs: number, expiresAt: number, id: string): Promise<number>;
  medspillerSave(
    key: string,
    index: string,
    state: string,
    expectedVersion: number,
    ttlMs: number,
    expiresAt: number,
    id: string,
  ): Promise<number>;
  medspillerLoad(key: string): Promise<[string, string, number] | null>;
  medspillerDelete(key: string, index: string, id: string): Promise<number>;
  medspillerCountActive(index: string, trimUpTo: number, countAfter: number): Promise<number>;
};

export interface RedisSessionStoreOptions {
  /** Prefix of every key (default "medspiller:"); tests use a unique one per run. */
  prefix?: string;
  /** Extra ioredis options (timeouts, TLS). */
  redis?: RedisOptions;
}

/** Connection settings that keep a request from hanging while Redis is away: it fails fast instead. */
export function redisClientOptions(extra: RedisOptions = {}): RedisOptions {
  return {
    connectTimeout: 5_000,
    commandTimeout: 5_000,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    ...extra,
  };
}

/**
 * The index may only lose members that have really run out: a `now` in the
 * future (asking "how many will still be live then?") must not drop sessions
 * whose hashes Redis still holds.
 */
const trimUpTo = (now: number) => Math.min(now, Date.now());

export function createRedisSessionStore(url: string, options: RedisSessionStoreOptions = {}): SessionStore {
  const prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
  const redis = new Redis(url, redisClientOptions(options.redis)) as ScriptedRedis;
  // Without a listener ioredis prints every reconnection failure; /readyz reports them instead.
  redis.on('error', () => {});
  redis.defineCommand('medspillerCreate', { numberOfKeys: 2, lua: CREATE });
  redis.defineCommand('medspillerSave', { numberOfKeys: 2, lua: SAVE });
  redis.defineCommand('medspillerLoad', { numberOfKeys: 1, lua: LOAD });
  redis.defineCommand('medspillerDelete', { numberOfKeys: 2, lua: DELETE });
  redis.defineCommand('medspillerCountActive', { numberOfKeys: 1, lua: COUNT_ACTIVE });
  const key = (id: string) => `${prefix}session:${id}`;
  const index = `${prefix}sessions:expiry`;

  return {
    kind: 'redis',
    async load(id) {
      const found = await redis.medspillerLoad(key(id));
      if (!found) return undefined;
      const [json, version, ttl] = found;
      return { id, state: JSON.parse(json) as ConversationState, version: Number(version), expiresAt: Date.now() + Number(ttl) };
    },
    async create(id, state, ttlMs) {
      const json = JSON.stringify(state);
      const expiresAt = Date.now() + ttlMs;
      if ((await redis.medspillerCreate(key(id), index, json, ttlMs, expiresAt, id)) !== 1) {
        throw new Error(`session ${id} already exists`);
      }
      // create and save hand back the caller's state: it is what was stored, and parsing it back would only cost time.
      return { id, state, version: 1, expiresAt };
    },
    async save(id, state, expectedVersion, ttlMs) {
      const json = JSON.stringify(state);
      const expiresAt = Date.now() + ttlMs;
      const version = await redis.medspillerSave(key(id), index, json, expectedVersion, ttlMs, expiresAt, id);
      return version ? { id, state, version: Number(version), expiresAt } : undefined;
    },
    async delete(id) {
      return (await redis.medspillerDelete(key(id), index, id)) > 0;
    },
    /** Redis has already dropped the hashes; this trims their index members and returns how many. */
    async purgeExpired(now) {
      return redis.zremrangebyscore(index, '-inf', trimUpTo(now));
    },
    async countActive(now) {
      return redis.medspillerCountActive(index, trimUpTo(now), now);
    },
    async ping() {
      await withTimeout(redis.ping(), 2_000, 'redis ping');
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
