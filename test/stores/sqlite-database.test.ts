import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/stores/sqlite-database.js';
import { createSqliteRequestStore } from '../../src/stores/sqlite-request-store.js';
import { createSqliteSessionStore } from '../../src/stores/sqlite-session-store.js';
import { request } from './request-store-contract.js';
import { sampleState } from './session-store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'medspiller-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

describe('openSqlite', () => {
  it('leaves nothing of an erased request or conversation in the file', async () => {
    const file = join(dir, 'erase', 'medspiller.db');
    const requests = createSqliteRequestStore(file, { now: () => 2_000 });
    const sessions = createSqliteSessionStore(file);
    await requests.add(request({ conversationId: 'conv-erased', name: 'Erasedname Markersen' }));
    await requests.add(request({ id: 'req-2', conversationId: 'conv-kept', name: 'Kept Person' }));
    await sessions.create('SSSSSSSSSSSSSSSSSSSSSS', sampleState({ slots: { note: 'Erasednote Markersen' } }), 60_000);
    // Written out to the file itself, as the WAL would be at the next checkpoint.
    const checkpoint = () => {
      const db = new Database(file);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    };
    checkpoint();
    expect(readFileSync(file).includes('Erasedname Markersen')).toBe(true);

    expect(await requests.deleteByConversation('conv-erased')).toBe(1);
    expect(await sessions.delete('SSSSSSSSSSSSSSSSSSSSSS')).toBe(true);
    checkpoint();
    const bytes = readFileSync(file);
    expect(bytes.includes('Kept Person')).toBe(true);
    expect(bytes.includes('Erasednam')).toBe(false);
    expect(bytes.includes('Erasednot')).toBe(false);
    await Promise.all([requests.close(), sessions.close()]);
  });

  it('leaves nothing of an erasure in the WAL either, without waiting for a checkpoint', async () => {
    const file = join(dir, 'erase-wal', 'medspiller.db');
    const requests = createSqliteRequestStore(file, { now: () => 2_000 });
    const sessions = createSqliteSessionStore(file);
    await requests.add(request({ conversationId: 'conv-erased', name: 'Walname Markersen' }));
    await sessions.create('WWWWWWWWWWWWWWWWWWWWWW', sampleState({ slots: { note: 'Walnote Markersen' } }), 60_000);
    const onDisk = () => Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`)]);
    expect(onDisk().includes('Walname Markersen')).toBe(true);

    expect(await sessions.delete('WWWWWWWWWWWWWWWWWWWWWW')).toBe(true);
    expect(await requests.deleteByConversation('conv-erased')).toBe(1);
    expect(onDisk().includes('Walname')).toBe(false);
    expect(onDisk().includes('Walnote')).toBe(false);
    await Promise.all([requests.close(), sessions.close()]);
  });

  it('creates the data folder and the database for the service user alone', () => {
    const folder = join(dir, 'fresh', 'data');
    const file = join(folder, 'medspiller.db');
    const db = openSqlite(file);
    db.exec('CREATE TABLE t (x)');
    expect(mode(join(dir, 'fresh'))).toBe(0o700);
    expect(mode(folder)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    expect(mode(`${file}-shm`)).toBe(0o600);
    db.close();
  });

  it('leaves the mode of a folder that was already there as it was', () => {
    const folder = join(dir, 'existing');
    mkdirSync(folder, { mode: 0o750 });
    openSqlite(join(folder, 'medspiller.db')).close();
    expect(mode(folder)).toBe(0o750);
    expect(mode(join(folder, 'medspiller.db'))).toBe(0o600);
  });
});
