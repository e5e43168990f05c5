/**
 * SessionStore in SQLite (the default): one row per conversation,
 * `sessions(id, state, version, expires_at)`. A save is a single
 * `UPDATE … WHERE id = ? AND version = ?`, so of two racing turns exactly one wins.
 */
import type { ConversationState } from '../engine/types.js';
import type { SessionRecord, SessionStore } from './session-store.js';
import { openSqlite, sqliteLifecycle, truncateWal } from './sqlite-database.js';

interface Row {
  state: string;
  version: number;
  expires_at: number;
}

/** `path` is the database file (created with its folder) or ':memory:'. */
export function createSqliteSessionStore(path: string, options: { now?: () => number } = {}): SessionStore {
  const now = options.now ?? Date.now;
  const db = openSqlite(path);
  db.exec(`CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    version INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  -- No index on expires_at: every save moves it, and rewriting the index doubled the cost of a
  -- save. Only the purge (every ten minutes) and the metrics count scan by it.
  DROP INDEX IF EXISTS sessions_expires_at;`);

  const select = db.prepare<[string, number], Row>('SELECT state, version, expires_at FROM sessions WHERE id = ? AND expires_at > ?');
  // An expired row with the same id may linger until the next purge: replace it.
  const insert = db.prepare<[string, string, number, number]>(
    `INSERT INTO sessions (id, state, version, expires_at) VALUES (?, ?, 1, ?)
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, version = 1, expires_at = excluded.expires_at
     WHERE sessions.expires_at <= ?`,
  );
  const update = db.prepare<[string, number, string, number, number]>(
    'UPDATE sessions SET state = ?, version = version + 1, expires_at = ? WHERE id = ? AND version = ? AND expires_at > ?',
  );
  const remove = db.prepare<[string, number]>('DELETE FROM sessions WHERE id = ? AND expires_at > ?');
  const removeAny = db.prepare<[string]>('DELETE FROM sessions WHERE id = ?');
  const purge = db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?');
  const count = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM sessions WHERE expires_at > ?');

  return {
    kind: 'sqlite',
    async load(id) {
      const row = select.get(id, now());
      return row && toRecord(id, row);
    },
    async create(id, state, ttlMs) {
      const at = now();
      const expiresAt = at + ttlMs;
      const json = JSON.stringify(state);
      if (insert.run(id, json, expiresAt, at).changes !== 1) throw new Error(`session ${id} already exists`);
      // The stored text cannot be changed through the returned object, so it needs no fresh copy.
      return { id, state, version: 1, expiresAt };
    },
    async save(id, state, expectedVersion, ttlMs) {
      const at = now();
      const json = JSON.stringify(state);
      const expiresAt = at + ttlMs;
      if (update.run(json, expiresAt, id, expectedVersion, at).changes !== 1) return undefined;
      return { id, state, version: expectedVersion + 1, expiresAt };
    },
    async delete(id) {
      const existed = remove.run(id, now()).changes > 0;
      if (removeAny.run(id).changes > 0 || existed) truncateWal(db);
      return existed;
    },
    async purgeExpired(at) {
      return purge.run(at).changes;
    },
    async countActive(at) {
      return count.get(at)?.n ?? 0;
    },
    ...sqliteLifecycle(db),
  };
}

function toRecord(id: string, row: Row): SessionRecord {
  return { id, state: JSON.parse(row.state) as ConversationState, version: row.version, expiresAt: row.expires_at };
}
