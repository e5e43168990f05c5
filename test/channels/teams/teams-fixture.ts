/**
 * The app with Teams configured (emulator mode unless the test sets an app id),
 * the recorded activities in test/fixtures/teams, and a nock interceptor for the
 * Bot Framework connector that records each outgoing activity exactly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../../src/config.js';
import type { ContentProvider } from '../../../src/conversation/types.js';
import { silentLogger, type Logger } from '../../../src/logger.js';
import { buildApp } from '../../../src/server.js';
import type { Stores } from '../../../src/stores/create-stores.js';
import { createMemoryRequestStore } from '../../../src/stores/memory-request-store.js';
import { createMemorySessionStore } from '../../../src/stores/memory-session-store.js';
import { createMemorySurveyStore } from '../../../src/stores/memory-survey-store.js';
import { fixtureContent } from '../../conversation/fixture-bundle.js';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/teams');
export const SERVICE_URL = 'https://smba.trafficmanager.net';
export const CONVERSATION = 'a:1Xz9QwErTyUiOpAsDfGhJkLzXcVbNm0123456789abcdefGHIJKLmnopQRSTuv';
export const APP_ID = '8e5a9b1c-2d3e-4f50-9a6b-7c8d9e0f1a2b';

export function activity(name: string): Record<string, any> {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, any>;
}

export interface TeamsTestApp {
  app: FastifyInstance;
  stores: Stores;
}

export async function buildTeamsApp(
  options: { env?: Record<string, string>; content?: ContentProvider; now?: Date; logger?: Logger; stores?: Stores } = {},
): Promise<TeamsTestApp> {
  const stores = options.stores ?? { sessions: createMemorySessionStore(), requests: createMemoryRequestStore(), survey: createMemorySurveyStore() };
  const config = loadConfig({ NODE_ENV: 'test', MEDSPILLER_RATE_LIMIT: '0', MEDSPILLER_TEAMS: 'emulator', ...options.env });
  const now = options.now;
  const app = await buildApp(config, {
    content: (options.content ?? fixtureContent()) as never,
    stores,
    logger: options.logger ?? silentLogger(),
    ...(now && { clock: () => new Date(now) }),
  });
  return { app, stores };
}

export function postActivity(test: TeamsTestApp, body: unknown, headers: Record<string, string> = {}) {
  return test.app.inject({ method: 'POST', url: '/api/messages', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });
}

/** Intercepts replies to the fixture conversation; each call to `expectReply` answers one activity sent. */
export function connector(conversation = CONVERSATION) {
  const sent: Array<{ path: string; body: Record<string, any> }> = [];
  const scope = nock(SERVICE_URL);
  const base = `/emea/v3/conversations/${encodeURIComponent(conversation)}/activities`;
  return {
    sent,
    scope,
    expectReply(replyToId: string, times = 1) {
      scope
        .post(`${base}/${encodeURIComponent(replyToId)}`, (body) => {
          sent.push({ path: 'reply', body: body as Record<string, any> });
          return true;
        })
        .times(times)
        .reply(200, { id: '1:sent' });
      return this;
    },
  };
}
