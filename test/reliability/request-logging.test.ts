/** One log line per request, with what an operator needs to follow it: id, method, path, status, time. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { buildApp } from '../../src/server.js';
import { createMemoryStores } from '../../src/stores/create-stores.js';
import { REAL_CONTENT_DIR } from './api-client.js';

async function appLoggingAt(level: 'info' | 'debug') {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger(level, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const config = loadConfig({ NODE_ENV: 'test', MEDSPILLER_CONTENT_DIR: REAL_CONTENT_DIR, MEDSPILLER_WATCH_CONTENT: 'false' });
  return { lines, app: await buildApp(config, { logger, stores: createMemoryStores() }) };
}

describe('request logging', () => {
  it('writes one line per request, and a failed request still says so', async () => {
    const { lines, app } = await appLoggingAt('info');
    try {
      const started = await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} });
      expect(started.statusCode).toBe(201);
      await app.inject({ method: 'GET', url: '/api/v1/conversations/unknown-conversation-id-000' });

      expect(lines.filter((line) => line.msg === 'incoming request')).toEqual([]);
      const completed = lines.filter((line) => line.msg === 'request completed');
      expect(completed).toHaveLength(2);
      expect(completed[0]).toMatchObject({ req: { method: 'POST', url: '/api/v1/conversations' }, res: { statusCode: 201 } });
      expect(completed[0]!.responseTime).toEqual(expect.any(Number));
      expect(completed[0]!.reqId).toEqual(expect.any(String));
      expect(completed[1]).toMatchObject({ req: { method: 'GET' }, res: { statusCode: 404 } });
    } finally {
      await app.close();
    }
  });

  it('logs where a conversation is only at debug: at info a turn is its request line alone', async () => {
    for (const level of ['info', 'debug'] as const) {
      const { lines, app } = await appLoggingAt(level);
      try {
        const { id } = (await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} })).json();
        const before = lines.length;
        await app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload: { text: 'Jeg vil klage over min afgørelse' } });
        const ofTheTurn = lines.slice(before);
        const turn = ofTheTurn.filter((line) => line.msg === 'turn');
        expect(ofTheTurn.filter((line) => line.msg === 'request completed')).toHaveLength(1);
        if (level === 'info') expect(turn).toEqual([]);
        else expect(turn).toEqual([expect.objectContaining({ conversation: id, input: 'text', flow: expect.any(String), node: expect.any(String) })]);
        expect(JSON.stringify(lines)).not.toContain('klage over');
      } finally {
        await app.close();
      }
    }
  });
});
