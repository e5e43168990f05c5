/**
 * The local gap analysis for one municipality: per question the local means of
 * citizens, caseworkers and managers (with n), the national VIVE figures, and
 * the gaps (staff mean − citizens' mean, locally and nationally). **Contract**
 * of GET /api/v1/admin/municipalities/:id/survey and its CSV.
 *
 * `buildSurveyReport` is pure; `loadSurveyReport` reads the tallies from a store.
 */
import { findEntry, renderTemplate } from '../engine/index.js';
import type { Bundle, ResolvedMunicipality } from '../engine/types.js';
import type { AnswerCount, RespondentGroup, SurveyArea, SurveyStore } from '../stores/survey-store.js';
import type { Baseline } from './baseline.js';
import { HIGH_IS_NEGATIVE, SURVEY_QUESTION_KEYS, selectedQuestions, surveyEnabled, type SurveyQuestionKey } from './questions.js';
import { resolvePeriod, type PeriodQuery, type ReportPeriod } from './report-period.js';
import { AtomTable, MINIMUM_GROUP_SIZE, publishedCell, round2, type GroupCell } from './suppression.js';
import { quarterAt } from './weeks.js';

export const GROUP_KEYS = { citizen: 'citizens', caseworker: 'caseworkers', manager: 'managers' } as const;
export type GroupKey = (typeof GROUP_KEYS)[RespondentGroup];

export interface QuestionReport {
  key: SurveyQuestionKey;
  /** The question as citizens and as staff are asked it (Danish, with the municipality's own wording if any). */
  text: { citizen: string; staff: string };
  /** False when the municipality no longer asks it but answers from the period exist. */
  selected: boolean;
  /** For many_caseworkers a high score is bad news. */
  highIsNegative: boolean;
  citizens: GroupCell;
  caseworkers: GroupCell;
  managers: GroupCell;
  national: Record<GroupKey, number>;
  /** Staff mean minus citizens' mean; null locally when either is suppressed. */
  gaps: {
    local: { caseworkers: number | null; managers: number | null };
    national: { caseworkers: number; managers: number };
  };
}

export interface SurveyReport {
  municipality: { id: string; name: string; surveyEnabled: boolean };
  period: ReportPeriod;
  /** The area filtered on, or null for all areas. */
  area: SurveyArea | null;
  minimumGroupSize: number;
  questions: QuestionReport[];
  baseline: Baseline['source'] & { respondents: Baseline['respondents'] };
}

export interface ReportQuery extends PeriodQuery {
  area?: SurveyArea;
}

function questionText(bundle: Bundle, place: ResolvedMunicipality, key: string): string {
  const entry = findEntry(bundle, place, 'da', key);
  return entry ? renderTemplate(entry.text, { municipality: place.municipality }, 'da').trim() : key;
}

function gap(staff: GroupCell, citizens: GroupCell): number | null {
  return staff.mean === null || citizens.mean === null ? null : round2(staff.mean - citizens.mean);
}

function reportQuestion(
  key: SurveyQuestionKey,
  selected: boolean,
  cells: Record<GroupKey, GroupCell>,
  context: { bundle: Bundle; place: ResolvedMunicipality; baseline: Baseline },
): QuestionReport {
  const national = context.baseline.questions[key];
  const nationalGap = (staff: number) => Math.round((staff - national.citizens) * 10) / 10;
  return {
    key,
    text: {
      citizen: questionText(context.bundle, context.place, `survey.citizen.${key}`),
      staff: questionText(context.bundle, context.place, `survey.staff.${key}`),
    },
    selected,
    highIsNegative: national.highIsNegative ?? HIGH_IS_NEGATIVE.includes(key),
    ...cells,
    national: { citizens: national.citizens, caseworkers: national.caseworkers, managers: national.managers },
    gaps: {
      local: { caseworkers: gap(cells.caseworkers, cells.citizens), managers: gap(cells.managers, cells.citizens) },
      national: { caseworkers: nationalGap(national.caseworkers), managers: nationalGap(national.managers) },
    },
  };
}

export interface ReportInput {
  bundle: Bundle;
  place: ResolvedMunicipality;
  baseline: Baseline;
  counts: readonly AnswerCount[];
  quarters: readonly number[];
  period: ReportPeriod;
  area?: SurveyArea;
}

/** The report from tallies already limited to the period's weeks. Pure. */
export function buildSurveyReport(input: ReportInput): SurveyReport {
  const { place, baseline, quarters, area } = input;
  const table = new AtomTable(input.counts);
  const chosen = selectedQuestions(place.municipality);
  const answered = table.questions();
  const keys = SURVEY_QUESTION_KEYS.filter((key) => chosen.includes(key) || answered.has(key));
  const cellsFor = (key: string) =>
    Object.fromEntries(
      (Object.entries(GROUP_KEYS) as Array<[RespondentGroup, GroupKey]>).map(([group, name]) => [
        name,
        publishedCell(table, group, key, quarters, area),
      ]),
    ) as Record<GroupKey, GroupCell>;
  return {
    municipality: { id: place.municipality.id, name: place.municipality.name, surveyEnabled: surveyEnabled(place.municipality) },
    period: input.period,
    area: area ?? null,
    minimumGroupSize: MINIMUM_GROUP_SIZE,
    questions: keys.map((key) => reportQuestion(key, chosen.includes(key), cellsFor(key), input)),
    baseline: { ...baseline.source, respondents: baseline.respondents },
  };
}

export interface LoadReportInput {
  store: SurveyStore;
  bundle: Bundle;
  place: ResolvedMunicipality;
  baseline: Baseline;
  query: ReportQuery;
  /** Today's date in Denmark, "2026-11-23". */
  today: string;
}

/** Reads the period's tallies and builds the report. Throws PeriodError for a bad period. */
export async function loadSurveyReport(input: LoadReportInput): Promise<SurveyReport> {
  const { indexes, period } = resolvePeriod(input.query, input.today);
  const first = indexes[0];
  const last = indexes.at(-1);
  const counts =
    first === undefined || last === undefined
      ? []
      : await input.store.counts({
          municipality: input.place.municipality.id,
          fromWeek: quarterAt(first).firstWeek,
          toWeek: quarterAt(last).lastWeek,
        });
  return buildSurveyReport({ ...input, counts, quarters: indexes, period, area: input.query.area });
}
