/**
 * The `storeSurveyAnswer` effect: run when a survey flow's last question was
 * answered or skipped. Keeps the anonymous response (see survey-response.ts).
 * Logs nothing when it works: a line at the moment a response is stored could
 * be matched, by its time, to the conversation it came from (see effects.ts).
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
    if (!response) return;
    if (!store) {
      logger.warn({ effect: effect.name }, 'no survey store configured: survey answers not kept');
      return;
    }
    await store.add(response);
  };
}
