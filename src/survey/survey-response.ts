/**
 * Turns the slots a survey flow filled into the anonymous SurveyResponse the
 * store keeps. Slots read (set by flows/survey.yaml and flows/staff-survey.yaml):
 *   survey_role     citizen | caseworker | manager
 *   survey_area     children_family | adult_disability | job_centre | health (anything else: not given)
 *   survey_answers  { <question key>: '3' | '2' | '1' | '0' | 'unknown' | null (skipped) }
 * Only known question keys and scale values are taken; nothing else from the
 * conversation (no id, no time finer than the ISO week, no text) goes in.
 *
 * Pure.
 */
import type { SlotValue, Slots } from '../engine/types.js';
import {
  RESPONDENT_GROUPS,
  SURVEY_AREAS,
  type RespondentGroup,
  type SurveyAnswer,
  type SurveyArea,
  type SurveyResponse,
} from '../stores/survey-store.js';
import { isSurveyQuestion } from './questions.js';
import { isoWeekOf } from './weeks.js';

const SCALE: Record<string, SurveyAnswer> = { '3': 3, '2': 2, '1': 1, '0': 0, unknown: null };

function answerOf(value: SlotValue | undefined): SurveyAnswer | undefined {
  if (value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') {
    const key = String(value);
    return key in SCALE ? SCALE[key] : undefined;
  }
  return undefined;
}

function answersOf(slot: SlotValue | undefined): Record<string, SurveyAnswer> {
  if (slot === null || typeof slot !== 'object' || Array.isArray(slot)) return {};
  const answers: Record<string, SurveyAnswer> = {};
  for (const [key, value] of Object.entries(slot)) {
    const answer = answerOf(value);
    if (isSurveyQuestion(key) && answer !== undefined) answers[key] = answer;
  }
  return answers;
}

/** The response to store, or undefined when the slots hold no role or no answers. */
export function surveyResponseFrom(slots: Slots, municipality: string, today: string): SurveyResponse | undefined {
  const group = slots.survey_role;
  if (typeof group !== 'string' || !(RESPONDENT_GROUPS as readonly string[]).includes(group)) return undefined;
  const answers = answersOf(slots.survey_answers);
  if (Object.keys(answers).length === 0) return undefined;
  const area = slots.survey_area;
  return {
    municipality,
    group: group as RespondentGroup,
    area: typeof area === 'string' && (SURVEY_AREAS as readonly string[]).includes(area) ? (area as SurveyArea) : null,
    week: isoWeekOf(today),
    answers,
  };
}
