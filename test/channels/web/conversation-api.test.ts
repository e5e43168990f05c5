import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  conversationResponseSchema,
  errorResponseSchema,
  startResponseSchema,
  turnResponseSchema,
} from '../../../src/channels/web/schemas.js';
import { createMemoryRequestStore } from '../../../src/stores/memory-request-store.js';
import { createMemorySessionStore } from '../../../src/stores/memory-session-store.js';
import { createMemorySurveyStore } from '../../../src/stores/memory-survey-store.js';
import { buildTestApp } from './app-fixture.js';

let app: FastifyInstance;
beforeEach(async () => {
  ({ app } = await buildTestApp());
});
afterEach(async () => {
  await app.close();
});

async function start(body: unknown = {}) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: body as object });
  expect(res.statusCode).toBe(201);
  return startResponseSchema.parse(res.json());
}

function turn(id: string, payload: unknown) {
  return app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload: payload as object });
}

function expectError(res: { statusCode: number; json(): unknown; body: string }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  const body = errorResponseSchema.parse(res.json());
  expect(body.error.code).toBe(code);
  expect(res.body).not.toMatch(/at .*\.ts:\d+|stack|FST_ERR/);
  return body.error.message;
}

describe('POST /api/v1/conversations', () => {
  it('starts a conversation: 201, id, replies, prompt, Location, no caching', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} });
    expect(res.statusCode).toBe(201);
    const body = startResponseSchema.parse(res.json());
    expect(body.id.length).toBeGreaterThanOrEqual(22);
    expect(body.prompt).toMatchObject({ kind: 'choice' });
    expect(res.headers.location).toBe(`/api/v1/conversations/${body.id}`);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('starts without any body at all', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/conversations' });
    expect(res.statusCode).toBe(201);
  });

  it('takes municipality, locale and flow', async () => {
    const body = await start({ municipality: 'demo', locale: 'en', flow: 'letter' });
    expect(body.locale).toBe('en');
    expect(body.prompt).toMatchObject({ kind: 'text', question: 'What is your name?' });
  });

  it('refuses an unknown flow, an unknown field and a wrong type', async () => {
    expect(
      expectError(await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: { flow: 'nope' } }), 400, 'unknown_flow'),
    ).toContain('menu');
    expect(
      expectError(await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: { colour: 'red' } }), 400, 'unknown_field'),
    ).toContain('colour');
    expectError(await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: { locale: 5 } }), 400, 'invalid_body');
    expectError(await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: [1, 2] as unknown as object }), 400, 'invalid_body');
  });
});

