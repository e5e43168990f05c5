/**
 * The service's configuration: the environment, parsed once with zod.
 * `loadConfig(env)` either returns a complete Config or throws a ConfigError
 * naming every variable that is wrong and what is expected, e.g.
 *   PORT: expected a whole number from 0 to 65535, got "eighty"
 * Secrets are never echoed back.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseChatSettings, type ChatSettings } from './channels/chat-config.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: HOUR_MS, d: DAY_MS };
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * A duration: "24h", "30m", "90s", "30d", "1500ms", or plain seconds ("3600").
 * Returns milliseconds, or undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = DURATION_UNITS[(match[2] ?? 's').toLowerCase()]!;
  const ms = Math.round(Number(match[1]) * unit);
  return ms > 0 ? ms : undefined;
}

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const ms = parseDuration(text);
      if (ms === undefined) {
        ctx.addIssue({ code: 'custom', message: `expected a duration like "24h", "30m", "90s", "30d" or seconds, got "${text}"` });
        return z.NEVER;
      }
      return ms;
    });

const flag = (fallback: () => boolean) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return fallback();
      const value = text.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(value)) return true;
      if (['0', 'false', 'no', 'off'].includes(value)) return false;
      ctx.addIssue({ code: 'custom', message: `expected true or false, got "${text}"` });
      return z.NEVER;
    });

const integer = (fallback: number, min: number, max: number) =>
  z
    .string()
    .default(String(fallback))
    .transform((text, ctx) => {
      const value = Number(text);
      if (!/^\s*\d+\s*$/.test(text) || value < min || value > max) {
        ctx.addIssue({ code: 'custom', message: `expected a whole number from ${min} to ${max}, got "${text}"` });
        return z.NEVER;
      }
      return value;
    });

const url = (schemes: string[], example: string) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
      if (!scheme || !schemes.includes(scheme)) {
        // The URL may hold a password: name the expected form, not the value.
        ctx.addIssue({ code: 'custom', message: `expected ${example}` });
        return z.NEVER;
      }
      return text;
    });

/** A bearer token: long enough that guessing it is hopeless. */
const token = z.string().min(16, 'expected at least 16 characters').optional();

