/**
 * The survey's closed list of questions: VIVE's eleven (VIVE 2021 for Det
 * Centrale Handicapråd), in the order they are asked. The texts live in
 * content/<locale>/survey.yaml as `survey.citizen.<key>` and `survey.staff.<key>`;
 * a municipality picks which to ask in its municipality.yaml:
 *   survey: { enabled: true, questions: [help_entitled, influence, …] }
 * Without `questions`, DEFAULT_SURVEY_QUESTIONS are asked (flows/survey.yaml
 * and flows/staff-survey.yaml encode the same default; a test keeps them equal).
 *
 * Pure.
 */
import type { Municipality } from '../engine/types.js';

export const SURVEY_QUESTION_KEYS = [
  'help_needed',
  'help_entitled',
  'many_caseworkers',
  'influence',
  'individual_needs',
  'documents',
  'prepared',
  'offers_known',
  'disability_knowledge',
  'coordination',
  'expertise',
] as const;
export type SurveyQuestionKey = (typeof SURVEY_QUESTION_KEYS)[number];

/**
 * Five that cover VIVE's themes with the widest national gaps: the outcome
 * (help one is entitled to), say in one's own case, individual assessment,
 * the caseworker's knowledge of the disability, and the municipality
 * working as one.
 */
export const DEFAULT_SURVEY_QUESTIONS: readonly SurveyQuestionKey[] = [
  'help_entitled',
  'influence',
  'individual_needs',
  'disability_knowledge',
  'coordination',
];

/** Questions where a high score is bad news (many changing caseworkers). */
export const HIGH_IS_NEGATIVE: readonly SurveyQuestionKey[] = ['many_caseworkers'];

export function isSurveyQuestion(key: string): key is SurveyQuestionKey {
  return (SURVEY_QUESTION_KEYS as readonly string[]).includes(key);
}

/** The questions a municipality asks, in survey order; unknown keys are ignored (`medspiller check` names them). */
export function selectedQuestions(municipality: Pick<Municipality, 'survey'>): SurveyQuestionKey[] {
  const chosen = municipality.survey?.questions;
  if (!chosen) return [...DEFAULT_SURVEY_QUESTIONS];
  return SURVEY_QUESTION_KEYS.filter((key) => chosen.includes(key));
}

export function surveyEnabled(municipality: Pick<Municipality, 'survey'>): boolean {
  return municipality.survey?.enabled === true;
}
