/**
 * SurveyStore in SQLite: table `survey_answer_counts`, in the same file as the
 * sessions by default. One row per (municipality, group, area, week, question,
 * answer) holding a count; WITHOUT ROWID, so no row id counts the order of arrival.
 * Row encoding (no area, "Ved ikke"): survey-count-row.ts.
 *
 * A page still keeps its cells where they were written, newest nearest the
 * start, so the rows one response created would lie side by side. Each
 * response therefore rewrites every row of its municipality's week in key
 * order, in the same transaction: where a row lies follows its key.
 */
import { openSqlite, sqliteLifecycle } from './sqlite-database.js';
import { NO_ANSWER, NO_AREA, toAnswerCount, type SurveyCountRow } from './survey-count-row.js';
import { validateSurveyResponse, type SurveyStore } from './survey-store.js';

export function createSqliteSurveyStore(path: string): SurveyStore {
  const db = openSqlite(path);
  db.exec(`CREATE TABLE IF NOT EXISTS survey_answer_counts (
    municipality TEXT NOT NULL,
    respondent_group TEXT NOT NULL CHECK (respondent_group IN ('citizen', 'caseworker', 'manager')),
    area TEXT NOT NULL,
    week TEXT NOT NULL,
    question TEXT NOT NULL,
    answer INTEGER NOT NULL CHECK (answer BETWEEN -1 AND 3),
    count INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (municipality, week, respondent_group, area, question, answer)
  ) WITHOUT ROWID;`);

  const increment = db.prepare<[string, string, string, string, string, number]>(
    `INSERT INTO survey_answer_counts (municipality, respondent_group, area, week, question, answer, count)
     VALUES (?, ?, ?, ?, ?, ?, 1)
     ON CONFLICT DO UPDATE SET count = count + 1`,
  );
  const select = db.prepare<[string, string, string], SurveyCountRow>(
    `SELECT respondent_group, area, week, question, answer, count FROM survey_answer_counts
     WHERE municipality = ? AND week BETWEEN ? AND ?`,
  );
  const weekRows = db.prepare<[string, string], unknown[]>(
    `SELECT municipality, respondent_group, area, week, question, answer, count FROM survey_answer_counts
     WHERE municipality = ? AND week = ? ORDER BY respondent_group, area, question, answer`,
  ).raw();
  const deleteWeek = db.prepare<[string, string]>('DELETE FROM survey_answer_counts WHERE municipality = ? AND week = ?');
  const insert = db.prepare<unknown[]>(
    `INSERT INTO survey_answer_counts (municipality, respondent_group, area, week, question, answer, count) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const addAll = db.transaction((municipality: string, week: string, rows: Array<[string, string, string, string, string, number]>) => {
    for (const row of rows) increment.run(...row);
    const rewritten = weekRows.all(municipality, week);
    deleteWeek.run(municipality, week);
    for (const row of rewritten) insert.run(...row);
  });

  return {
    kind: 'sqlite',
    async add(response) {
      validateSurveyResponse(response);
      const { municipality, group, area, week } = response;
      addAll(
        municipality,
        week,
        Object.entries(response.answers).map(
          ([question, value]) =>
            [municipality, group, area ?? NO_AREA, week, question, value ?? NO_ANSWER] as [string, string, string, string, string, number],
        ),
      );
    },
    async counts({ municipality, fromWeek, toWeek }) {
      return select.all(municipality, fromWeek, toWeek).map(toAnswerCount);
    },
    ...sqliteLifecycle(db),
  };
}
