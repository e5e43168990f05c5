/**
 * Effects: what a flow's `do: [name]` asks the service to do after a turn was
 * saved (the engine only names them). The registry maps each name to an async
 * handler; `medspiller check` rejects a `do:` name that is not in EFFECT_NAMES.
 *
 * storeAdviserRequest — keeps a request to be contacted by an adviser, and only
 * when the citizen gave consent. Slots it reads (set by the adviser flow):
 *   consent   "yes" or true (anything else: nothing is stored)
 *   topic     what it is about (a choice id), falling back to the menu's topic_choice
 *   contact_name, contact_phone, contact_email   optional contact details
 *
 * storeSurveyAnswer — keeps the anonymous trust-survey answers when a survey
 * flow ends (src/survey/store-survey-answer.ts names the slots it reads). It is
 * logged only when it fails, and then without the conversation id (see
 * UNLINKED_EFFECTS).
 */
import type { Effect, SlotValue } from '../engine/types.js';
import type { Logger } from '../logger.js';
import type { AdviserRequest, RequestStore } from '../stores/request-store.js';
import type { SurveyStore } from '../stores/survey-store.js';
import { createStoreSurveyAnswer } from '../survey/store-survey-answer.js';
import { newId } from './ids.js';

export interface EffectContext {
  conversationId: string;
  now: Date;
  logger: Logger;
}

export type EffectHandler = (effect: Effect, context: EffectContext) => Promise<void>;
export type EffectRegistry = Record<string, EffectHandler>;

/** Every effect name a flow may use in `do:`. */
export const EFFECT_NAMES = ['storeAdviserRequest', 'storeSurveyAnswer'] as const;
export type EffectName = (typeof EFFECT_NAMES)[number];

/**
 * Effects whose runs the logs must not tie to a conversation. A week's survey tallies in a small area
 * may hold a single response: a line with the conversation id at the moment a response was stored,
 * next to an adviser request from that conversation, would put a name to those answers.
 */
const UNLINKED_EFFECTS: ReadonlySet<string> = new Set<EffectName>(['storeSurveyAnswer']);

/**
 * What the citizen is told when an effect the flow has already thanked them for fails: without it, a
 * citizen who asked for an adviser would wait for a call that never comes. A survey answer that is
 * lost costs the council a figure, not the citizen anything: it is only logged. Required content.
 */
export const EFFECT_FAILURE_TEXTS: Partial<Record<string, string>> = { storeAdviserRequest: 'system.request_not_stored' };

export interface EffectDependencies {
  requests: RequestStore;
  /** How long a stored request (with contact details) is kept. */
  requestTtlMs: number;
  newId?: () => string;
  /** Where survey answers go; without it they are not kept (a warning is logged). */
  surveys?: SurveyStore;
  /** Waits before each new try to store an adviser request (tests shorten them). */
  retryDelaysMs?: readonly number[];
}

/** A busy database or a dropped connection usually passes within a second: two more tries before the citizen is told. */
const ADD_RETRY_DELAYS_MS = [100, 500] as const;

/**
 * Stores the request, trying again after each delay when the store fails. A failure may come after
 * the row was written (a timeout on the answer): the request is looked up before each new try, so
 * it is never stored twice. Throws the last error when every try failed.
 */
async function addWithRetries(requests: RequestStore, request: AdviserRequest, delaysMs: readonly number[], logger: Logger): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      if (attempt > 0 && (await requests.get(request.id))) return;
      await requests.add(request);
      return;
    } catch (error) {
      if (attempt >= delaysMs.length) throw error;
      logger.warn({ effect: 'storeAdviserRequest', attempt: attempt + 1, error: (error as Error).name }, 'storing the request failed: trying again');
      await new Promise((resolve) => setTimeout(resolve, delaysMs[attempt]));
    }
  }
}

export function createEffects(deps: EffectDependencies): Record<EffectName, EffectHandler> {
  return {
    storeAdviserRequest: async (effect, { conversationId, now, logger }) => {
      if (!hasConsent(effect.slots.consent)) return;
      const createdAt = now.getTime();
      const request: AdviserRequest = {
        id: (deps.newId ?? newId)(),
        conversationId,
        municipality: effect.municipality,
        topic: text(effect.slots.topic) ?? text(effect.slots.topic_choice) ?? effect.flow,
        ...optional('name', effect.slots.contact_name),
        ...optional('phone', effect.slots.contact_phone),
        ...optional('email', effect.slots.contact_email),
        consent: true,
        createdAt,
        expiresAt: createdAt + deps.requestTtlMs,
        status: 'pending',
        attempts: 0,
      };
      await addWithRetries(deps.requests, request, deps.retryDelaysMs ?? ADD_RETRY_DELAYS_MS, logger);
    },
    storeSurveyAnswer: createStoreSurveyAnswer(deps.surveys),
  };
}

function hasConsent(value: SlotValue | undefined): boolean {
  return value === true || value === 'yes';
}

function text(value: SlotValue | undefined): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function optional(field: 'name' | 'phone' | 'email', value: SlotValue | undefined): Record<string, string> {
  const t = text(value);
  return t ? { [field]: t } : {};
}

/**
 * Runs a turn's effects in order after its state was saved. A failing effect is
 * logged (by name and conversation id only; an unlinked one by name only) and
 * does not undo the turn; the effects that failed are returned.
 */
export async function runEffects(registry: EffectRegistry, effects: Effect[], context: EffectContext): Promise<Effect[]> {
  const failed: Effect[] = [];
  for (const effect of effects) {
    const handler = registry[effect.name];
    if (!handler) {
      context.logger.error({ effect: effect.name, conversation: context.conversationId }, 'unknown effect');
      failed.push(effect);
      continue;
    }
    const started = performance.now();
    const unlinked = UNLINKED_EFFECTS.has(effect.name);
    try {
      await handler(effect, context);
      if (!unlinked) context.logger.info({ effect: effect.name, conversation: context.conversationId, ms: elapsed(started) }, 'effect done');
    } catch (error) {
      const failure = { effect: effect.name, error: (error as Error).name };
      if (unlinked) context.logger.error(failure, 'effect failed');
      else context.logger.error({ ...failure, conversation: context.conversationId, ms: elapsed(started) }, 'effect failed');
      failed.push(effect);
    }
  }
  return failed;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
