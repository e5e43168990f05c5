/**
 * Hostile input on every API body and path: random JSON values, wrong types,
 * huge strings, prototype-pollution keys, broken JSON, odd content types and
 * random ids. The API always answers, quickly, with a valid answer or a 4xx
 * JSON error `{ error: { code, message } }`: never a 5xx, never a stack.
 */
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../channels/web/app-fixture.js';

let app: FastifyInstance;
let conversation: string;
beforeAll(async () => {
  ({ app } = await buildTestApp());
  conversation = (await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} })).json().id;
});
afterAll(() => app.close());

const TURN_KEYS = ['choice', 'text', 'date', 'action', 'locale', 'municipality', 'flow', '__proto__', 'constructor', 'prototype', 'toString'];

/** Sends one request, failing if it takes more than 5 s, and checks the answer's shape. */
async function send(options: InjectOptions, okStatuses: number[]): Promise<number> {
  const response = await Promise.race([
    app.inject(options),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer to ${JSON.stringify(options).slice(0, 200)}`)), 5_000)),
  ]);
  const status = response.statusCode;
  expect(status, response.body.slice(0, 300)).toBeLessThan(500);
  if (status >= 400) {
    expect(response.headers['content-type']).toContain('application/json');
    const body = response.json();
    expect(body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    expect(response.body).not.toMatch(/\n\s+at |node_modules|Error:/);
  } else {
    expect(okStatuses).toContain(status);
  }
  return status;
}

const json = (payload: string, url: string, contentType = 'application/json'): InjectOptions => ({
  method: 'POST',
  url,
  headers: { 'content-type': contentType },
  payload,
});

const turnsUrl = () => `/api/v1/conversations/${conversation}/turns`;

/** Objects with the API's own keys and hostile ones, holding any JSON value. */
const turnLike = fc.dictionary(fc.oneof(fc.constantFrom(...TURN_KEYS), fc.string({ maxLength: 12 })), fc.jsonValue({ maxDepth: 3 }), {
  maxKeys: 3,
});

describe('API bodies under fuzzing', () => {
  it('POST /api/v1/conversations takes any JSON value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 3 }), turnLike), async (body) => {
        await send(json(JSON.stringify(body), '/api/v1/conversations'), [201]);
      }),
      { numRuns: 200 },
    );
  });

  it('POST …/turns takes any JSON value, including well-typed but unexpected answers', async () => {
    const answers = fc.oneof(
      turnLike,
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({ text: fc.string({ maxLength: 2_500 }) }),
      fc.record({ choice: fc.string({ maxLength: 80 }) }),
      fc.record({ date: fc.string({ maxLength: 12 }) }),
      fc.record({ action: fc.string({ maxLength: 10 }) }),
      fc.record({ locale: fc.string({ maxLength: 20 }) }),
    );
    await fc.assert(
      fc.asyncProperty(answers, async (body) => {
        await send(json(JSON.stringify(body), turnsUrl()), [200]);
      }),
      { numRuns: 300 },
    );
    // Whatever happened, the conversation can still be read back.
    await send({ method: 'GET', url: `/api/v1/conversations/${conversation}` }, [200]);
  });

  it('refuses broken JSON, any raw text, and non-JSON content types with a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 300 }),
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data'),
        fc.constantFrom('/api/v1/conversations', turnsUrl()),
        async (payload, contentType, url) => {
          await send(json(payload, url, contentType), [200, 201]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses prototype-pollution keys and leaves Object.prototype alone', async () => {
    const hostile = [
      '{"__proto__": {"polluted": true}, "text": "x"}',
      '{"text": "x", "__proto__": {"polluted": true}}',
      '{"constructor": {"prototype": {"polluted": true}}}',
      '{"municipality": "demo", "__proto__": {"polluted": true}}',
      '{"choice": {"__proto__": {"polluted": true}}}',
    ];
    for (const payload of hostile) {
      for (const url of ['/api/v1/conversations', turnsUrl()]) expect(await send(json(payload, url), [])).toBe(400);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses huge bodies with 413 and over-long texts with 400', async () => {
    expect(await send(json(JSON.stringify({ text: 'å'.repeat(20_000) }), turnsUrl()), [])).toBe(413);
    expect(await send(json(JSON.stringify({ municipality: 'x'.repeat(100_000) }), '/api/v1/conversations'), [])).toBe(413);
    expect(await send(json(JSON.stringify({ text: 'x'.repeat(2_001) }), turnsUrl()), [])).toBe(400);
    expect(await send(json(`${'['.repeat(5_000)}${']'.repeat(5_000)}`, turnsUrl()), [])).toBe(400);
  });

  it('answers any conversation id in the path with 404 or 400', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 100 }), fc.constantFrom('GET', 'DELETE', 'POST'), async (id, method) => {
        const path = `/api/v1/conversations/${encodeURIComponent(id)}`;
        const options: InjectOptions =
          method === 'POST' ? json('{"action":"repeat"}', `${path}/turns`) : { method: method as 'GET' | 'DELETE', url: path };
        const status = await send(options, [200, 204]);
        if (id !== conversation) expect([400, 404]).toContain(status);
      }),
      { numRuns: 200 },
    );
  });
});
