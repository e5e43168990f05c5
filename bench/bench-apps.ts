/**
 * The servers the HTTP and open-loop benchmarks measure, all in this process:
 *
 *  - Medspiller's full app (buildApp) on a session store: SQLite (the default,
 *    a file in a temp folder), memory, or Redis. Production settings: logging
 *    at info (to /dev/null), security headers, CORS, metrics. Rate limits are
 *    turned off with MEDSPILLER_RATE_LIMIT=0 and MEDSPILLER_RATE_LIMIT_CONVERSATION=0
 *    (security-plugin.ts then registers no limiter at all).
 *  - a bare Fastify app with the ceiling (GET, small JSON) and the like-for-like
 *    baseline (POST, a body of a turn's size validated by a JSON schema, a reply
 *    of a turn's size).
 *
 * The turn measured: `{"action":"help"}` on a conversation mid-way through the
 * complaint journey (at "what do you want to do now?", after the deadline was
 * worked out). It is a real engine step (the help text and the question with
 * its choices are rendered) and a real compare-and-set save (the version goes
 * up), and it leaves the conversation where it was, so any number of turns
 * stay valid and the state does not grow.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fastify, type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { loadConfig, type LogLevel } from '../src/config.js';
import { ACTIONS } from '../src/channels/web/schemas.js';
import { createLogger } from '../src/logger.js';
import { buildApp, LISTEN_BACKLOG, type ClosableContent } from '../src/server.js';
import { closeStores, createStores, type Stores } from '../src/stores/create-stores.js';

export type StoreKind = 'memory' | 'sqlite' | 'redis';

export const TURN_BODY = JSON.stringify({ action: 'help' });
export const DEFAULT_REDIS_URL = process.env.MEDSPILLER_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface BenchServer {
  name: string;
  origin: string;
  close(): Promise<void>;
}

export interface BenchApp extends BenchServer {
  /** Conversations standing at the complaint's options question, ready for help turns. */
  conversationIds: string[];
  /** `/api/v1/conversations/<id>/turns` for each conversation. */
  turnPaths: string[];
  /** One help turn's reply, as sent (the bare baseline answers with the same). */
  sampleReply: string;
}

/** A date 10 days back: in time, and never in the future for the date question. */
function recentDate(): string {
  return new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
}

const JOURNEY_TO_OPTIONS = [{ choice: 'complaint' }, { choice: 'written' }, { choice: 'digital' }, { date: recentDate() }];

async function prepareConversation(app: FastifyInstance): Promise<string> {
  const started = await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} });
  if (started.statusCode !== 201) throw new Error(`starting a conversation failed: ${started.statusCode} ${started.body}`);
  const id = (started.json() as { id: string }).id;
  for (const body of JOURNEY_TO_OPTIONS) {
    const turn = await app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload: body });
    if (turn.statusCode !== 200) throw new Error(`preparing a conversation failed at ${JSON.stringify(body)}: ${turn.statusCode}`);
  }
  return id;
}

/** Checks the measured turn is what the header says: answered, and the conversation still at the options question. */
async function sampleHelpTurn(app: FastifyInstance, id: string): Promise<string> {
  const turn = await app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload: TURN_BODY, headers: { 'content-type': 'application/json' } });
  const reply = turn.json() as { prompt: { kind: string; choices?: Array<{ id: string }> } };
  if (turn.statusCode !== 200 || !reply.prompt.choices?.some((c) => c.id === 'letter')) {
    throw new Error(`the help turn did not stay at the options question: ${turn.statusCode} ${turn.body.slice(0, 200)}`);
  }
  return turn.body;
}

async function prepareConversations(app: FastifyInstance, count: number): Promise<string[]> {
  const ids: string[] = [];
  const batch = 25;
  for (let i = 0; i < count; i += batch) {
    ids.push(...(await Promise.all(Array.from({ length: Math.min(batch, count - i) }, () => prepareConversation(app)))));
  }
  return ids;
}

export interface BenchAppOptions {
  /** How many conversations to prepare (more than the connections, so no two turns race on one). */
  conversations: number;
  /** `info` is what production runs with; `silent` shows what the request logs cost. */
  logLevel?: LogLevel;
  redisUrl?: string;
  /** The name in the results; defaults to the store kind. */
  name?: string;
}

function benchConfig(kind: StoreKind, dataDir: string, logLevel: LogLevel, redisUrl: string) {
  return loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: logLevel,
    MEDSPILLER_DATA_DIR: dataDir,
    MEDSPILLER_SESSIONS: kind === 'redis' ? redisUrl : kind,
    MEDSPILLER_SESSION_TTL: '30m',
    MEDSPILLER_WATCH_CONTENT: 'false',
    MEDSPILLER_RATE_LIMIT: '0',
    MEDSPILLER_RATE_LIMIT_CONVERSATION: '0',
  });
}

/** Whether Redis answers at `url` within a second. */
export async function redisReachable(url = DEFAULT_REDIS_URL): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** Starts buildApp on `kind`, listening on a free port on 127.0.0.1, with conversations prepared. */
export async function startBenchApp(kind: StoreKind, content: ClosableContent, options: BenchAppOptions): Promise<BenchApp> {
  const logLevel = options.logLevel ?? 'info';
  const dataDir = mkdtempSync(join(tmpdir(), 'medspiller-bench-'));
  const config = benchConfig(kind, dataDir, logLevel, options.redisUrl ?? DEFAULT_REDIS_URL);
  // Redis keys get a prefix of their own, so a benchmark never touches anybody's sessions.
  const redisPrefix = `medspiller-bench-${process.pid}-${Date.now()}:`;
  const stores: Stores | undefined = kind === 'redis' ? await createStores(config, { redisPrefix }) : undefined;
  const logger = createLogger(logLevel, pino.destination({ dest: '/dev/null', sync: false }));
  const app = await buildApp(config, { content, logger, ...(stores && { stores, redisPrefix }) });
  const origin = await app.listen({ host: '127.0.0.1', port: 0, backlog: LISTEN_BACKLOG });
  const conversationIds = await prepareConversations(app, options.conversations);
  const sampleReply = await sampleHelpTurn(app, conversationIds[0]!);
  return {
    name: options.name ?? kind,
    origin,
    conversationIds,
    turnPaths: conversationIds.map((id) => `/api/v1/conversations/${id}/turns`),
    sampleReply,
    async close() {
      if (stores) await Promise.all(conversationIds.map((id) => stores.sessions.delete(id)));
      await app.close();
      if (stores) await closeStores(stores);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const CEILING_PATH = '/ceiling';

/** The baseline's path for a conversation id: the turn's own path, routed the same way on the bare server. */
export function baselinePath(id: string): string {
  return `/api/v1/conversations/${id}/turns`;
}

/** Bare Fastify: no logging, no plugins, a schema-validated POST answering `replyJson`, and a GET answering `{"hello":"world"}`. */
export async function startBareApp(replyJson: string): Promise<BenchServer> {
  const app = fastify();
  const reply = JSON.parse(replyJson) as unknown;
  const body = {
    type: 'object',
    properties: { action: { type: 'string', enum: [...ACTIONS] } },
    required: ['action'],
    additionalProperties: false,
  };
  app.get(CEILING_PATH, async () => ({ hello: 'world' }));
  app.post(baselinePath(':id'), { schema: { body } }, async () => reply);
  // The same listen queue as the app: the baseline differs only in what it does with a request.
  const origin = await app.listen({ host: '127.0.0.1', port: 0, backlog: LISTEN_BACKLOG });
  return { name: 'bare', origin, close: () => app.close() };
}
