/**
 * The PostgreSQL schema, as numbered migrations applied in order and recorded
 * in `schema_migrations`. **Never edit a migration that has shipped**: add the
 * next number instead. Times are `timestamptz`; a session's state is its JSON
 * text exactly as the engine wrote it (`state::json` to read it by hand).
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'sessions',
    sql: `CREATE TABLE sessions (
      id text PRIMARY KEY,
      state text NOT NULL,
      version integer NOT NULL,
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX sessions_expires_at ON sessions (expires_at);`,
  },
  {
    version: 2,
    name: 'adviser_requests',
    sql: `CREATE TABLE adviser_requests (
      id text PRIMARY KEY,
      conversation_id text NOT NULL,
      municipality text NOT NULL,
      topic text NOT NULL,
      name text,
      phone text,
      email text,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
      attempts integer NOT NULL DEFAULT 0
    );
    CREATE INDEX adviser_requests_conversation ON adviser_requests (conversation_id);
    CREATE INDEX adviser_requests_expires_at ON adviser_requests (expires_at);
    CREATE INDEX adviser_requests_listing ON adviser_requests (created_at, id);`,
  },
  {
    version: 3,
    name: 'adviser_request_delivery',
    sql: `ALTER TABLE adviser_requests
      ADD COLUMN delivered_to text[],
      ADD COLUMN next_attempt_at timestamptz,
      ADD COLUMN claimed_by text,
      ADD COLUMN claimed_until timestamptz;
    CREATE INDEX adviser_requests_due ON adviser_requests (status, next_attempt_at);`,
  },
  {
    version: 4,
    name: 'survey_answer_counts',
    sql: `CREATE TABLE survey_answer_counts (
      municipality text NOT NULL,
      respondent_group text NOT NULL CHECK (respondent_group IN ('citizen', 'caseworker', 'manager')),
      area text NOT NULL,
      week text NOT NULL,
      question text NOT NULL,
      answer smallint NOT NULL CHECK (answer BETWEEN -1 AND 3),
      count integer NOT NULL CHECK (count > 0),
      PRIMARY KEY (municipality, week, respondent_group, area, question, answer)
    );`,
  },
];
