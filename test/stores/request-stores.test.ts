import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryRequestStore } from '../../src/stores/memory-request-store.js';
import { createSqliteRequestStore } from '../../src/stores/sqlite-request-store.js';
import { describeRequestStore, request } from './request-store-contract.js';

describeRequestStore('memory', (now) => createMemoryRequestStore({ now }));
describeRequestStore('sqlite', (now) => createSqliteRequestStore(':memory:', { now }));

describe('SQLite request store: delivery', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medspiller-requests-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds the delivery columns to a file written before they existed, keeping its requests', async () => {
    const file = join(dir, 'old.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE adviser_requests (id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, municipality TEXT NOT NULL,
      topic TEXT NOT NULL, name TEXT, phone TEXT, email TEXT, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
      status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0);
      INSERT INTO adviser_requests VALUES ('req-1', 'conv-1', 'demo', 'complaint', 'Ada Jensen', '+45 12 34 56 78', NULL, 1000, 10000, 'pending', 0);`);
    old.close();
    const store = createSqliteRequestStore(file, { now: () => 2_000 });
    expect(await store.claimDue('worker', 2_000, 1_000, 10)).toEqual([request()]);
    await store.close();
  });

  it('never hands the same request to two stores on one file', async () => {
    const file = join(dir, 'shared.db');
    const first = createSqliteRequestStore(file, { now: () => 2_000 });
    const second = createSqliteRequestStore(file, { now: () => 2_000 });
    for (const id of ['a', 'b', 'c', 'd']) await first.add(request({ id }));
    const claimed = await Promise.all([first.claimDue('one', 2_000, 60_000, 3), second.claimDue('two', 2_000, 60_000, 3)]);
    const ids = claimed.flat().map((r) => r.id);
    expect(ids.sort()).toEqual(['a', 'b', 'c', 'd']);
    await Promise.all([first.close(), second.close()]);
  });
});
