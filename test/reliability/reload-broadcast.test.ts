/**
 * Several instances on one Redis: a content reload asked of one instance is
 * passed on to the others, each reloading from its own files. A refused reload
 * is not passed on, and with Redis away the reload still answers at once.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createContentSource, type ContentSource } from '../../src/content/index.js';
import { CONTENT_NAMES } from '../../src/conversation/content-names.js';
import { silentLogger } from '../../src/logger.js';
import { buildApp } from '../../src/server.js';
import { createMemoryStores } from '../../src/stores/create-stores.js';
import { copyContent } from '../cli/run-cli.js';
import { dropRedisPrefix, redisAvailable, TEST_REDIS_URL, uniqueName } from '../stores/external-services.js';
import { REAL_CONTENT_DIR } from './api-client.js';

const available = await redisAvailable();
const prefix = `${uniqueName('reload')}:`;
const TOKEN = 'reload-token-0123456789';

interface Instance {
  app: FastifyInstance;
  content: ContentSource;
  dir: string;
}

const instances: Instance[] = [];

/** An instance with its own copy of the content, as each container has its own image. */
async function startInstance(sessions = TEST_REDIS_URL): Promise<Instance> {
  const dir = copyContent(REAL_CONTENT_DIR);
  const content = await createContentSource(dir, { watch: false, logger: silentLogger(), loadOptions: CONTENT_NAMES });
  const config = loadConfig({ NODE_ENV: 'test', MEDSPILLER_SESSIONS: sessions, MEDSPILLER_ADMIN_TOKEN: TOKEN, MEDSPILLER_RATE_LIMIT: '0', MEDSPILLER_RATE_LIMIT_CONVERSATION: '0' });
  // The sessions are not under test: memory keeps it small; the reload still goes through Redis.
  const app = await buildApp(config, { content, stores: createMemoryStores(), logger: silentLogger(), redisPrefix: prefix });
  const instance = { app, content, dir };
  instances.push(instance);
  return instance;
}

/** The same edit in every instance's files, as a new image or a shared volume brings. */
function editEverywhere(file: string, change: (text: string) => string): void {
  for (const { dir } of instances) writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
}

const reload = (instance: Instance) =>
  instance.app.inject({ method: 'POST', url: '/api/v1/admin/reload', headers: { authorization: `Bearer ${TOKEN}` } });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean | Promise<boolean>, ms = 3_000): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < ms; await pause(20)) {
    if (await check()) return true;
  }
  return check();
}

/** A new instance subscribes in the background: until it listens, a message reaches nobody. */
async function untilListening(asking: Instance): Promise<void> {
  expect(await waitFor(async () => (await reload(asking)).json().otherInstances === 1)).toBe(true);
}

afterEach(async () => {
  for (const { app, content, dir } of instances.splice(0)) {
    await app.close();
    content.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe.skipIf(!available)('content reload across instances sharing Redis', () => {
  afterAll(() => dropRedisPrefix(prefix));

  it('passes a reload asked of one instance on to the other, which reloads from its own files', async () => {
    const [first, second] = [await startInstance(), await startInstance()];
    await untilListening(first!);
    const before = second!.content.current().version;
    editEverywhere('content/da/menu.yaml', (text) => text.replace('menu.title: Hovedmenu', 'menu.title: Menu'));

    const response = await reload(first!);
    expect(response.statusCode).toBe(200);
    const { version, otherInstances } = response.json() as { version: string; otherInstances: number };
    expect(otherInstances).toBe(1);
    expect(version).not.toBe(before);
    expect(await waitFor(() => second!.content.current().version === version)).toBe(true);
  });

  it('does not pass on a reload it refused', async () => {
    const [first, second] = [await startInstance(), await startInstance()];
    await untilListening(first!);
    const before = second!.content.current().version;
    editEverywhere('flows/complaint.yaml', (text) => text.replace('next: ', 'next: no_such_node_'));

    expect((await reload(first!)).statusCode).toBe(422);
    // The second instance would refuse the same files: even asked, it would keep serving. It is not asked.
    await pause(300);
    expect(second!.content.current().version).toBe(before);
  });
});

describe('content reload with Redis away', () => {
  it('still reloads at once, and says no other instance could be reached', async () => {
    const lonely = await startInstance('redis://127.0.0.1:1');
    const started = Date.now();
    const response = await reload(lonely);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'reloaded', otherInstances: null });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