describe('POST /api/v1/conversations/:id/turns', () => {
  it('answers a choice, a date, text and an action', async () => {
    const { id } = await start();
    const choice = await turn(id, { choice: 'date' });
    expect(choice.statusCode).toBe(200);
    expect(turnResponseSchema.parse(choice.json()).prompt.kind).toBe('date');
    const date = turnResponseSchema.parse((await turn(id, { date: '2026-01-05' })).json());
    expect(date.prompt.kind).toBe('choice');
    const help = turnResponseSchema.parse((await turn(id, { action: 'help' })).json());
    expect(JSON.stringify(help.replies)).toContain('tilbage');
    const text = turnResponseSchema.parse((await turn(id, { text: 'afslut' })).json());
    expect(text).toMatchObject({ done: true, prompt: { kind: 'none' } });
  });

  it('switches language with locale alone', async () => {
    const { id } = await start();
    const res = turnResponseSchema.parse((await turn(id, { locale: 'en' })).json());
    expect(res.locale).toBe('en');
    expect(res.prompt).toMatchObject({ kind: 'choice', choices: expect.arrayContaining([{ id: 'letter', label: 'Write a letter' }]) });
  });

  it('refuses malformed JSON, an empty JSON body and a non-JSON content type', async () => {
    const { id } = await start();
    const url = `/api/v1/conversations/${id}/turns`;
    const headers = { 'content-type': 'application/json' };
    expectError(await app.inject({ method: 'POST', url, headers, payload: '{"choice": ' }), 400, 'bad_request');
    expectError(await app.inject({ method: 'POST', url, headers, payload: '' }), 400, 'bad_request');
    expectError(await app.inject({ method: 'POST', url, headers: { 'content-type': 'text/xml' }, payload: '<a/>' }), 415, 'unsupported_media_type');
  });

  it('refuses unknown fields, two answers at once, none, and bad values', async () => {
    const { id } = await start();
    expect(expectError(await turn(id, { choice: 'date', mood: 'happy' }), 400, 'unknown_field')).toContain('mood');
    expectError(await turn(id, { choice: 'date', text: 'x' }), 400, 'invalid_body');
    expectError(await turn(id, { choice: 'date', locale: 'en' }), 400, 'invalid_body');
    expectError(await turn(id, {}), 400, 'invalid_body');
    expectError(await turn(id, { date: '2026-02-30' }), 400, 'invalid_body');
    expectError(await turn(id, { date: '5/1/2026' }), 400, 'invalid_body');
    expectError(await turn(id, { action: 'dance' }), 400, 'invalid_body');
    expectError(await turn(id, { text: 'x'.repeat(2001) }), 400, 'invalid_body');
    expectError(await turn(id, { choice: 42 }), 400, 'invalid_body');
    const url = `/api/v1/conversations/${id}/turns`;
    const headers = { 'content-type': 'application/json' };
    expectError(await app.inject({ method: 'POST', url, headers, payload: '"hello"' }), 400, 'invalid_body');
    expectError(await app.inject({ method: 'POST', url, headers, payload: 'null' }), 400, 'invalid_body');
    expect((await turn(id, { text: 'x'.repeat(2000) })).statusCode).toBe(200);
  });

  it('refuses a choice that is not offered, listing what is, and keeps the prompt valid', async () => {
    const { id } = await start();
    const message = expectError(await turn(id, { choice: 'yes' }), 400, 'choice_not_offered');
    expect(message).toContain('date, letter, end');
    expect((await turn(id, { choice: 'letter' })).statusCode).toBe(200);
  });

  it('refuses a body over the limit (1 MB) with 413 JSON', async () => {
    const { id } = await start();
    const res = await turn(id, { text: 'x'.repeat(1024 * 1024) });
    expectError(res, 413, 'payload_too_large');
  });

  it('answers an expired conversation with 404', async () => {
    let now = Date.parse('2026-03-10T10:00:00Z');
    const sessions = createMemorySessionStore({ now: () => now });
    const { app: timed } = await buildTestApp(
      { stores: { sessions, requests: createMemoryRequestStore(), survey: createMemorySurveyStore() }, clock: () => new Date(now) },
      { MEDSPILLER_SESSION_TTL: '30m' },
    );
    const { id } = (await timed.inject({ method: 'POST', url: '/api/v1/conversations' })).json();
    now += 29 * 60_000;
    expect((await timed.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload: { choice: 'date' } })).statusCode).toBe(200);
    now += 31 * 60_000;
    expectError(await timed.inject({ method: 'GET', url: `/api/v1/conversations/${id}` }), 404, 'unknown_conversation');
    await timed.close();
  });

  it('answers an unknown conversation with 404', async () => {
    expectError(await turn('AAAAAAAAAAAAAAAAAAAAAA', { text: 'hej' }), 404, 'unknown_conversation');
    expectError(await turn('short', { text: 'hej' }), 404, 'unknown_conversation');
  });
});

