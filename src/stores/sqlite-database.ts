/**
 * Opens a SQLite database the way every SQLite adapter here wants it:
 * WAL journal (readers never wait for the writer), a busy timeout so two
 * processes on one file queue instead of failing, and the folder created.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

/** `path` is a file path or ':memory:'. */
export function openSqlite(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  return db;
}

/** `ping` and `close` for an adapter that owns `db`; closing twice is harmless. */
export function sqliteLifecycle(db: SqliteDatabase): { ping(): Promise<void>; close(): Promise<void> } {
  return {
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
