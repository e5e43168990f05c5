/** Small builders for survey tests: tallies written as lists of answers, and a one-municipality bundle. */
import { readFileSync } from 'node:fs';
import type { Bundle, ResolvedMunicipality } from '../../src/engine/types.js';
import type { AnswerCount, RespondentGroup, SurveyAnswer, SurveyArea } from '../../src/stores/survey-store.js';
import { parseBaseline, type Baseline } from '../../src/survey/baseline.js';

export const baseline: Baseline = parseBaseline(readFileSync(new URL('../../content/survey/baseline.yaml', import.meta.url), 'utf8'));

/** One respondent per value: `answers('citizen', 'health', '2026-W02', 'influence', [3, 2, null])`. */
export function answers(
  group: RespondentGroup,
  area: SurveyArea | null,
  week: string,
  question: string,
  values: SurveyAnswer[],
): AnswerCount[] {
  const byValue = new Map<SurveyAnswer, number>();
  for (const value of values) byValue.set(value, (byValue.get(value) ?? 0) + 1);
  return [...byValue].map(([value, count]) => ({ group, area, week, question, value, count }));
}

/** `n` respondents who all answered `value`. */
export function repeat(value: SurveyAnswer, n: number): SurveyAnswer[] {
  return Array.from({ length: n }, () => value);
}

export function fixturePlace(survey: ResolvedMunicipality['municipality']['survey'] = { enabled: true }): ResolvedMunicipality {
  return {
    municipality: { id: 'demo', name: 'Demo Kommune', fictional: true, contacts: { citizen_service: {} }, survey },
    flows: {},
    texts: {
      da: {
        'survey.citizen.influence': { text: 'Har du indflydelse i {municipality.name}?' },
        'survey.staff.influence': { text: 'Har borgerne indflydelse?' },
      },
    },
  };
}

export function fixtureBundle(place = fixturePlace()): Bundle {
  return {
    version: 'test',
    locales: ['da'],
    localeInfo: { da: { name: 'Dansk', dir: 'ltr' } },
    defaultMunicipality: 'demo',
    municipalities: { demo: place },
    intents: {},
    mainFlow: 'menu',
  };
}
