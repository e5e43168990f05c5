/**
 * How the SQL survey adapters store a tally: in table `survey_answer_counts` a
 * missing area is '' and "Ved ikke"/skipped is -1, because both are part of the
 * primary key and a key column cannot be NULL. Shared by SQLite and PostgreSQL.
 */
import type { AnswerCount, RespondentGroup, SurveyAnswer, SurveyArea } from './survey-store.js';

export interface SurveyCountRow {
  respondent_group: RespondentGroup;
  area: string;
  week: string;
  question: string;
  answer: number;
  count: number;
}

export const NO_AREA = '';
export const NO_ANSWER = -1;

export function toAnswerCount(row: SurveyCountRow): AnswerCount {
  return {
    group: row.respondent_group,
    area: row.area === NO_AREA ? null : (row.area as SurveyArea),
    week: row.week,
    question: row.question,
    value: row.answer === NO_ANSWER ? null : (row.answer as SurveyAnswer),
    count: Number(row.count),
  };
}
