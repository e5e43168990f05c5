/** Security headers, CORS, rate limits and request ids, over app.inject on the fixture bundle. */
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../channels/web/app-fixture.js';

const start = { method: 'POST' as const, url: '/api/v1/conversations', payload: {} };

describe('security headers', () => {
  it('sends a strict CSP and the usual hardening headers on API answers', async () => {
    const { app } = await buildTestApp();
    const response = await app.inject(start);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-powered-by']).toBeUndefined();
    await app.close();
  });

  it('lets the widget script be loaded from municipal sites', async () => {
    const { app } = await buildTestApp();
    const response = await app.inject({ method: 'GET', url: '/widget.js' });
    if (response.statusCode === 200) expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    else expect(response.json().error.code).toBe('not_ready');
    await app.close();
  });
});

describe('CORS', () => {
  const origins = { MEDSPILLER_ALLOWED_ORIGINS: 'https://www.demo-kommune.dk, https://borger.demo-kommune.dk' };

  it('allows the configured municipal origins on /api/v1 and answers their preflight', async () => {
    const { app } = await buildTestApp({}, origins);
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/conversations',
      headers: { origin: 'https://borger.demo-kommune.dk', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://borger.demo-kommune.dk');
    const response = await app.inject({ ...start, headers: { origin: 'https://www.demo-kommune.dk' } });
    expect(response.headers['access-control-allow-origin']).toBe('https://www.demo-kommune.dk');
    expect(response.headers['access-control-expose-headers']).toContain('x-request-id');
    await app.close();
  });

  it('gives other origins no CORS grant, and none outside /api/v1', async () => {
    const { app } = await buildTestApp({}, origins);
    const other = await app.inject({ ...start, headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const health = await app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'https://www.demo-kommune.dk' } });
    expect(health.headers['access-control-allow-origin']).toBeUndefined();
    await app.close();
  });

  it('is same-origin only in production when no origins are configured', async () => {
    const { app } = await buildTestApp({}, { NODE_ENV: 'production' });
    const response = await app.inject({ ...start, headers: { origin: 'https://www.demo-kommune.dk' } });
    expect(response.statusCode).toBe(201);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    await app.close();
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After and a JSON error once an address exceeds MEDSPILLER_RATE_LIMIT', async () => {
    const { app } = await buildTestApp({}, { MEDSPILLER_RATE_LIMIT: '3' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.inject(start)).statusCode);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await app.inject(start);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['content-type']).toContain('application/json');
    expect(limited.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    // Another address, and the non-API routes, are not limited.
    expect((await app.inject({ ...start, remoteAddress: '10.1.2.3' })).statusCode).toBe(201);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await app.close();
  });

  it('limits turns per conversation, whatever the address', async () => {
    const { app } = await buildTestApp({}, { MEDSPILLER_RATE_LIMIT_CONVERSATION: '2' });
    const { id } = (await app.inject(start)).json();
    const other = (await app.inject(start)).json().id;
    const turn = (conversation: string, remoteAddress: string) =>
      app.inject({ method: 'POST', url: `/api/v1/conversations/${conversation}/turns`, payload: { action: 'repeat' }, remoteAddress });
    expect((await turn(id, '10.0.0.1')).statusCode).toBe(200);
    expect((await turn(id, '10.0.0.2')).statusCode).toBe(200);
    const limited = await turn(id, '10.0.0.3');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await turn(other, '10.0.0.3')).statusCode).toBe(200);
    await app.close();
  });

  it('uses the forwarded client address only from trusted proxies', async () => {
    const { app } = await buildTestApp({}, { MEDSPILLER_RATE_LIMIT: '1', MEDSPILLER_TRUST_PROXY: '127.0.0.1' });
    const from = (client: string) => app.inject({ ...start, headers: { 'x-forwarded-for': client } });
    expect((await from('192.0.2.1')).statusCode).toBe(201);
    expect((await from('192.0.2.2')).statusCode).toBe(201);
    expect((await from('192.0.2.1')).statusCode).toBe(429);
    await app.close();
  });
});

describe('request ids', () => {
  it('echoes a well-formed x-request-id and replaces a malformed one', async () => {
    const { app } = await buildTestApp();
    const given = await app.inject({ ...start, headers: { 'x-request-id': 'lb-7f3a.42_x' } });
    expect(given.headers['x-request-id']).toBe('lb-7f3a.42_x');
    const hostile = await app.inject({ ...start, headers: { 'x-request-id': 'Ida Hansen\n{"level":60}' } });
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const error = await app.inject({ method: 'GET', url: '/api/v1/conversations/unknown' });
    expect(error.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await app.close();
  });
});
