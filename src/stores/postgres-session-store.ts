/**
 * SessionStore in PostgreSQL: table `sessions(id, state, version, expires_at)`.
 * A save is one `UPDATE … WHERE id = $ AND version = $`: the row lock makes a
 * racing second save re-check the version and find it stale, so exactly one wins.
 */
import type { ConversationState } from '../engine/types.js';
import type { PostgresDatabase } from './postgres-database.js';
import type { SessionStore } from './session-store.js';

export function createPostgresSessionStore(db: PostgresDatabase, options: { now?: () => number } = {}): SessionStore {
  const now = options.now ?? Date.now;
  const { pool } = db;
  const release = db.retain();

  return {
    kind: 'postgres',
    async load(id) {
      const { rows } = await pool.query<{ state: string; version: number; expires_at: Date }>(
        'SELECT state, version, expires_at FROM sessions WHERE id = $1 AND expires_at > $2',
        [id, new Date(now())],
      );
      const row = rows[0];
      return row && { id, state: JSON.parse(row.state) as ConversationState, version: row.version, expiresAt: row.expires_at.getTime() };
    },
    async create(id, state, ttlMs) {
      const at = now();
      const json = JSON.stringify(state);
      // An expired row with the same id may linger until the next purge: replace it.
      const { rowCount } = await pool.query(
        `INSERT INTO sessions (id, state, version, expires_at) VALUES ($1, $2, 1, $3)
         ON CONFLICT (id) DO UPDATE SET state = excluded.state, version = 1, expires_at = excluded.expires_at
         WHERE sessions.expires_at <= $4`,
        [id, json, new Date(at + ttlMs), new Date(at)],
      );
      if (rowCount !== 1) throw new Error(`session ${id} already exists`);
      // The caller's state is what was stored: parsing it back would only cost time (as in the SQLite store).
      return { id, state, version: 1, expiresAt: at + ttlMs };
    },
    async save(id, state, expectedVersion, ttlMs) {
      const at = now();
      const json = JSON.stringify(state);
      const { rows } = await pool.query<{ version: number }>(
        `UPDATE sessions SET state = $1, version = version + 1, expires_at = $2
         WHERE id = $3 AND version = $4 AND expires_at > $5 RETURNING version`,
        [json, new Date(at + ttlMs), id, expectedVersion, new Date(at)],
      );
      const row = rows[0];
      return row && { id, state, version: row.version, expiresAt: at + ttlMs };
    },
    async delete(id) {
      const { rows } = await pool.query<{ live: boolean }>('DELETE FROM sessions WHERE id = $1 RETURNING expires_at > $2 AS live', [
        id,
        new Date(now()),
      ]);
      return rows.some((row) => row.live);
    },
    async purgeExpired(at) {
      return (await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [new Date(at)])).rowCount ?? 0;
    },
    async countActive(at) {
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM sessions WHERE expires_at > $1', [new Date(at)]);
      return Number(rows[0]?.n ?? 0);
    },
    ping: () => db.ping(),
    close: release,
  };
}