/** Where conversations are kept: the SQLite file (default), process memory (tests, demos) or Redis. */
const sessionsSetting = z
  .string()
  .default('sqlite')
  .transform((text, ctx) => {
    if (text === 'sqlite' || text === 'memory') return text;
    if (/^rediss?:\/\//i.test(text)) return text;
    ctx.addIssue({ code: 'custom', message: 'expected "sqlite", "memory" or a redis://… URL' });
    return z.NEVER;
  });

/**
 * Which reverse proxies to trust for the client address: "false" (default: the
 * connecting address is the client), "true" (any), a number of hops, or a
 * comma-separated list of addresses/CIDR ranges, e.g. "10.0.0.0/8,127.0.0.1".
 */
const trustProxySetting = z
  .string()
  .default('false')
  .transform((text, ctx): boolean | number | string[] => {
    const value = text.trim().toLowerCase();
    if (['false', 'no', 'off', '0'].includes(value)) return false;
    if (['true', 'yes', 'on'].includes(value)) return true;
    if (/^\d+$/.test(value)) return Number(value);
    const parts = value.split(',').map((part) => part.trim()).filter(Boolean);
    // Checked here: Fastify would throw "invalid IP address" at start-up, without naming the variable.
    const wrong = parts.find((part) => !isProxyAddress(part));
    if (wrong === undefined) return parts;
    ctx.addIssue({
      code: 'custom',
      message: `expected true, false, a number of hops, or IP addresses and CIDR ranges separated by commas, got "${wrong}"`,
    });
    return z.NEVER;
  });

/** The names proxy-addr (Fastify's trustProxy) knows for address ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(part: string): boolean {
  if (PROXY_RANGE_NAMES.includes(part)) return true;
  const [address = '', bits, rest] = part.split('/');
  const version = isIP(address);
  if (version === 0 || rest !== undefined) return false;
  if (bits === undefined) return true;
  if (isIP(bits) === 4) return version === 4; // a netmask, e.g. 10.0.0.0/255.0.0.0
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

function envSchema(env: Record<string, string | undefined>) {
  const production = env.NODE_ENV === 'production';
  return z.object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: integer(3000, 0, 65535),
    HOST: z.string().min(1).default('0.0.0.0'),
    LOG_LEVEL: z.enum(LOG_LEVELS).default(env.NODE_ENV === 'test' ? 'silent' : 'info'),
    MEDSPILLER_DATA_DIR: z.string().min(1).default('./data'),
    MEDSPILLER_CONTENT_DIR: z.string().min(1).default('.'),
    MEDSPILLER_SESSION_TTL: duration('24h'),
    MEDSPILLER_REQUEST_TTL: duration('30d'),
    MEDSPILLER_SESSIONS: sessionsSetting,
    MEDSPILLER_DATABASE: url(['postgres', 'postgresql'], 'a postgres://user:password@host:5432/database URL'),
    MEDSPILLER_ADMIN_TOKEN: token,
    MEDSPILLER_WATCH_CONTENT: flag(() => !production),
    MEDSPILLER_RATE_LIMIT: integer(300, 0, 1_000_000),
    MEDSPILLER_RATE_LIMIT_CONVERSATION: integer(30, 0, 1_000_000),
    // Same-origin only in production unless the municipal sites are named; anything goes in development.
    MEDSPILLER_ALLOWED_ORIGINS: z.string().default(env.MEDSPILLER_CORS_ORIGINS ?? (production ? '' : '*')),
    MEDSPILLER_TRUST_PROXY: trustProxySetting,
    MEDSPILLER_METRICS_TOKEN: token,
    // The chat channels' variables (SLACK_*, MICROSOFT_APP_*, MEDSPILLER_TEAMS, MEDSPILLER_ADVISER_*)
    // depend on each other: parseChatSettings reads them (src/channels/chat-config.ts).
  });
}

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config extends ChatSettings {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  logLevel: LogLevel;
  /** Absolute path of the folder holding the SQLite file. */
  dataDir: string;
  /** Absolute path of the folder holding flows/ and content/. */
  contentDir: string;
  /** Idle time after which a conversation is gone. */
  sessionTtlMs: number;
  /** Time after which a stored adviser request (name, phone, e-mail) is gone. */
  requestTtlMs: number;
  sessions: 'sqlite' | 'memory' | string;
  database?: string;
  adminToken?: string;
  watchContent: boolean;
  /** Requests per minute per client address on the API; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Turns per minute on one conversation; 0 turns the limit off. */
  conversationRateLimitPerMinute: number;
  /** Origins allowed to call the API from a browser (MEDSPILLER_ALLOWED_ORIGINS): "*" or a list; empty = same origin only. */
  corsOrigins: '*' | string[];
  /** Fastify's trustProxy: which proxies' X-Forwarded-For to believe (for per-address rate limits and logs). */
  trustProxy: boolean | number | string[];
  /** Bearer token for /metrics; the admin token is accepted too. */
  metricsToken?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment (default: process.env). Relative paths are resolved against `cwd`. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const parsed = envSchema(env).safeParse(withoutEmpty(env));
  const chat = parseChatSettings(env);
  if (!parsed.success || chat.problems.length > 0) {
    const issues = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError([...issues, ...chat.problems]);
  }
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    dataDir: resolve(cwd, e.MEDSPILLER_DATA_DIR),
    contentDir: resolve(cwd, e.MEDSPILLER_CONTENT_DIR),
    sessionTtlMs: e.MEDSPILLER_SESSION_TTL,
    requestTtlMs: e.MEDSPILLER_REQUEST_TTL,
    sessions: e.MEDSPILLER_SESSIONS,
    database: e.MEDSPILLER_DATABASE,
    adminToken: e.MEDSPILLER_ADMIN_TOKEN,
    watchContent: e.MEDSPILLER_WATCH_CONTENT,
    rateLimitPerMinute: e.MEDSPILLER_RATE_LIMIT,
    conversationRateLimitPerMinute: e.MEDSPILLER_RATE_LIMIT_CONVERSATION,
    corsOrigins: parseOrigins(e.MEDSPILLER_ALLOWED_ORIGINS),
    trustProxy: e.MEDSPILLER_TRUST_PROXY,
    metricsToken: e.MEDSPILLER_METRICS_TOKEN,
    ...chat.settings,
  };
}

/** An empty variable (`PORT=`) means "not set", as in most shells' .env habits: the schema never sees "". */
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => !!entry[1]));
}

function parseOrigins(text: string): '*' | string[] {
  if (text.trim() === '*') return '*';
  return text
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}
