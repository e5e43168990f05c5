/** RequestStore in SQLite: table `adviser_requests`, in the same file as the sessions by default. */
import { oldestFirst, type AdviserRequest, type RequestStore } from './request-store.js';
import { toAdviserRequest, type RequestRow, type RowDecoders } from './request-row.js';
import { openSqlite, sqliteLifecycle, truncateWal, type SqliteDatabase } from './sqlite-database.js';

type Row = RequestRow<number, string>;

/** Delivery columns added after the first release: added to an older file on open. */
const DELIVERY_COLUMNS: Record<string, string> = {
  delivered_to: 'TEXT',
  next_attempt_at: 'INTEGER',
  claimed_by: 'TEXT',
  claimed_until: 'INTEGER',
};

function addDeliveryColumns(db: SqliteDatabase): void {
  const present = new Set(db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('adviser_requests')").all().map((c) => c.name));
  for (const [column, type] of Object.entries(DELIVERY_COLUMNS)) {
    if (!present.has(column)) db.exec(`ALTER TABLE adviser_requests ADD COLUMN ${column} ${type}`);
  }
  db.exec('CREATE INDEX IF NOT EXISTS adviser_requests_due ON adviser_requests (status, next_attempt_at)');
}

export function createSqliteRequestStore(path: string, options: { now?: () => number } = {}): RequestStore {
  const now = options.now ?? Date.now;
  const db = openSqlite(path);
  db.exec(`CREATE TABLE IF NOT EXISTS adviser_requests (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    municipality TEXT NOT NULL,
    topic TEXT NOT NULL,
    name TEXT,
    phone TEXT,
    email TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX IF NOT EXISTS adviser_requests_conversation ON adviser_requests (conversation_id);
  CREATE INDEX IF NOT EXISTS adviser_requests_expires_at ON adviser_requests (expires_at);`);
  db.transaction(() => addDeliveryColumns(db)).immediate();

  const insert = db.prepare(
    `INSERT INTO adviser_requests (id, conversation_id, municipality, topic, name, phone, email, created_at, expires_at, status, attempts, delivered_to, next_attempt_at)
     VALUES (@id, @conversation_id, @municipality, @topic, @name, @phone, @email, @created_at, @expires_at, @status, @attempts, @delivered_to, @next_attempt_at)`,
  );
  const selectOne = db.prepare<[string, number], Row>('SELECT * FROM adviser_requests WHERE id = ? AND expires_at > ?');
  const selectMany = db.prepare<{ now: number; status: string | null; municipality: string | null; limit: number }, Row>(
    `SELECT * FROM adviser_requests WHERE expires_at > @now
       AND (@status IS NULL OR status = @status) AND (@municipality IS NULL OR municipality = @municipality)
     ORDER BY created_at, id LIMIT @limit`,
  );
  const updateStatus = db.prepare<[string, number, string, number]>(
    'UPDATE adviser_requests SET status = ?, attempts = ? WHERE id = ? AND expires_at > ?',
  );
  // One statement, so SQLite's write lock makes the claim atomic across processes sharing the file.
  const claim = db.prepare<{ owner: string; now: number; until: number; limit: number }, Row>(
    `UPDATE adviser_requests SET claimed_by = @owner, claimed_until = @until
     WHERE id IN (SELECT id FROM adviser_requests
       WHERE status = 'pending' AND expires_at > @now
         AND coalesce(next_attempt_at, 0) <= @now AND coalesce(claimed_until, 0) <= @now
       ORDER BY created_at, id LIMIT @limit)
     RETURNING *`,
  );
  const record = db.prepare<{ id: string; owner: string; now: number; status: string; attempts: number; delivered_to: string | null; next_attempt_at: number | null }>(
    `UPDATE adviser_requests SET status = @status, attempts = @attempts, delivered_to = @delivered_to,
       next_attempt_at = @next_attempt_at, claimed_by = NULL, claimed_until = NULL
     WHERE id = @id AND claimed_by = @owner AND expires_at > @now`,
  );
  const removeByConversation = db.prepare<[string]>('DELETE FROM adviser_requests WHERE conversation_id = ?');
  const purge = db.prepare<[number]>('DELETE FROM adviser_requests WHERE expires_at <= ?');

  return {
    kind: 'sqlite',
    async add(r) {
      insert.run({
        id: r.id,
        conversation_id: r.conversationId,
        municipality: r.municipality,
        topic: r.topic,
        name: r.name ?? null,
        phone: r.phone ?? null,
        email: r.email ?? null,
        created_at: r.createdAt,
        expires_at: r.expiresAt,
        status: r.status,
        attempts: r.attempts,
        delivered_to: r.deliveredTo?.length ? JSON.stringify(r.deliveredTo) : null,
        next_attempt_at: r.nextAttemptAt ?? null,
      });
    },
    async get(id) {
      const row = selectOne.get(id, now());
      return row && toRequest(row);
    },
    async list(filter = {}) {
      const rows = selectMany.all({
        now: now(),
        status: filter.status ?? null,
        municipality: filter.municipality ?? null,
        limit: filter.limit ?? 100,
      });
      return rows.map(toRequest);
    },
    async setStatus(id, status, attempts) {
      return updateStatus.run(status, attempts, id, now()).changes === 1;
    },
    async claimDue(owner, at, leaseMs, limit) {
      const rows = claim.all({ owner, now: at, until: at + leaseMs, limit });
      return rows.map(toRequest).sort(oldestFirst);
    },
    async recordAttempt(id, owner, outcome) {
      const changes = record.run({
        id,
        owner,
        now: now(),
        status: outcome.status,
        attempts: outcome.attempts,
        delivered_to: outcome.deliveredTo.length ? JSON.stringify(outcome.deliveredTo) : null,
        next_attempt_at: outcome.nextAttemptAt ?? null,
      }).changes;
      return changes === 1;
    },
    async deleteByConversation(conversationId) {
      const erased = removeByConversation.run(conversationId).changes;
      if (erased > 0) truncateWal(db);
      return erased;
    },
    async purgeExpired(at) {
      return purge.run(at).changes;
    },
    ...sqliteLifecycle(db),
  };
}

const DECODE: RowDecoders<number, string> = { ms: (time) => time, targets: (stored) => JSON.parse(stored) as string[] };

function toRequest(row: Row): AdviserRequest {
  return toAdviserRequest(row, DECODE);
}
