/**
 * The server as an operator runs it (`node --import tsx src/cli.ts start`):
 * killed with SIGKILL half-way through a conversation and started again, it
 * resumes the same conversation to its end with nothing lost, on SQLite and on
 * PostgreSQL. SIGTERM lets a turn that is in flight finish before it exits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteRequestStore } from '../../src/stores/sqlite-request-store.js';
import { openPostgres } from '../../src/stores/postgres-database.js';
import { createPostgresRequestStore } from '../../src/stores/postgres-request-store.js';
import type { RequestStore } from '../../src/stores/request-store.js';
import { spawnCli, waitForOutput } from '../cli/run-cli.js';
import { databaseUrlWithSchema, dropSchema, postgresAvailable, TEST_DATABASE_URL, uniqueName } from '../stores/external-services.js';
import { ADVISER_FIRST_HALF, ADVISER_SECOND_HALF, answer, citizenLines, fetchApi, REAL_CONTENT_DIR } from './api-client.js';
import { startTcpProxy } from './tcp-proxy.js';

const postgres = await postgresAvailable();
const temps: string[] = [];
const schemas: string[] = [];
afterAll(async () => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  for (const schema of schemas) await dropSchema(schema);
});

interface Server {
  child: ChildProcess;
  base: string;
  exited: Promise<number | null>;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawnCli(['start'], {
    MEDSPILLER_CONTENT_DIR: REAL_CONTENT_DIR,
    MEDSPILLER_WATCH_CONTENT: 'false',
    MEDSPILLER_RATE_LIMIT: '0',
    PORT: '0',
    HOST: '127.0.0.1',
    ...env,
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const [, port] = await waitForOutput(child, /listening on http:\/\/127\.0\.0\.1:(\d+)/, 30_000);
  return { child, base: `http://127.0.0.1:${port}`, exited };
}

async function crashAndResume(env: Record<string, string>, openRequests: () => Promise<RequestStore>): Promise<void> {
  const first = await startServer(env);
  let id: string;
  let linesBefore: string[];
  try {
    const api = fetchApi(first.base);
    id = (await api('POST', '/api/v1/conversations', {})).body.id;
    for (const turn of [...ADVISER_FIRST_HALF, ADVISER_SECOND_HALF[0]!]) await answer(api, id, turn);
    linesBefore = await citizenLines(api, id);
    expect(linesBefore).toHaveLength(4);
  } finally {
    first.child.kill('SIGKILL');
  }
  expect(await first.exited).toBeNull();

  const second = await startServer(env);
  try {
    const api = fetchApi(second.base);
    const resumed = await api('GET', `/api/v1/conversations/${id}`);
    expect(resumed.status).toBe(200);
    expect(await citizenLines(api, id)).toEqual(linesBefore);
    expect(resumed.body.prompt.choices.map((c: { id: string }) => c.id)).toEqual(['phone', 'email']);
    for (const turn of ADVISER_SECOND_HALF.slice(1)) await answer(api, id, turn);
    expect(await citizenLines(api, id)).toHaveLength(8);
  } finally {
    second.child.kill('SIGTERM');
  }
  expect(await second.exited).toBe(0);
  const requests = await openRequests();
  expect((await requests.list()).filter((r) => r.conversationId === id)).toMatchObject([{ name: 'Ida Hansen', phone: '12345678', topic: 'decision' }]);
  await requests.close();
}

describe('crash recovery', () => {
  it('resumes a conversation after SIGKILL on SQLite', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'medspiller-crash-'));
    temps.push(dataDir);
    await crashAndResume({ MEDSPILLER_DATA_DIR: dataDir }, async () => createSqliteRequestStore(join(dataDir, 'medspiller.db')));
  }, 90_000);

  it.skipIf(!postgres)('resumes a conversation after SIGKILL on PostgreSQL', async () => {
    const schema = uniqueName('crash');
    schemas.push(schema);
    const dataDir = mkdtempSync(join(tmpdir(), 'medspiller-crash-'));
    temps.push(dataDir);
    await crashAndResume({ MEDSPILLER_DATA_DIR: dataDir, MEDSPILLER_DATABASE: databaseUrlWithSchema(schema) }, async () =>
      createPostgresRequestStore(await openPostgres(TEST_DATABASE_URL, { schema })),
    );
  }, 90_000);
});

describe('graceful shutdown', () => {
  it.skipIf(!postgres)('finishes a turn that is in flight when SIGTERM arrives, then exits 0', async () => {
    const schema = uniqueName('term');
    schemas.push(schema);
    const dataDir = mkdtempSync(join(tmpdir(), 'medspiller-term-'));
    temps.push(dataDir);
    const target = new URL(TEST_DATABASE_URL);
    const proxy = await startTcpProxy(target.hostname, Number(target.port));
    const viaProxy = new URL(databaseUrlWithSchema(schema));
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const env = { MEDSPILLER_DATA_DIR: dataDir, MEDSPILLER_DATABASE: viaProxy.toString() };
    const server = await startServer(env);
    try {
      const api = fetchApi(server.base);
      const { id } = (await api('POST', '/api/v1/conversations', {})).body;
      // Every answer from PostgreSQL now takes 400 ms: a turn (load, then save) is in flight for about a second.
      proxy.setDelay(400);
      const inFlight = api('POST', `/api/v1/conversations/${id}/turns`, { choice: 'adviser' });
      await new Promise((resolve) => setTimeout(resolve, 250));
      server.child.kill('SIGTERM');
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(response.body.prompt.choices.map((c: { id: string }) => c.id)).toContain('request');
      expect(await server.exited).toBe(0);
    } finally {
      server.child.kill('SIGKILL');
      proxy.setDelay(0);
    }
    const again = await startServer(env);
    try {
      expect(await citizenLines(fetchApi(again.base), (await lastConversation(schema))!)).toHaveLength(1);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
      await proxy.close();
    }
  }, 90_000);
});

async function lastConversation(schema: string): Promise<string | undefined> {
  const db = await openPostgres(TEST_DATABASE_URL, { schema });
  const release = db.retain();
  const { rows } = await db.pool.query<{ id: string }>('SELECT id FROM sessions LIMIT 1');
  await release();
  return rows[0]?.id;
}
