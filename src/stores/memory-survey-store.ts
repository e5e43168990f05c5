/** SurveyStore in process memory: for tests, `medspiller chat` and demos. Keeps counts, like every adapter. */
import {
  validateSurveyResponse,
  type AnswerCount,
  type RespondentGroup,
  type SurveyAnswer,
  type SurveyArea,
  type SurveyStore,
} from './survey-store.js';

interface Cell {
  municipality: string;
  group: RespondentGroup;
  area: SurveyArea | null;
  week: string;
  question: string;
  value: SurveyAnswer;
}

export function createMemorySurveyStore(): SurveyStore {
  const counts = new Map<string, { cell: Cell; count: number }>();

  return {
    kind: 'memory',
    async add(response) {
      validateSurveyResponse(response);
      const { municipality, group, area, week } = response;
      for (const [question, value] of Object.entries(response.answers)) {
        const cell: Cell = { municipality, group, area, week, question, value };
        const key = JSON.stringify([municipality, group, area, week, question, value]);
        counts.set(key, { cell, count: (counts.get(key)?.count ?? 0) + 1 });
      }
    },
    async counts({ municipality, fromWeek, toWeek }) {
      const rows: AnswerCount[] = [];
      for (const { cell, count } of counts.values()) {
        if (cell.municipality !== municipality || cell.week < fromWeek || cell.week > toWeek) continue;
        const { municipality: _m, ...row } = cell;
        rows.push({ ...row, count });
      }
      return rows;
    },
    async ping() {},
    async close() {},
  };
}
