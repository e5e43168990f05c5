/**
 * Content hot reload over HTTP: POST /api/v1/admin/reload with the admin token
 * swaps in a good edit, refuses a broken one (the last good version keeps
 * serving), and a conversation whose node disappeared goes on at the menu with
 * an apology. Also the file watch: a broken edit on disk is logged and refused.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createContentSource, type ContentSource } from '../../src/content/index.js';
import { CONTENT_NAMES } from '../../src/conversation/content-names.js';
import { createLogger, silentLogger } from '../../src/logger.js';
import { buildApp } from '../../src/server.js';
import { createMemoryStores } from '../../src/stores/create-stores.js';
import { copyContent } from '../cli/run-cli.js';
import { answer, injectApi, REAL_CONTENT_DIR, type Api } from './api-client.js';

const TOKEN = 'reload-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

let dir: string;
let app: FastifyInstance;
let content: ContentSource;

async function setUp(watch = false, logger = silentLogger()): Promise<Api> {
  dir = copyContent(REAL_CONTENT_DIR);
  content = await createContentSource(dir, { watch, logger, loadOptions: CONTENT_NAMES, debounceMs: 50 });
  const config = loadConfig({ NODE_ENV: 'test', MEDSPILLER_CONTENT_DIR: dir, MEDSPILLER_ADMIN_TOKEN: TOKEN, MEDSPILLER_RATE_LIMIT: '0' });
  app = await buildApp(config, { content, stores: createMemoryStores(), logger });
  return injectApi(app);
}

afterEach(async () => {
  await app.close();
  content.close();
  rmSync(dir, { recursive: true, force: true });
});

const edit = (file: string, change: (text: string) => string) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));

describe('POST /api/v1/admin/reload', () => {
  it('refuses a missing or wrong token with 401', async () => {
    const api = await setUp();
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }];
    for (const headers of attempts) {
      const response = await api('POST', '/api/v1/admin/reload', undefined, headers);
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('unauthorized');
    }
  });

  it('swaps in a good edit, and brings a conversation whose node was removed back to the menu with an apology', async () => {
    const api = await setUp();
    const { body } = await api('POST', '/api/v1/conversations', {});
    await answer(api, body.id, { choice: 'complaint' });
    const atOral = await answer(api, body.id, { choice: 'oral' });
    expect(atOral.prompt.choices.map((c: { id: string }) => c.id)).toContain('letter');
    const before = (await api('GET', '/readyz')).body.content;

    const rename = (text: string) =>
      text.replaceAll('next: oral }', 'next: oral_decision }').replaceAll('node: oral }', 'node: oral_decision }').replace('\n  oral:\n', '\n  oral_decision:\n');
    edit('flows/complaint.yaml', rename);
    edit('flows/rights.yaml', rename);
    const reloaded = await api('POST', '/api/v1/admin/reload', undefined, auth);
    expect(reloaded.body.problems ?? reloaded.body).toEqual([]);
    expect(reloaded.status).toBe(200);
    expect(reloaded.body).toMatchObject({ status: 'reloaded', version: expect.any(String) });
    expect(reloaded.body.version).not.toBe(before);
    expect((await api('GET', '/readyz')).body.content).toBe(reloaded.body.version);

    const after = await answer(api, body.id, { choice: 'letter' });
    expect(after.replies.map((r: { key: string }) => r.key)).toContain('system.content_changed');
    expect(after.prompt.choices.map((c: { id: string }) => c.id)).toContain('complaint');
    expect((await api('GET', `/api/v1/conversations/${body.id}`)).status).toBe(200);
  });

  it('refuses a broken edit with 422 and its problems, and keeps the last good version serving', async () => {
    const api = await setUp();
    const before = (await api('GET', '/readyz')).body.content;
    const { body } = await api('POST', '/api/v1/conversations', {});
    edit('flows/complaint.yaml', (text) => text.replace('next: oral }', 'next: oral_typo }'));
    const refused = await api('POST', '/api/v1/admin/reload', undefined, auth);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('content_invalid');
    expect(refused.body.problems.join('\n')).toMatch(/flows\/complaint\.yaml:\d+:\d+ .*oral_typo/);
    expect((await api('GET', '/readyz')).body.content).toBe(before);
    expect((await answer(api, body.id, { choice: 'complaint' })).prompt.kind).toBe('choice');
  });
});

describe('content file watch', () => {
  it('logs a broken edit on disk with its problems and keeps serving the last good version', async () => {
    const lines: string[] = [];
    const api = await setUp(true, createLogger('info', { write: (line: string) => void lines.push(line) }));
    const before = (await api('GET', '/readyz')).body.content;
    edit('flows/complaint.yaml', (text) => text.replace('next: oral }', 'next: oral_typo }'));
    await expect.poll(() => lines.join(''), { timeout: 5_000, interval: 50 }).toContain('content reload rejected');
    expect(lines.join('')).toContain('oral_typo');
    expect((await api('GET', '/readyz')).body.content).toBe(before);
    expect((await api('POST', '/api/v1/conversations', {})).status).toBe(201);
  });
});
