/**
 * The real app on the repository's flows/ and content/ with in-memory stores and
 * a clock the test moves, plus helpers to answer the survey through the web API.
 */
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { buildApp } from '../../src/server.js';
import { createMemoryStores } from '../../src/stores/create-stores.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

export interface AdminTestApp {
  app: FastifyInstance;
  /** Moves the app's clock. */
  setNow(iso: string): void;
}

export async function buildAdminTestApp(env: Record<string, string> = { MEDSPILLER_ADMIN_TOKEN: ADMIN_TOKEN }): Promise<AdminTestApp> {
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      MEDSPILLER_CONTENT_DIR: ROOT,
      MEDSPILLER_WATCH_CONTENT: 'false',
      MEDSPILLER_RATE_LIMIT: '0',
      MEDSPILLER_RATE_LIMIT_CONVERSATION: '0',
      ...env,
    },
    ROOT,
  );
  let now = new Date('2026-02-12T10:00:00Z');
  const app = await buildApp(config, { stores: createMemoryStores(), logger: silentLogger(), clock: () => now });
  return { app, setNow: (iso) => (now = new Date(iso)) };
}

type Turn = { choice: string } | { action: 'skip' } | { text: string };
interface TurnBody {
  done: boolean;
  prompt: { kind: string; choices?: Array<{ id: string }> };
}

async function send(app: FastifyInstance, id: string, turn: Turn): Promise<TurnBody> {
  const response = await app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload: turn });
  if (response.statusCode !== 200) throw new Error(`turn ${JSON.stringify(turn)} failed: ${response.body}`);
  return response.json() as TurnBody;
}

async function startConversation(app: FastifyInstance, start: Record<string, string>): Promise<{ id: string } & TurnBody> {
  const started = await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: start });
  if (started.statusCode !== 201) throw new Error(`start failed: ${started.body}`);
  return started.json() as { id: string } & TurnBody;
}

/** Starts a conversation and sends the turns; returns the last response body. */
export async function converse(app: FastifyInstance, start: Record<string, string>, turns: Turn[]): Promise<TurnBody> {
  const started = await startConversation(app, start);
  let last: TurnBody = started;
  for (const turn of turns) last = await send(app, started.id, turn);
  return last;
}

/**
 * A citizen in Østerby goes through the rights journey (first choice each time)
 * until its way back to the menu, accepts the survey offered there, and answers
 * every question with `value`. Returns the prompt they end on (the menu).
 */
export async function journeyThenSurvey(app: FastifyInstance, area: string, value: string): Promise<TurnBody> {
  const { id } = await startConversation(app, { municipality: 'oesterby' });
  let last = await send(app, id, { choice: 'rights' });
  for (let i = 0; i < 8; i++) {
    const ids = last.prompt.choices?.map((c) => c.id) ?? [];
    if (ids.includes('accept')) break;
    last = await send(app, id, { choice: ids.find((c) => c === 'done' || c === 'menu') ?? ids[0]! });
  }
  if (!last.prompt.choices?.some((c) => c.id === 'accept')) throw new Error('the survey was not offered at the end of the journey');
  await send(app, id, { choice: 'accept' });
  last = await send(app, id, { choice: area });
  while (last.prompt.kind === 'scale') last = await send(app, id, { choice: value });
  return last;
}

/** A citizen in Østerby (six questions) answering every question with `value`. */
export function citizenSurvey(app: FastifyInstance, area: string, value: string) {
  return converse(app, { municipality: 'oesterby', flow: 'survey' }, [{ choice: area }, ...Array.from({ length: 6 }, () => ({ choice: value }))]);
}

export function staffSurvey(app: FastifyInstance, role: 'caseworker' | 'manager', area: string, value: string) {
  return converse(app, { municipality: 'oesterby', flow: 'staff-survey' }, [{ choice: role }, { choice: area }, ...Array.from({ length: 6 }, () => ({ choice: value }))]);
}
