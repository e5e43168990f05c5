/**
 * SessionStore in Redis (MEDSPILLER_SESSIONS=redis://…): one hash per
 * conversation, `<prefix>session:<id>` = { state, version }, with a native
 * Redis expiry (PEXPIRE) that every save renews, so idle sessions vanish by
 * themselves and purgeExpired has nothing to do.
 *
 * create/save/load are Lua scripts, so each is atomic on the server: of two
 * instances saving the same conversation with the same expected version,
 * exactly one wins (compare-and-set).
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { ConversationState } from '../engine/types.js';
import type { SessionRecord, SessionStore } from './session-store.js';
import { withTimeout } from './timeout.js';

export const DEFAULT_REDIS_PREFIX = 'medspiller:';

/** KEYS[1] session key; ARGV: state JSON, ttl ms. Returns 1 when created, 0 when the id is taken. */
const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'version', 1)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/** KEYS[1]; ARGV: state JSON, expected version, ttl ms. Returns the new version, or 0 when stale or gone. */
const SAVE = `
local current = redis.call('HGET', KEYS[1], 'version')
if not current or tonumber(current) ~= tonumber(ARGV[2]) then return 0 end
local next = tonumber(current) + 1
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'version', next)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return next`;

/** KEYS[1]. Returns { state, version, remaining ttl ms } or nil. */
const LOAD = `
local fields = redis.call('HMGET', KEYS[1], 'state', 'version')
if not fields[1] then return nil end
return { fields[1], fields[2], redis.call('PTTL', KEYS[1]) }`;

type ScriptedRedis = Redis & {
  medspillerCreate(key: string, state: string, ttlMs: number): Promise<number>;
  medspillerSave(key: string, state: string, expectedVersion: number, ttlMs: number): Promise<number>;
  medspillerLoad(key: string): Promise<[string, string, number] | null>;
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

export function createRedisSessionStore(url: string, options: RedisSessionStoreOptions = {}): SessionStore {
  const prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
  const redis = new Redis(url, redisClientOptions(options.redis)) as ScriptedRedis;
  // Without a listener ioredis prints every reconnection failure; /readyz reports them instead.
  redis.on('error', () => {});
  redis.defineCommand('medspillerCreate', { numberOfKeys: 1, lua: CREATE });
  redis.defineCommand('medspillerSave', { numberOfKeys: 1, lua: SAVE });
  redis.defineCommand('medspillerLoad', { numberOfKeys: 1, lua: LOAD });
  const key = (id: string) => `${prefix}session:${id}`;
  // create and save hand back the caller's state: it is what was stored, and parsing it back would only cost time.
  const record = (id: string, state: ConversationState, version: number, ttlMs: number): SessionRecord => ({
    id,
    state,
    version,
    expiresAt: Date.now() + ttlMs,
  });

  return {
    kind: 'redis',
    async load(id) {
      const found = await redis.medspillerLoad(key(id));
      if (!found) return undefined;
      const [json, version, ttl] = found;
      return record(id, JSON.parse(json) as ConversationState, Number(version), Number(ttl));
    },
    async create(id, state, ttlMs) {
      const json = JSON.stringify(state);
      if ((await redis.medspillerCreate(key(id), json, ttlMs)) !== 1) throw new Error(`session ${id} already exists`);
      return record(id, state, 1, ttlMs);
    },
    async save(id, state, expectedVersion, ttlMs) {
      const json = JSON.stringify(state);
      const version = await redis.medspillerSave(key(id), json, expectedVersion, ttlMs);
      return version ? record(id, state, Number(version), ttlMs) : undefined;
    },
    async delete(id) {
      return (await redis.del(key(id))) > 0;
    },
    async purgeExpired() {
      return 0;
    },
    async ping() {
      await withTimeout(redis.ping(), 2_000, 'redis ping');
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
