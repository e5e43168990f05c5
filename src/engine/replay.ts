/**
 * Rebuilds a conversation from its logged inputs. The engine is deterministic, so a
 * session need only keep its inputs (each with the time it was given, used as the clock)
 * to show the whole transcript after a reload, or to step back one answer.
 *
 * Pure.
 */
import { describeAnswer } from './answer.js';
import { advance, initialState, type StartOptions } from './turn.js';
import { todayInDenmark } from './dates.js';
import { inputOf, timeOf, type LogEntry } from './log.js';
import { placeOf } from './place.js';
import type { Bundle, ConversationState, Input, Prompt, Reply, StepResult } from './types.js';

export type TranscriptEntry = { role: 'bot'; replies: Reply[]; prompt: Prompt } | { role: 'citizen'; text: string };

export interface Replayed {
  state: ConversationState;
  transcript: TranscriptEntry[];
  /** The last turn's output: what the citizen saw last. */
  last: StepResult;
}

function describe(bundle: Bundle, state: ConversationState, input: Input, at: number): string {
  const place = placeOf(bundle, state.municipality);
  const node = place.flows[state.flow]?.nodes[state.node];
  const ctx = { bundle, place, locale: state.locale, today: todayInDenmark(new Date(at)) };
  return describeAnswer(ctx, node, input, state.slots);
}

/**
 * Replays `log` (which starts with a `start` input) for a municipality and locale.
 * An empty log replays as a fresh start at `fallbackStart` (the caller's clock: the engine reads none).
 */
export function replay(
  bundle: Bundle,
  log: LogEntry[],
  options: StartOptions,
  fallbackStart: number,
  /** Called with each logged answer's index in `log` and the state it was given in. */
  visit?: (index: number, before: ConversationState) => void,
): Replayed {
  const [first, ...answers] = log;
  const firstInput = first && inputOf(first);
  const startInput = firstInput?.type === 'start' ? firstInput : { type: 'start' as const };
  const startAt = first ? timeOf(first) : fallbackStart;
  let last: StepResult = advance(bundle, initialState(bundle, { ...options, flow: startInput.flow }), startInput, {
    now: new Date(startAt),
  });
  const transcript: TranscriptEntry[] = [{ role: 'bot', replies: last.replies, prompt: last.prompt }];
  for (const [i, entry] of answers.entries()) {
    visit?.(i + 1, last.state);
    const input = inputOf(entry);
    const at = timeOf(entry);
    transcript.push({ role: 'citizen', text: describe(bundle, last.state, input, at) });
    last = advance(bundle, last.state, input, { now: new Date(at) });
    transcript.push({ role: 'bot', replies: last.replies, prompt: last.prompt });
  }
  return { state: last.state, transcript, last };
}
