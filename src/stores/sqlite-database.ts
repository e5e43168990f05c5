/**
 * Opens a SQLite database the way every SQLite adapter here wants it:
 * WAL journal (readers never wait for the writer) checkpointed in small steps,
 * a busy timeout so two processes on one file queue instead of failing, erased
 * rows overwritten with zeros, and the folder and file created for the service
 * user alone.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

const WAL_AUTOCHECKPOINT_PAGES = 256;

/** `path` is a file path or ':memory:'. */
export function openSqlite(path: string): SqliteDatabase {
  if (path !== ':memory:') {
    // Conversations and contact details: no other user on the host may read them. Modes are set
    // only on what this creates; a folder or file that is already there keeps the mode it was given.
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // SQLite gives the -wal and -shm files the database file's mode.
    closeSync(openSync(path, 'a', 0o600));
  }
  const db = new Database(path);
  // Without it a deleted row (an erased conversation, a name in an adviser request) stays readable
  // in the free space of its page until something happens to overwrite it.
  db.pragma('secure_delete = ON');
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  // A checkpoint runs inside the commit that crosses the limit and blocks the event loop while it
  // copies the WAL back. At SQLite's default of 1,000 pages that was a 7–12 ms stall every thousand
  // turns (bench/README.md); at 256 pages each stall is a few ms for about the same total work.
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  return db;
}

/**
 * After an erasure: the WAL still holds the erased rows' pages as they were written, until it is
 * restarted, which in a quiet period can take long. This copies it into the file (where the rows
 * are already zeroed) and empties it. A few milliseconds, and erasures are rare. A reader in
 * another process may keep the WAL from being emptied: the next erasure or checkpoint does it.
 */
export function truncateWal(db: SqliteDatabase): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
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
