/**
 * Nothing a citizen types reaches the logs: a whole conversation with a name,
 * a phone number, an e-mail address and a CPR number, plus hostile requests that
 * carry them in bodies, headers and query strings, is logged at `trace` and the
 * captured output is searched for every one of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { loggablePath, REDACTED, redactPersonal } from '../../src/observability/redaction.js';
import { buildApp } from '../../src/server.js';
import { createMemoryStores, type Stores } from '../../src/stores/create-stores.js';
import { ADVISER_FIRST_HALF, answer, citizenLines, injectApi, REAL_CONTENT_DIR, type Api } from './api-client.js';

const SECRETS = ['Ida Hansen', 'Hansen', '12345678', 'ida.hansen@example.dk', '010203-1234', '0102031234', 'Kærlig hilsen Ida'];
const ADMIN_TOKEN = 'admin-token-0123456789';

describe('log privacy', () => {
  const lines: string[] = [];
  let app: FastifyInstance;
  let api: Api;
  let stores: Stores;

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', MEDSPILLER_CONTENT_DIR: REAL_CONTENT_DIR, MEDSPILLER_WATCH_CONTENT: 'false', MEDSPILLER_ADMIN_TOKEN: ADMIN_TOKEN });
    const logger = createLogger('trace', { write: (line: string) => void lines.push(line) });
    stores = createMemoryStores();
    app = await buildApp(config, { logger, stores });
    api = injectApi(app);
  });
  afterAll(() => app.close());

  it('logs ids and node names but none of what the citizen wrote', async () => {
    const { body } = await api('POST', '/api/v1/conversations', {});
    const id = body.id as string;
    await answer(api, id, { text: 'mit cpr er 010203-1234, og du kan ringe på 12345678' });
    await answer(api, id, { text: 'eller 0102031234 eller skriv til ida.hansen@example.dk' });
    for (const turn of ADVISER_FIRST_HALF) await answer(api, id, turn);
    await answer(api, id, { text: 'Ida Hansen' });
    await answer(api, id, { choice: 'email' });
    await answer(api, id, { text: 'ida.hansen@example.dk' });
    await answer(api, id, { choice: 'decision' });
    await answer(api, id, { choice: 'send' });
    expect(await stores.requests.list()).toMatchObject([{ name: 'Ida Hansen', email: 'ida.hansen@example.dk' }]);

    // Hostile and broken requests that carry the same data in other places.
    await api('POST', `/api/v1/conversations/${id}/turns`, { text: 'Ida Hansen', name: 'Ida Hansen' });
    await api('POST', `/api/v1/conversations/${id}/turns`, { choice: 'Ida Hansen' });
    await api('POST', `/api/v1/conversations/${id}/turns`, { text: 'Kærlig hilsen Ida'.repeat(500) });
    await app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, headers: { 'content-type': 'application/json' }, payload: '{"text": "Ida Hansen' });
    await app.inject({ method: 'GET', url: `/api/v1/conversations/${id}?name=Ida%20Hansen&phone=12345678` });
    await app.inject({ method: 'GET', url: '/api/v1/conversations/ida.hansen@example.dk' });
    await api('POST', '/api/v1/admin/reload', undefined, { authorization: `Bearer ${ADMIN_TOKEN}`, 'x-citizen': 'Ida Hansen' });
    await api('GET', '/metrics', undefined, { authorization: 'Bearer Ida Hansen 12345678', cookie: 'name=Ida Hansen' });

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(20);
    expect(log).toContain(id);
    expect(log).toContain('"node":');
    for (const secret of [...SECRETS, ADMIN_TOKEN]) expect(log, secret).not.toContain(secret);
  });

  it('keeps a CPR number masked in the stored conversation', async () => {
    const { body } = await api('POST', '/api/v1/conversations', {});
    for (const turn of ADVISER_FIRST_HALF) await answer(api, body.id, turn);
    await answer(api, body.id, { text: 'Ida, cpr 010203-1234' });
    expect((await citizenLines(api, body.id)).at(-1)).toBe('Ida, cpr 010203-****');
    expect(JSON.stringify((await stores.sessions.load(body.id))?.state)).not.toContain('010203-1234');
  });

  it('blanks personal fields and credentials handed to a log call by mistake, at the top and one level down', () => {
    const written: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void written.push(line) });
    logger.info(
      {
        text: 'Ida Hansen',
        conversation: 'abc',
        effect: { name: 'Ida Hansen', phone: '12345678', flow: 'adviser' },
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, accept: 'application/json' },
        request: { headers: { cookie: 'name=Ida Hansen' }, method: 'POST' },
      },
      'oops',
    );
    const line = JSON.parse(written[0]!);
    expect(line).toMatchObject({
      text: REDACTED,
      conversation: 'abc',
      effect: { name: REDACTED, phone: REDACTED, flow: 'adviser' },
      headers: { authorization: REDACTED, accept: 'application/json' },
      request: { headers: { cookie: REDACTED }, method: 'POST' },
    });
    for (const secret of [...SECRETS, ADMIN_TOKEN]) expect(written[0], secret).not.toContain(secret);
  });

  it('passes a log object without personal fields through untouched (no copy on the hot path)', () => {
    const object = { conversation: 'abc', flow: 'complaint', node: 'start', ms: 3.5, nested: { a: 1 } };
    expect(redactPersonal(object)).toBe(object);
    const original = { effect: { email: 'ida.hansen@example.dk' } };
    expect(redactPersonal(original)).toEqual({ effect: { email: REDACTED } });
    expect(original.effect.email).toBe('ida.hansen@example.dk');
  });

  it('logs a path as it is only when every segment is plain, and never its query', () => {
    expect(loggablePath('/api/v1/conversations/Lg3BQRYE--4dfpX9wTrZUQ/turns?x=1')).toBe('/api/v1/conversations/Lg3BQRYE--4dfpX9wTrZUQ/turns');
    expect(loggablePath('/api/v1/conversations/ida.hansen@example.dk')).toBe('/api/v1/conversations/*');
    expect(loggablePath('/api/v1/conversations/0102031234/turns')).toBe('/api/v1/conversations/*/turns');
    expect(loggablePath(`/api/v1/conversations/${'a'.repeat(65)}`)).toBe('/api/v1/conversations/*');
    expect(loggablePath(`/a/${'b'.repeat(64)}`)).toBe(`/a/${'b'.repeat(64)}`);
    expect(loggablePath(undefined)).toBe('');
  });
});
