/**
 * Security for every route, registered by buildApp before the routes:
 *  - headers and a strict Content-Security-Policy (helmet); routes
 *    that serve pages or downloads may set a stricter or looser CSP of their own
 *    (the widget's demo pages, documents);
 *  - CORS for /api/v1 only, limited to MEDSPILLER_ALLOWED_ORIGINS;
 *  - rate limits (@fastify/rate-limit): requests per minute per client address
 *    on /api/ (MEDSPILLER_RATE_LIMIT), and turns per minute per conversation
 *    (MEDSPILLER_RATE_LIMIT_CONVERSATION). With Redis sessions the counts live
 *    in Redis, so several instances share them. Over the limit: 429 with
 *    Retry-After and the usual JSON error body. If Redis is away the limits
 *    are skipped rather than locking citizens out.
 */
import { fastifyCors } from '@fastify/cors';
import { fastifyRateLimit } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Redis } from 'ioredis';
import type { Config } from '../../config.js';
import { AppError } from '../../errors.js';
import { isRedisUrl } from '../../stores/create-stores.js';
import { DEFAULT_REDIS_PREFIX, redisClientOptions } from '../../stores/redis-session-store.js';

export type SecurityConfig = Pick<
  Config,
  'corsOrigins' | 'rateLimitPerMinute' | 'conversationRateLimitPerMinute' | 'sessions'
>;

export interface SecurityPluginOptions {
  config: SecurityConfig;
  /** Redis key prefix of the shared rate-limit counters (tests use a unique one). */
  redisPrefix?: string;
}

/** The route whose calls are also limited per conversation. */
export const TURNS_ROUTE = '/api/v1/conversations/:id/turns';
const MINUTE_MS = 60_000;

/** For JSON and anything that sets no policy of its own: same-origin resources only, never framed. */
const DEFAULT_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Helmet's headers, worked out once: they are the same for every response, and
 * setting them one by one through its middleware cost 20–40 µs a request.
 */
function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: DEFAULT_CSP_DIRECTIVES },
    // The widget's script sets cross-origin itself; everything else stays same-origin.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  })({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

const plugin: FastifyPluginAsync<SecurityPluginOptions> = async (app, { config, redisPrefix }) => {
  const headers = securityHeaders();
  // Set on the reply, so a route that needs its own policy (pages, documents) simply overrides one.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  await registerCors(app, config.corsOrigins);
  await registerRateLimits(app, config, redisPrefix ?? DEFAULT_REDIS_PREFIX);
};

async function registerCors(app: FastifyInstance, origins: SecurityConfig['corsOrigins']): Promise<void> {
  const origin = origins === '*' ? '*' : origins.length ? origins : false;
  // Same-origin only: there is no grant to give, so no per-request CORS work (a preflight finds no route: 404).
  if (origin === false) return;
  await app.register(fastifyCors, {
    delegator: (request, callback) =>
      callback(
        null,
        request.url?.startsWith('/api/v1/')
          ? { origin, methods: ['GET', 'POST', 'DELETE'], exposedHeaders: ['x-request-id', 'retry-after'], maxAge: 600 }
          : { origin: false },
      ),
  });
}

async function registerRateLimits(app: FastifyInstance, config: SecurityConfig, prefix: string): Promise<void> {
  if (config.rateLimitPerMinute <= 0 && config.conversationRateLimitPerMinute <= 0) return;
  // No offline queue: while Redis is away a count fails at once and the limit is skipped, adding no delay.
  const redis = isRedisUrl(config.sessions)
    ? new Redis(config.sessions, redisClientOptions({ connectTimeout: 1_000, enableOfflineQueue: false, lazyConnect: true }))
    : undefined;
  if (redis) {
    redis.on('error', () => {});
    // Counting starts with the service when Redis is there; if not, ioredis keeps trying in the background.
    await redis.connect().catch(() => {});
    app.addHook('onClose', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
  }
  await app.register(fastifyRateLimit, {
    global: config.rateLimitPerMinute > 0,
    max: Math.max(config.rateLimitPerMinute, 1),
    timeWindow: MINUTE_MS,
    allowList: (request) => !request.url.startsWith('/api/'),
    ...(redis && { redis, nameSpace: `${prefix}ratelimit:` }),
    skipOnError: true,
    errorResponseBuilder: () => new AppError('rate_limited'),
  });
  if (config.conversationRateLimitPerMinute > 0) limitTurnsPerConversation(app, config.conversationRateLimitPerMinute);
}

/** A second counter for turns, keyed by conversation id (a runaway client or a shared computer on one id). */
function limitTurnsPerConversation(app: FastifyInstance, max: number): void {
  const check = app.createRateLimit({
    max,
    timeWindow: MINUTE_MS,
    skipOnError: true,
    keyGenerator: (request: FastifyRequest) => `conversation:${(request.params as { id?: string }).id ?? ''}`,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== TURNS_ROUTE) return;
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    reply.header('retry-after', result.ttlInSeconds);
    throw new AppError('rate_limited');
  });
}

// Registered without encapsulation, so its hooks and headers cover the routes registered after it.
export const securityPlugin = Object.assign(plugin, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'medspiller-security',
});

/** MEDSPILLER_TRUST_PROXY as Fastify's trustProxy: a number of hops becomes "trust the nearest n proxies". */
export function trustProxyOption(setting: boolean | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}
