/**
 * The port for anonymous trust-survey answers (DESIGN.md §6–7). A response is
 * only: municipality, respondent group, area, ISO week and the answers
 * (question key → 0–3, or null for "Ved ikke"/skipped). No conversation id, no
 * time finer than a week, no free text: `validateSurveyResponse` refuses
 * anything else, and every adapter calls it before storing.
 *
 * Adapters keep counts, not rows: per (municipality, group, area, week,
 * question, answer) how many gave that answer. So nothing stored ties one
 * person's answers together, and there is no insertion order to match against
 * logs. `counts()` returns those tallies for a municipality and a week range.
 */

export const RESPONDENT_GROUPS = ['citizen', 'caseworker', 'manager'] as const;
export type RespondentGroup = (typeof RESPONDENT_GROUPS)[number];

/** VIVE's four entrances to the municipality; null when the respondent did not say. */
export const SURVEY_AREAS = ['children_family', 'adult_disability', 'job_centre', 'health'] as const;
export type SurveyArea = (typeof SURVEY_AREAS)[number];

/** The VIVE scale: 3 "I høj grad", 2 "I nogen grad", 1 "I mindre grad", 0 "Slet ikke". */
export type ScaleValue = 0 | 1 | 2 | 3;
/** null: "Ved ikke" or skipped (counted apart, never in a mean). */
export type SurveyAnswer = ScaleValue | null;

export interface SurveyResponse {
  municipality: string;
  group: RespondentGroup;
  area: SurveyArea | null;
  /** ISO week, "2026-W07". */
  week: string;
  answers: Record<string, SurveyAnswer>;
}

/** How many respondents gave `value` to `question` in one (group, area, week). */
export interface AnswerCount {
  group: RespondentGroup;
  area: SurveyArea | null;
  week: string;
  question: string;
  value: SurveyAnswer;
  count: number;
}

export interface SurveyCountQuery {
  municipality: string;
  /** Inclusive ISO weeks, "2026-W01" … "2026-W13". */
  fromWeek: string;
  toWeek: string;
}

export interface SurveyStore {
  readonly kind: string;
  /** Stores one response atomically (all answers or none); throws on an invalid response. */
  add(response: SurveyResponse): Promise<void>;
  /** Tallies for one municipality in the week range; rows with count 0 are left out. Any order. */
  counts(query: SurveyCountQuery): Promise<AnswerCount[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const ISO_WEEK_PATTERN = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;
/** Question keys are identifiers from the survey's closed list, never text. */
const QUESTION_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
const MUNICIPALITY_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;
/** More keys than VIVE's eleven questions is not a survey response. */
const MAX_ANSWERS = 32;

export class InvalidSurveyResponseError extends Error {
  constructor(reason: string) {
    super(`invalid survey response: ${reason}`);
    this.name = 'InvalidSurveyResponseError';
  }
}

function isScaleValue(value: unknown): value is ScaleValue {
  return value === 0 || value === 1 || value === 2 || value === 3;
}

/** Throws InvalidSurveyResponseError unless the response holds exactly the allowed fields and values. */
export function validateSurveyResponse(response: SurveyResponse): void {
  const fail = (reason: string) => {
    throw new InvalidSurveyResponseError(reason);
  };
  const extra = Object.keys(response).filter((k) => !['municipality', 'group', 'area', 'week', 'answers'].includes(k));
  if (extra.length) fail(`fields not allowed: ${extra.join(', ')}`);
  if (typeof response.municipality !== 'string' || !MUNICIPALITY_PATTERN.test(response.municipality)) fail('municipality');
  if (!(RESPONDENT_GROUPS as readonly string[]).includes(response.group)) fail('group');
  if (response.area !== null && !(SURVEY_AREAS as readonly string[]).includes(response.area)) fail('area');
  if (typeof response.week !== 'string' || !ISO_WEEK_PATTERN.test(response.week)) fail('week');
  const answers = response.answers;
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) fail('answers');
  const entries = Object.entries(answers);
  if (entries.length > MAX_ANSWERS) fail('too many answers');
  for (const [key, value] of entries) {
    if (!QUESTION_KEY_PATTERN.test(key)) fail('question key');
    if (value !== null && !isScaleValue(value)) fail(`answer to ${key}`);
  }
}