describe('GET and DELETE /api/v1/conversations/:id', () => {
  it('gives the transcript and the current prompt', async () => {
    const { id } = await start();
    await turn(id, { choice: 'letter' });
    const res = await app.inject({ method: 'GET', url: `/api/v1/conversations/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = conversationResponseSchema.parse(res.json());
    expect(body).toMatchObject({ id, locale: 'da', municipality: 'demo', done: false, prompt: { kind: 'text' } });
    expect(body.transcript.map((e) => e.role)).toEqual(['bot', 'citizen', 'bot']);
  });

  it('erases with 204; afterwards every route answers 404', async () => {
    const { id } = await start();
    const del = await app.inject({ method: 'DELETE', url: `/api/v1/conversations/${id}` });
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe('');
    expectError(await app.inject({ method: 'GET', url: `/api/v1/conversations/${id}` }), 404, 'unknown_conversation');
    expectError(await turn(id, { choice: 'date' }), 404, 'unknown_conversation');
    expectError(await app.inject({ method: 'DELETE', url: `/api/v1/conversations/${id}` }), 404, 'unknown_conversation');
  });
});

describe('GET /api/v1/conversations/:id/documents/:docId', () => {
  it('serves the latest document as a printable page (default) or text', async () => {
    const { id } = await start({ flow: 'letter' });
    await turn(id, { text: 'Ada <b>Jensen</b>' });
    const html = await app.inject({ method: 'GET', url: `/api/v1/conversations/${id}/documents/complaint_letter` });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.body).toContain('Ada &#60;b&#62;Jensen&#60;/b&#62;');
    const txt = await app.inject({ method: 'GET', url: `/api/v1/conversations/${id}/documents/complaint_letter?format=txt` });
    expect(txt.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(txt.headers['content-disposition']).toBe('inline; filename="complaint_letter.txt"');
    expect(txt.body).toContain('Klage over afgørelse\n====');
  });

  it('answers unknown documents, formats and conversations', async () => {
    const { id } = await start({ flow: 'letter' });
    expectError(await app.inject({ method: 'GET', url: `/api/v1/conversations/${id}/documents/complaint_letter` }), 404, 'unknown_document');
    await turn(id, { text: 'Ada' });
    expectError(await app.inject({ method: 'GET', url: `/api/v1/conversations/${id}/documents/complaint_letter?format=pdf` }), 400, 'invalid_body');
    expectError(await app.inject({ method: 'GET', url: `/api/v1/conversations/AAAAAAAAAAAAAAAAAAAAAA/documents/x` }), 404, 'unknown_conversation');
  });
});

describe('errors everywhere', () => {
  it('answers unknown routes with a JSON 404', async () => {
    expectError(await app.inject({ method: 'GET', url: '/api/v1/nothing' }), 404, 'not_found');
  });

  it('hides internal errors behind a safe 500', async () => {
    const { app: failing } = await buildTestApp({
      content: {
        current: () => {
          throw new Error('secret internal detail /etc/medspiller');
        },
      },
    });
    const res = await failing.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} });
    const message = expectError(res, 500, 'internal');
    expect(res.body).not.toContain('secret');
    expect(message).toContain('went wrong');
    await failing.close();
  });
});

describe('errors Fastify raises before routing', () => {
  it('answer in the contract shape, without echoing the URL, with nosniff and the request id', async () => {
    const malformed = await app.inject({ method: 'GET', url: '/api/v1/conversations/x%ZZ?note=someone@example.dk' });
    expectError(malformed, 400, 'bad_request');
    expect(malformed.body).not.toContain('example.dk');
    expect(malformed.headers['x-content-type-options']).toBe('nosniff');
    expect(malformed.headers['x-request-id']).toBeTruthy();
    const overlong = await app.inject({ method: 'POST', url: `/api/v1/conversations/${'a'.repeat(120)}/turns`, payload: { action: 'help' } });
    expectError(overlong, 414, 'bad_request');
  });
});

describe('Idempotency-Key on turns', () => {
  const keyed = (id: string, payload: object, key: string) =>
    app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload, headers: { 'idempotency-key': key } });

  it('takes an answer once: the same key again is refused with 409 and the conversation stays where it went', async () => {
    const { id } = await start();
    const first = await keyed(id, { choice: 'date' }, 'key-00000001');
    expect(first.statusCode).toBe(200);
    const after = conversationResponseSchema.parse((await app.inject({ method: 'GET', url: `/api/v1/conversations/${id}` })).json());
    expectError(await keyed(id, { choice: 'date' }, 'key-00000001'), 409, 'conflict');
    const still = conversationResponseSchema.parse((await app.inject({ method: 'GET', url: `/api/v1/conversations/${id}` })).json());
    expect(still.transcript).toEqual(after.transcript);
    // A new key, or none, is a new answer.
    expect((await keyed(id, { action: 'help' }, 'key-00000002')).statusCode).toBe(200);
    expect((await turn(id, { action: 'help' })).statusCode).toBe(200);
    expect((await keyed(id, { action: 'help' }, 'key-00000001')).statusCode).toBe(200);
  });

  it('refuses a malformed key with 400', async () => {
    const { id } = await start();
    expectError(await keyed(id, { action: 'help' }, 'short'), 400, 'bad_request');
    expectError(await keyed(id, { action: 'help' }, 'x'.repeat(65)), 400, 'bad_request');
  });
});
