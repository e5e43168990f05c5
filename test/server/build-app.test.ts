/**
 * buildApp on real content folders (not the hand-built fixture): the content
 * source loads YAML, a broken edit is refused while the last good version keeps
 * serving, and the default stores land in MEDSPILLER_DATA_DIR.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ContentLoadError, createContentSource } from '../../src/content/index.js';
import { CONTENT_NAMES } from '../../src/conversation/content-names.js';
import { silentLogger } from '../../src/logger.js';
import { buildApp } from '../../src/server.js';
import { createMemoryStores } from '../../src/stores/create-stores.js';
import { copyContent, ROOT } from '../cli/run-cli.js';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

function config(contentDir: string, dataDir = tempDir('medspiller-data-')) {
  return loadConfig({ NODE_ENV: 'test', MEDSPILLER_CONTENT_DIR: contentDir, MEDSPILLER_DATA_DIR: dataDir, MEDSPILLER_WATCH_CONTENT: 'false' });
}

describe('buildApp', () => {
  it('serves the real content with SQLite stores in MEDSPILLER_DATA_DIR', async () => {
    const dataDir = tempDir('medspiller-data-');
    const app = await buildApp(config(ROOT, dataDir), { logger: silentLogger() });
    const started = await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} });
    expect(started.statusCode).toBe(201);
    expect(started.json().prompt.kind).toBe('choice');
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ready', sessions: 'sqlite' });
    expect(existsSync(join(dataDir, 'medspiller.db'))).toBe(true);
    await app.close();
  });

  it('answers a turn still in flight at shutdown with connection: close, so no keep-alive holds the process', async () => {
    const stores = createMemoryStores();
    const app = await buildApp(config(ROOT), { logger: silentLogger(), stores });
    const { id } = (await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} })).json();
    expect((await app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload: { action: 'help' } })).headers.connection).not.toBe('close');

    // The next turn waits in its session load until shutdown has begun.
    let releaseLoad!: () => void;
    const loadHeld = new Promise<void>((resolve) => (releaseLoad = resolve));
    const load = stores.sessions.load.bind(stores.sessions);
    stores.sessions.load = async (conversationId) => {
      await loadHeld;
      return load(conversationId);
    };
    const inFlight = app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload: { action: 'help' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closed = app.close();
    // preClose hooks run as soon as close() starts; 100 ms is ample even on a loaded CI machine.
    await new Promise((resolve) => setTimeout(resolve, 100));
    releaseLoad();
    const answered = await inFlight;
    await closed;
    expect(answered.statusCode).toBe(200);
    expect(answered.headers.connection).toBe('close');
  });

  it('keeps serving the last good content when an edit breaks it, and takes a good edit', async () => {
    const dir = copyContent();
    temps.push(dir);
    const content = await createContentSource(dir, { watch: false, logger: silentLogger(), loadOptions: CONTENT_NAMES });
    const app = await buildApp(config(dir), { content, logger: silentLogger() });
    const { id } = (await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} })).json();
    const versionBefore = (await app.inject({ method: 'GET', url: '/readyz' })).json().content;

    const file = join(dir, 'content/da/main.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, `${good}\nmain.broken: [oops\n`);
    const rejected = await content.reload();
    expect(rejected.ok).toBe(false);
    expect(rejected.problems[0]).toMatchObject({ severity: 'error', file: 'content/da/main.yaml' });

    const turn = await app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload: { choice: 'deadline' } });
    expect(turn.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json().content).toBe(versionBefore);

    writeFileSync(file, good.replace('Hvad vil du gerne?', 'Hvad kan jeg hjælpe med?'));
    expect((await content.reload()).ok).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json().content).not.toBe(versionBefore);
    const fresh = (await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} })).json();
    expect(fresh.prompt.question).toBe('Hvad kan jeg hjælpe med?');
    await app.close();
    content.close();
  });

  it('refuses to build with broken content, listing the problems', async () => {
    const dir = copyContent();
    temps.push(dir);
    writeFileSync(join(dir, 'content/da/system.yaml'), 'system.help: [unclosed\n');
    await expect(buildApp(config(dir), { logger: silentLogger() })).rejects.toBeInstanceOf(ContentLoadError);
  });
});
