/**
 * The `storeSurveyAnswer` effect: run when a survey flow's last question was
 * answered or skipped. Keeps the anonymous response (see survey-response.ts);
 * logs only that a response was stored, for which group, never the answers.
 */
import { todayInDenmark } from '../engine/index.js';
import type { Effect } from '../engine/types.js';
import type { Logger } from '../logger.js';
import type { SurveyStore } from '../stores/survey-store.js';
import { surveyResponseFrom } from './survey-response.js';

export type SurveyEffectHandler = (effect: Effect, context: { now: Date; logger: Logger }) => Promise<void>;

export function createStoreSurveyAnswer(store: SurveyStore | undefined): SurveyEffectHandler {
  return async (effect, { now, logger }) => {
    const response = surveyResponseFrom(effect.slots, effect.municipality, todayInDenmark(now));
    if (!response) {
      logger.info({ effect: effect.name, flow: effect.flow }, 'survey ended without answers: nothing stored');
      return;
    }
    if (!store) {
      logger.warn({ effect: effect.name }, 'no survey store configured: survey answers not kept');
      return;
    }
    await store.add(response);
    logger.info({ effect: effect.name, group: response.group, answers: Object.keys(response.answers).length }, 'survey answers stored');
  };
}
