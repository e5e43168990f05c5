/** GET /metrics: Prometheus text behind a bearer token, counting turns by flow and errors by code. */
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../channels/web/app-fixture.js';

const METRICS_TOKEN = 'metrics-token-0123456789';
const ADMIN_TOKEN = 'admin-token-0123456789';

describe('/metrics', () => {
  it('is closed without a matching bearer token, and closed when no token is configured', async () => {
    const { app } = await buildTestApp({}, { MEDSPILLER_METRICS_TOKEN: METRICS_TOKEN });
    for (const authorization of [undefined, 'Bearer nope-nope-nope-nope', METRICS_TOKEN]) {
      const response = await app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('unauthorized');
    }
    await app.close();
    const unconfigured = (await buildTestApp()).app;
    expect((await unconfigured.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer ' } })).statusCode).toBe(401);
    await unconfigured.close();
  });

  it('counts conversations, turns by flow with their latency, errors by code and live sessions', async () => {
    const { app } = await buildTestApp({}, { MEDSPILLER_METRICS_TOKEN: METRICS_TOKEN, MEDSPILLER_ADMIN_TOKEN: ADMIN_TOKEN });
    const { id } = (await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} })).json();
    await app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload: { choice: 'date' } });
    await app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload: { action: 'repeat' } });
    await app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload: { choice: 'not-offered' } });
    await app.inject({ method: 'GET', url: '/api/v1/conversations/AAAAAAAAAAAAAAAAAAAAAAAA' });

    for (const token of [METRICS_TOKEN, ADMIN_TOKEN]) {
      const response = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/plain');
      const text = response.body;
      expect(text).toContain('medspiller_conversations_started_total{flow="menu"} 1');
      expect(text).toContain('medspiller_turns_total{flow="menu"} 2');
      expect(text).toMatch(/medspiller_turn_duration_seconds_count\{flow="menu"\} 2/);
      expect(text).toContain('medspiller_errors_total{code="choice_not_offered"} 1');
      expect(text).toContain('medspiller_errors_total{code="unknown_conversation"} 1');
      expect(text).toContain('medspiller_active_sessions 1');
      expect(text).toContain('medspiller_process_resident_memory_bytes');
      expect(text).not.toContain(id);
    }
    await app.close();
  });
});
