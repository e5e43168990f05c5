/**
 * SurveyStore in PostgreSQL: table `survey_answer_counts`, tallies only (see
 * survey-store.ts). One response is one transaction of upserts
 * (`count = count + 1`), so concurrent responses on several instances all count.
 * Row encoding (no area, "Ved ikke"): survey-count-row.ts.
 */
import type { PostgresDatabase } from './postgres-database.js';
import { NO_ANSWER, NO_AREA, toAnswerCount, type SurveyCountRow } from './survey-count-row.js';
import { validateSurveyResponse, type SurveyStore } from './survey-store.js';

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
      // One statement for all answers: atomic without an explicit transaction.
      await pool.query(
        `INSERT INTO survey_answer_counts (municipality, respondent_group, area, week, question, answer, count)
         SELECT $1, $2, $3, $4, question, answer, 1 FROM unnest($5::text[], $6::smallint[]) AS a(question, answer)
         ON CONFLICT (municipality, week, respondent_group, area, question, answer)
         DO UPDATE SET count = survey_answer_counts.count + 1`,
        [municipality, group, area ?? NO_AREA, week, entries.map(([q]) => q), entries.map(([, v]) => v ?? NO_ANSWER)],
      );
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
