/** RequestStore in PostgreSQL: table `adviser_requests` (see migrations/postgres-migrations.ts). */
import type { PostgresDatabase } from './postgres-database.js';
import { oldestFirst, type AdviserRequest, type RequestStore } from './request-store.js';
import { toAdviserRequest, type RequestRow, type RowDecoders } from './request-row.js';

type Row = RequestRow<Date, string[]>;

export function createPostgresRequestStore(db: PostgresDatabase, options: { now?: () => number } = {}): RequestStore {
  const now = () => new Date((options.now ?? Date.now)());
  const { pool } = db;
  const release = db.retain();

  return {
    kind: 'postgres',
    async add(r) {
      await pool.query(
        `INSERT INTO adviser_requests (id, conversation_id, municipality, topic, name, phone, email, created_at, expires_at, status, attempts, delivered_to, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          r.id,
          r.conversationId,
          r.municipality,
          r.topic,
          r.name ?? null,
          r.phone ?? null,
          r.email ?? null,
          new Date(r.createdAt),
          new Date(r.expiresAt),
          r.status,
          r.attempts,
          r.deliveredTo?.length ? r.deliveredTo : null,
          r.nextAttemptAt === undefined ? null : new Date(r.nextAttemptAt),
        ],
      );
    },
    async get(id) {
      const { rows } = await pool.query<Row>('SELECT * FROM adviser_requests WHERE id = $1 AND expires_at > $2', [id, now()]);
      return rows[0] && toRequest(rows[0]);
    },
    async list(filter = {}) {
      const { rows } = await pool.query<Row>(
        `SELECT * FROM adviser_requests WHERE expires_at > $1
           AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR municipality = $3)
         ORDER BY created_at, id COLLATE "C" LIMIT $4`,
        [now(), filter.status ?? null, filter.municipality ?? null, filter.limit ?? 100],
      );
      return rows.map(toRequest);
    },
    async setStatus(id, status, attempts) {
      const { rowCount } = await pool.query('UPDATE adviser_requests SET status = $1, attempts = $2 WHERE id = $3 AND expires_at > $4', [
        status,
        attempts,
        id,
        now(),
      ]);
      return rowCount === 1;
    },
    async claimDue(owner, at, leaseMs, limit) {
      // SKIP LOCKED: instances claiming at the same moment take different rows instead of waiting.
      const { rows } = await pool.query<Row>(
        `UPDATE adviser_requests SET claimed_by = $1, claimed_until = $2
         WHERE id IN (SELECT id FROM adviser_requests
           WHERE status = 'pending' AND expires_at > $3
             AND coalesce(next_attempt_at, '-infinity') <= $3 AND coalesce(claimed_until, '-infinity') <= $3
           ORDER BY created_at, id COLLATE "C" LIMIT $4 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [owner, new Date(at + leaseMs), new Date(at), limit],
      );
      return rows.map(toRequest).sort(oldestFirst);
    },
    async recordAttempt(id, owner, outcome) {
      const { rowCount } = await pool.query(
        `UPDATE adviser_requests SET status = $1, attempts = $2, delivered_to = $3, next_attempt_at = $4,
           claimed_by = NULL, claimed_until = NULL
         WHERE id = $5 AND claimed_by = $6 AND expires_at > $7`,
        [
          outcome.status,
          outcome.attempts,
          outcome.deliveredTo.length ? outcome.deliveredTo : null,
          outcome.nextAttemptAt === undefined ? null : new Date(outcome.nextAttemptAt),
          id,
          owner,
          now(),
        ],
      );
      return rowCount === 1;
    },
    async deleteByConversation(conversationId) {
      return (await pool.query('DELETE FROM adviser_requests WHERE conversation_id = $1', [conversationId])).rowCount ?? 0;
    },
    async purgeExpired(at) {
      return (await pool.query('DELETE FROM adviser_requests WHERE expires_at <= $1', [new Date(at)])).rowCount ?? 0;
    },
    ping: () => db.ping(),
    close: release,
  };
}

const DECODE: RowDecoders<Date, string[]> = { ms: (time) => time.getTime(), targets: (stored) => stored };

function toRequest(row: Row): AdviserRequest {
  return toAdviserRequest(row, DECODE);
}
