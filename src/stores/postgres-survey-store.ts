/**
 * SurveyStore in PostgreSQL: table `survey_answer_counts`, tallies only (see
 * survey-store.ts). One response is one transaction of upserts
 * (`count = count + 1`), so concurrent responses on several instances all count.
 * Row encoding (no area, "Ved ikke"): survey-count-row.ts.
 *
 * Every row version carries the id of the transaction that wrote it (the hidden
 * `xmin`, which also orders it against `adviser_requests` rows) and sits at a
 * place (`ctid`) that follows the order rows were written in. Were only the rows
 * one response counted written, its answers would share an `xmin` of their own.
 * So the same transaction rewrites every row of the municipality's week in key
 * order: they all carry the week's latest `xmin`, and their places follow the
 * key, not which response first gave an answer.
 */
import type { PostgresDatabase } from './postgres-database.js';
import { NO_ANSWER, NO_AREA, toAnswerCount, type SurveyCountRow } from './survey-count-row.js';
import { validateSurveyResponse, type SurveyStore } from './survey-store.js';

/** The first key of the advisory lock one municipality's week is rewritten under (the second hashes both). */
const SURVEY_LOCK_CLASS = 0x5375_7276; // "Surv"

export function createPostgresSurveyStore(db: PostgresDatabase): SurveyStore {
  const { pool } = db;
  const release = db.retain();

  return {
    kind: 'postgres',
    async add(response) {
      validateSurveyResponse(response);
      const { municipality, group, area, week } = response;
      const entries = Object.entries(response.answers);
      if (!entries.length) return;
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        // Responses to one municipality and week take turns: a rewrite running beside another would
        // miss the rows the other adds (leaving them on its xmin), and the two would deadlock on each
        // other's rows. Other weeks go on in parallel.
        await client.query(`SELECT pg_advisory_xact_lock($1::int, hashtext($2::text || ' ' || $3::text))`, [SURVEY_LOCK_CLASS, municipality, week]);
        await client.query(
          `INSERT INTO survey_answer_counts (municipality, respondent_group, area, week, question, answer, count)
           SELECT $1, $2, $3, $4, question, answer, 1 FROM unnest($5::text[], $6::smallint[]) AS a(question, answer)
           ON CONFLICT (municipality, week, respondent_group, area, question, answer)
           DO UPDATE SET count = survey_answer_counts.count + 1`,
          [municipality, group, area ?? NO_AREA, week, entries.map(([q]) => q), entries.map(([, v]) => v ?? NO_ANSWER)],
        );
        await client.query(
          `WITH week_rows AS (DELETE FROM survey_answer_counts WHERE municipality = $1 AND week = $2 RETURNING *)
           INSERT INTO survey_answer_counts (municipality, respondent_group, area, week, question, answer, count)
           SELECT municipality, respondent_group, area, week, question, answer, count FROM week_rows
           ORDER BY respondent_group, area, question, answer`,
          [municipality, week],
        );
        await client.query('COMMIT');
      } catch (error) {
        // A connection that cannot even roll back is dropped, not handed to the next caller.
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async counts({ municipality, fromWeek, toWeek }) {
      const { rows } = await pool.query<SurveyCountRow>(
        `SELECT respondent_group, area, week, question, answer, count FROM survey_answer_counts
         WHERE municipality = $1 AND week BETWEEN $2 AND $3`,
        [municipality, fromWeek, toWeek],
      );
      return rows.map(toAnswerCount);
    },
    ping: () => db.ping(),
    close: release,
  };
}
