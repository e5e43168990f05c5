import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemorySessionStore } from '../../src/stores/memory-session-store.js';
import { createSqliteSessionStore } from '../../src/stores/sqlite-session-store.js';
import { describeSessionStore, sampleState } from './session-store-contract.js';
import Database from 'better-sqlite3';

const dir = mkdtempSync(join(tmpdir(), 'medspiller-sessions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeSessionStore('memory', () => createMemorySessionStore());
describeSessionStore('sqlite :memory:', () => createSqliteSessionStore(':memory:'));
describeSessionStore('sqlite file', () => createSqliteSessionStore(join(dir, 'contract.db')));

describe('SQLite session store specifics', () => {
  it('creates its folder, uses WAL and the documented table', async () => {
    const file = join(dir, 'nested', 'deeper', 'sessions.db');
    const store = createSqliteSessionStore(file);
    await store.create('AAAAAAAAAAAAAAAAAAAAAA', sampleState(), 60_000);
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const columns = db.prepare("SELECT name, type, pk FROM pragma_table_info('sessions')").all();
    expect(columns).toEqual([
      { name: 'id', type: 'TEXT', pk: 1 },
      { name: 'state', type: 'TEXT', pk: 0 },
      { name: 'version', type: 'INTEGER', pk: 0 },
      { name: 'expires_at', type: 'INTEGER', pk: 0 },
    ]);
    db.close();
  });

  it('checkpoints the WAL in small steps, so no single turn stalls on a long checkpoint', async () => {
    const file = join(dir, 'checkpoints.db');
    const store = createSqliteSessionStore(file);
    const ids = Array.from({ length: 200 }, (_, i) => `checkpoint-${String(i).padStart(4, '0')}-AAAAAAAAAAAA`);
    const versions = new Map<string, number>();
    for (const id of ids) versions.set(id, (await store.create(id, sampleState(), 60_000)).version);
    let largestWal = 0;
    for (let i = 0; i < 3_000; i++) {
      const id = ids[i % ids.length]!;
      const saved = await store.save(id, sampleState({ node: `n${i}` }), versions.get(id)!, 60_000);
      versions.set(id, saved!.version);
      largestWal = Math.max(largestWal, statSync(`${file}-wal`).size);
    }
    await store.close();
    // 256 pages of 4 KiB and their frame headers; SQLite's default of 1,000 pages would let it reach 4 MB.
    expect(largestWal).toBeLessThan(1.1 * 1024 * 1024);
    expect(largestWal).toBeGreaterThan(0);
  });

  it('keeps sessions across a restart of the store (same file)', async () => {
    const file = join(dir, 'restart.db');
    const first = createSqliteSessionStore(file);
    await first.create('BBBBBBBBBBBBBBBBBBBBBB', sampleState(), 60_000);
    await first.close();
    const second = createSqliteSessionStore(file);
    expect((await second.load('BBBBBBBBBBBBBBBBBBBBBB'))?.state).toEqual(sampleState());
    await second.close();
  });

  it('lets two connections to one file race: exactly one save wins', async () => {
    const file = join(dir, 'two.db');
    const a = createSqliteSessionStore(file);
    const b = createSqliteSessionStore(file);
    await a.create('CCCCCCCCCCCCCCCCCCCCCC', sampleState(), 60_000);
    const results = [await a.save('CCCCCCCCCCCCCCCCCCCCCC', sampleState(), 1, 60_000), await b.save('CCCCCCCCCCCCCCCCCCCCCC', sampleState(), 1, 60_000)];
    expect(results.filter(Boolean)).toHaveLength(1);
    await a.close();
    await b.close();
  });

  it('purges by the clock it is given', async () => {
    let now = 1_000;
    const store = createMemorySessionStore({ now: () => now });
    await store.create('DDDDDDDDDDDDDDDDDDDDDD', sampleState(), 500);
    expect(await store.purgeExpired(1_400)).toBe(0);
    now = 2_000;
    expect(await store.load('DDDDDDDDDDDDDDDDDDDDDD')).toBeUndefined();
    const sqlite = createSqliteSessionStore(':memory:', { now: () => now });
    await sqlite.create('EEEEEEEEEEEEEEEEEEEEEE', sampleState(), 500);
    expect(await sqlite.purgeExpired(2_499)).toBe(0);
    expect(await sqlite.purgeExpired(2_500)).toBe(1);
    await sqlite.close();
  });
});
