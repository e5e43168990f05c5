/**
 * The app with Slack configured, signed requests built from the recorded payloads
 * in test/fixtures/slack, and nock interceptors for Slack's Web API that record
 * each call's exact body (form fields; `blocks` parsed from its JSON).
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../../src/config.js';
import type { ContentProvider } from '../../../src/conversation/types.js';
import type { Logger } from '../../../src/logger.js';
import { silentLogger } from '../../../src/logger.js';
import { buildApp } from '../../../src/server.js';
import { createMemoryRequestStore } from '../../../src/stores/memory-request-store.js';
import { createMemorySessionStore } from '../../../src/stores/memory-session-store.js';
import type { Stores } from '../../../src/stores/create-stores.js';
import { createMemorySurveyStore } from '../../../src/stores/memory-survey-store.js';
import { fixtureContent } from '../../conversation/fixture-bundle.js';

export const SIGNING_SECRET = '0123456789abcdef0123456789abcdef';
export const BOT_TOKEN = 'xoxb-1111-2222-testtoken';
export const FIXTURES = join(import.meta.dirname, '../../fixtures/slack');

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function fixtureJson(name: string): Record<string, any> {
  return JSON.parse(fixtureText(name)) as Record<string, any>;
}

export interface SlackTestApp {
  app: FastifyInstance;
  stores: Stores;
  clock: () => Date;
}

export async function buildSlackApp(
  options: { env?: Record<string, string>; content?: ContentProvider; now?: Date; logger?: Logger; stores?: Stores } = {},
): Promise<SlackTestApp> {
  const stores = options.stores ?? { sessions: createMemorySessionStore(), requests: createMemoryRequestStore(), survey: createMemorySurveyStore() };
  const now = options.now;
  const clock = () => (now ? new Date(now) : new Date());
  const config = loadConfig({
    NODE_ENV: 'test',
    MEDSPILLER_RATE_LIMIT: '0',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    ...options.env,
  });
  const app = await buildApp(config, {
    content: (options.content ?? fixtureContent()) as never,
    stores,
    logger: options.logger ?? silentLogger(),
    clock,
  });
  return { app, stores, clock };
}

export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a body to /slack/events, signed for the app's clock, and waits for the work after the acknowledgement. */
export async function postSlack(test: SlackTestApp, body: string, contentType: string, headers: Record<string, string> = {}) {
  const timestamp = Math.floor(test.clock().getTime() / 1000);
  const response = await test.app.inject({
    method: 'POST',
    url: '/slack/events',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp),
      ...headers,
    },
    payload: body,
  });
  await test.app.chatChannels.idle();
  return response;
}

export function postEvent(test: SlackTestApp, event: unknown) {
  return postSlack(test, JSON.stringify(event), 'application/json');
}

export function postInteraction(test: SlackTestApp, payload: unknown) {
  return postSlack(test, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
}

/** A Slack API call's body as the fields Slack received; JSON-valued fields (blocks, files) parsed. */
export type CallBody = Record<string, unknown>;

function parseForm(body: unknown): CallBody {
  const fields = typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, string>);
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, typeof value === 'string' && /^[[{]/.test(value) ? JSON.parse(value) : value]),
  );
}

/** Intercepts Slack's Web API: each `reply` answers one call in order; returns the recorded bodies. */
export function slackApi() {
  const calls: Array<{ method: string; body: CallBody }> = [];
  const scope = nock('https://slack.com').matchHeader('authorization', `Bearer ${BOT_TOKEN}`);
  return {
    calls,
    scope,
    expect(method: string, response: Record<string, unknown> = { ok: true }, status = 200) {
      scope.post(`/api/${method}`, (body) => {
        calls.push({ method, body: parseForm(body) });
        return true;
      }).reply(status, response);
      return this;
    },
  };
}

/** The usual reply to chat.postMessage. */
export function posted(channel: string, ts = '1764152500.000100') {
  return { ok: true, channel, ts, message: { ts } };
}
