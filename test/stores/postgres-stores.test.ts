import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres, openPostgres, type PostgresDatabase } from '../../src/stores/postgres-database.js';
import { createPostgresRequestStore } from '../../src/stores/postgres-request-store.js';
import { createPostgresSessionStore } from '../../src/stores/postgres-session-store.js';
import { createPostgresSurveyStore } from '../../src/stores/postgres-survey-store.js';
import { POSTGRES_MIGRATIONS } from '../../src/stores/migrations/postgres-migrations.js';
import { dropSchema, postgresAvailable, TEST_DATABASE_URL, uniqueName } from './external-services.js';
import { describeRequestStore, request } from './request-store-contract.js';
import { describeSessionStore, sampleState } from './session-store-contract.js';
import { describeSurveyStore, sampleResponse } from './survey-store-contract.js';

const available = await postgresAvailable();
const schema = uniqueName('pg');

describe.skipIf(!available)('PostgreSQL stores', () => {
  let db: PostgresDatabase;
  let keepOpen: () => Promise<void>;

  beforeAll(async () => {
    db = await openPostgres(TEST_DATABASE_URL, { schema });
    // The suites close every store they make; this share keeps the pool open between them.
    keepOpen = db.retain();
  });
  afterAll(async () => {
    await keepOpen();
    await dropSchema(schema);
  });

  describeSessionStore('postgres', () => createPostgresSessionStore(db));
  describeRequestStore('postgres', async (now) => {
    await db.pool.query('TRUNCATE adviser_requests');
    return createPostgresRequestStore(db, { now });
  });
  describeSurveyStore('postgres', () => createPostgresSurveyStore(db));

  it('counts every survey response sent at once from several instances', async () => {
    const stores = [createPostgresSurveyStore(db), createPostgresSurveyStore(db)];
    const response = sampleResponse({ municipality: 'concurrent', answers: { influence: 2, coordination: null } });
    await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2]!.add(response)));
    const counts = await stores[0]!.counts({ municipality: 'concurrent', fromWeek: '2026-W01', toWeek: '2026-W52' });
    expect(counts.map((c) => [c.question, c.value, c.count]).sort()).toEqual([['coordination', null, 20], ['influence', 2, 20]]);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('keeps a week of survey rows on one transaction id and in key order: nothing shows which answers came together', async () => {
    const fresh = uniqueName('pgsurvey');
    try {
      const own = await openPostgres(TEST_DATABASE_URL, { schema: fresh });
      const surveys = createPostgresSurveyStore(own);
      const requests = createPostgresRequestStore(own);
      const week = { municipality: 'quiet', week: '2026-W10' };
      // Each response brings answers nobody gave before, so its rows are new ones.
      await surveys.add(sampleResponse({ ...week, answers: { influence: 3, coordination: 0 } }));
      await surveys.add(sampleResponse({ ...week, answers: { help_entitled: 1, documents: null } }));
      // Statistics on a small table make the planner read it in the order its rows were written.
      await own.pool.query('ANALYZE survey_answer_counts');
      await requests.add(request({ municipality: 'quiet' }));
      await surveys.add(sampleResponse({ ...week, answers: { expertise: 2, influence: 1 } }));
      await surveys.add(sampleResponse({ ...week, group: 'caseworker', answers: { influence: 3 } }));
      await surveys.add(sampleResponse({ ...week, week: '2026-W11', answers: { influence: 3 } }));

      const { rows } = await own.pool.query<{ xmin: string; key: string }>(
        `SELECT xmin::text, concat_ws(' ', respondent_group, area, question, answer) AS key
         FROM survey_answer_counts WHERE municipality = 'quiet' AND week = '2026-W10' ORDER BY ctid`,
      );
      expect(rows).toHaveLength(7);
      expect(new Set(rows.map((r) => r.xmin)).size).toBe(1);
      const keys = rows.map((r) => r.key);
      expect(keys).toEqual([...keys].sort());
      await Promise.all([surveys.close(), requests.close()]);
    } finally {
      await dropSchema(fresh);
    }
  });

  it('keeps one week on one transaction id when its responses arrive at once from several instances', async () => {
    const stores = [createPostgresSurveyStore(db), createPostgresSurveyStore(db)];
    const questions = ['help_entitled', 'influence', 'individual_needs', 'disability_knowledge', 'coordination'];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        stores[i % 2]!.add(sampleResponse({ municipality: 'busy', answers: { [questions[i % 5]!]: ((i >> 2) % 4) as 0 | 1 | 2 | 3 } })),
      ),
    );
    const { rows } = await db.pool.query<{ xmin: string; count: number }>(
      `SELECT xmin::text, count FROM survey_answer_counts WHERE municipality = 'busy' AND week = '2026-W10'`,
    );
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(20);
    expect(new Set(rows.map((r) => r.xmin)).size).toBe(1);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('records every migration once, and a second run applies nothing', async () => {
    const { rows } = await db.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
    expect(await migratePostgres(db.pool, { schema })).toEqual([]);
  });

  it('lets several instances start at once: the advisory lock serialises the migrations', async () => {
    const fresh = uniqueName('pgrace');
    try {
      const opened = await Promise.all([1, 2, 3].map(() => openPostgres(TEST_DATABASE_URL, { schema: fresh })));
      const { rows } = await opened[0]!.pool.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
      expect(Number(rows[0]!.n)).toBe(POSTGRES_MIGRATIONS.length);
      await Promise.all(opened.map((o) => o.retain()()));
    } finally {
      await dropSchema(fresh);
    }
  });

  it('rolls a failing migration back and names it', async () => {
    const fresh = uniqueName('pgfail');
    const broken = [...POSTGRES_MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE nope (; ' }];
    try {
      await expect(openPostgres(TEST_DATABASE_URL, { schema: fresh, migrations: broken })).rejects.toThrow(/migration 99 \(broken\)/);
      const again = await openPostgres(TEST_DATABASE_URL, { schema: fresh });
      const { rows } = await again.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
      await again.retain()();
    } finally {
      await dropSchema(fresh);
    }
  });

  it('shares one pool between adapters and ends it with the last one', async () => {
    const fresh = uniqueName('pgshare');
    try {
      const shared = await openPostgres(TEST_DATABASE_URL, { schema: fresh });
      const sessions = createPostgresSessionStore(shared);
      const requests = createPostgresRequestStore(shared);
      await sessions.create('PPPPPPPPPPPPPPPPPPPPPP', sampleState(), 60_000);
      await sessions.close();
      await sessions.close();
      await expect(requests.ping()).resolves.toBeUndefined();
      await requests.close();
      expect(shared.pool.ending).toBe(true);
    } finally {
      await dropSchema(fresh);
    }
  });

  it('fails to open with a clear error when the database is unreachable', async () => {
    await expect(openPostgres('postgres://postgres@127.0.0.1:1/test', { connectAttempts: 1 })).rejects.toThrow();
  });
});
