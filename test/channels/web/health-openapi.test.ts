import { describe, expect, it } from 'vitest';
import { buildTestApp } from './app-fixture.js';

describe('health and readiness', () => {
  it('answers /healthz and /readyz', async () => {
    const { app } = await buildTestApp();
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', content: 'fixture-1', sessions: 'memory' });
    await app.close();
  });

  it('is not ready when a store does not answer', async () => {
    const { app, stores } = await buildTestApp();
    stores.sessions.ping = async () => {
      throw new Error('connection refused');
    };
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ error: { code: 'not_ready', message: expect.any(String) } });
    await app.close();
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('describes every route with schemas generated from zod', async () => {
    const { app } = await buildTestApp();
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/conversations',
        '/api/v1/conversations/{id}',
        '/api/v1/conversations/{id}/turns',
        '/api/v1/conversations/{id}/documents/{docId}',
        '/healthz',
        '/readyz',
        '/api/v1/admin/reload',
        '/api/v1/admin/municipalities',
        '/api/v1/admin/municipalities/{id}/survey',
        '/api/v1/admin/municipalities/{id}/survey.csv',
      ]),
    );
    expect(doc.paths['/api/v1/admin/municipalities/{id}/survey'].get.security).toEqual([{ adminToken: [] }]);
    expect(doc.components.securitySchemes.adminToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    const schemas = doc.components.schemas;
    expect(schemas.TurnBody.anyOf).toHaveLength(5);
    expect(schemas.TurnBody.anyOf[1]).toMatchObject({ properties: { text: { maxLength: 2000 } }, additionalProperties: false });
    expect(schemas.StartBody.additionalProperties).toBe(false);
    expect(schemas.TurnResponse.properties.prompt).toEqual({ $ref: '#/components/schemas/Prompt' });
    expect(schemas.Error.properties.error.properties.code.enum).toContain('choice_not_offered');
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of refs) expect(schemas[ref.split('/').at(-1)!]).toBeDefined();
    await app.close();
  });
});

describe('rate limiting', () => {
  it('answers 429 rate_limited past the limit on the API, never on health checks', async () => {
    const { app } = await buildTestApp({}, { MEDSPILLER_RATE_LIMIT: '2' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await app.inject({ method: 'POST', url: '/api/v1/conversations' })).statusCode);
    expect(statuses).toEqual([201, 201, 429]);
    const limited = await app.inject({ method: 'POST', url: '/api/v1/conversations' });
    expect(limited.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await app.close();
  });
});
