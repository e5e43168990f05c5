/**
 * The engine's entry point: `step(bundle, state, input, clock) -> { state, replies, prompt, done, effects }`.
 * Free text is read as a global intent ("tilbage", "gentag", "tal med et menneske" …)
 * when it clearly is one, otherwise as an answer; going back and repeating are done
 * by replaying the logged answers.
 *
 * Pure and total: never throws, always leaves a valid prompt.
 */
import { perBundleLocale, type BundleLocaleCache } from './bundle-cache.js';
import { bestMatch, MATCH_SCORES, type Candidate } from './match.js';
import { logEntry, timeOf } from './log.js';
import { replay } from './replay.js';
import { advance, initialState, present, type StartOptions, SYSTEM_FLOW } from './turn.js';
import { todayInDenmark } from './dates.js';
import { renderSay } from './render.js';
import { localeChain } from './texts.js';
import { placeOf } from './place.js';
import type { Action, Bundle, Clock, ConversationState, Input, IntentName, StepResult } from './types.js';

export const INTENTS: readonly IntentName[] = ['back', 'restart', 'help', 'human', 'repeat'];
/** What a forgotten typed answer is logged as: any text question takes it on replay. */
export const FORGOTTEN = '…';

function strip(result: StepResult & { understood?: boolean }): StepResult {
  const { state, replies, prompt, done, effects } = result;
  return { state, replies, prompt, done, effects };
}

// The intent phrases of each locale of a bundle are gathered once.
const intentCandidates: BundleLocaleCache<Candidate<IntentName>[]> = new WeakMap();

function gatherIntentCandidates(bundle: Bundle, locale: string): Candidate<IntentName>[] {
  return INTENTS.map((intent) => ({
    value: intent,
    phrases: localeChain(bundle, locale).flatMap((l) => bundle.intents[l]?.[intent] ?? []),
  }));
}

/** The intent a free text names, looking in the conversation's locale and its fallbacks. */
export function intentOf(bundle: Bundle, locale: string, text: string, minScore: number): IntentName | undefined {
  return bestMatch(text, perBundleLocale(intentCandidates, bundle, locale, gatherIntentCandidates), minScore);
}

function sayCannotGoBack(bundle: Bundle, state: ConversationState, clock: Clock): StepResult {
  const current = strip(advance(bundle, state, { type: 'locale', locale: state.locale }, clock));
  const place = placeOf(bundle, state.municipality);
  const ctx = { bundle, place, locale: current.state.locale, today: todayInDenmark(clock.now) };
  const apology = renderSay(ctx, place.flows[SYSTEM_FLOW]?.nodes['cannot_go_back']?.say, state.slots);
  return { ...current, replies: [...apology, ...current.replies] };
}

/** Whether undoing the last answer would undo something already done with it (a request sent, a survey stored). */
function lastAnswerHadEffects(bundle: Bundle, state: ConversationState, clock: Clock): boolean {
  return replay(bundle, state.log, state, clock.now.getTime()).last.effects.length > 0;
}

function goBack(bundle: Bundle, state: ConversationState, clock: Clock): StepResult {
  if (state.log.length <= 1 || lastAnswerHadEffects(bundle, state, clock)) return sayCannotGoBack(bundle, state, clock);
  const { last } = replay(bundle, state.log.slice(0, -1), state, clock.now.getTime());
  return strip({ ...last, effects: [] });
}

/** Shows again what the citizen saw last (also used after switching language). */
function repeatLast(bundle: Bundle, state: ConversationState, clock: Clock): StepResult {
  const { last } = replay(bundle, state.log, state, clock.now.getTime());
  const same = last.state.flow === state.flow && last.state.node === state.node && last.state.done === state.done;
  if (same) return { ...strip(last), state: { ...state, contentVersion: bundle.version }, effects: [] };
  return strip(present(bundle, state, clock));
}

function runIntent(bundle: Bundle, state: ConversationState, intent: Action, clock: Clock): StepResult {
  if (intent === 'back') return goBack(bundle, state, clock);
  if (intent === 'repeat') return repeatLast(bundle, state, clock);
  return strip(advance(bundle, state, { type: 'action', action: intent }, clock));
}

/** Slots that held a typed answer before the turn and were cleared by it (a choice's `set: { slot: null }`). */
function clearedTextSlots(before: ConversationState, after: ConversationState): Set<string> {
  const cleared = new Set<string>();
  // Runs on every answer: a for-in allocates nothing for the common case of nothing cleared.
  for (const name in before.slots) {
    if (typeof before.slots[name] === 'string' && after.slots[name] === null) cleared.add(name);
  }
  return cleared;
}

/**
 * "Delete what I wrote" must delete it: when a choice clears slots the citizen typed (the adviser
 * flow's cancel clears name, phone and e-mail), the typed answers are replaced in the log, which is
 * stored, with a mark of their own. The replay still passes the same questions (a text question takes
 * any text), and the cleared slots end up null as before.
 */
function forgetClearedAnswers(bundle: Bundle, before: ConversationState, result: StepResult): StepResult {
  const cleared = clearedTextSlots(before, result.state);
  if (cleared.size === 0) return result;
  const log = [...result.state.log];
  // The log of a conversation under way starts with its start: the fallback time is never used.
  replay(bundle, before.log, before, 0, (index, at) => {
    const entry = log[index];
    if (entry?.[1] !== 'text') return;
    const node = placeOf(bundle, at.municipality).flows[at.flow]?.nodes[at.node];
    if (node?.ask && 'text' in node.ask && cleared.has(node.slot ?? at.node)) log[index] = logEntry({ type: 'text', text: FORGOTTEN }, timeOf(entry));
  });
  return { ...result, state: { ...result.state, log } };
}

export function step(bundle: Bundle, state: ConversationState, input: Input, clock: Clock): StepResult {
  if (input.type === 'locale') {
    const locale = bundle.locales.includes(input.locale) ? input.locale : state.locale;
    return repeatLast(bundle, { ...state, locale }, clock);
  }
  if (input.type === 'action') return runIntent(bundle, state, input.action, clock);
  if (input.type === 'choice') return forgetClearedAnswers(bundle, state, strip(advance(bundle, state, input, clock)));
  if (input.type !== 'text') return strip(advance(bundle, state, input, clock));

  const clearIntent = intentOf(bundle, state.locale, input.text, MATCH_SCORES.TYPO);
  if (clearIntent) return runIntent(bundle, state, clearIntent, clock);
  const answered = advance(bundle, state, input, clock);
  if (answered.understood) return forgetClearedAnswers(bundle, state, strip(answered));
  // "Jeg vil gerne tale med et menneske" answers nothing but says what the citizen wants.
  const impliedIntent = intentOf(bundle, state.locale, input.text, MATCH_SCORES.PHRASE_IN_INPUT);
  return impliedIntent ? runIntent(bundle, state, impliedIntent, clock) : strip(answered);
}

/** Starts a conversation: unknown municipality, locale or flow fall back to the defaults. */
export function startConversation(bundle: Bundle, options: StartOptions, clock: Clock): StepResult {
  const state = initialState(bundle, options);
  const flow = state.flow === bundle.mainFlow ? undefined : state.flow;
  return strip(advance(bundle, state, flow ? { type: 'start', flow } : { type: 'start' }, clock));
}
