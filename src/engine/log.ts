/**
 * The conversation log in the form it is stored: one flat array per input,
 * `[at, type, value?, keep?]`, e.g. `[1795168800000, "text", "Klage"]`. It is
 * the largest part of every stored state and is written and read on every
 * turn, so it is kept without the nested objects an `{ input, at }` entry
 * would need (state version 2). Version 1 states, stored before, are upgraded
 * when loaded.
 *
 * Pure.
 */
import type { Action, ConversationState, Input, Locale, Slots } from './types.js';

/** One logged input; `at` is epoch ms, the clock replay uses for that turn. */
export type LogEntry =
  | [at: number, type: 'start']
  | [at: number, type: 'start', flow: string | null, keep?: Slots]
  | [at: number, type: 'choice', id: string]
  | [at: number, type: 'text', text: string]
  | [at: number, type: 'date', value: string]
  | [at: number, type: 'action', action: Action]
  | [at: number, type: 'locale', locale: Locale];

export function logEntry(input: Input, at: number): LogEntry {
  switch (input.type) {
    case 'start':
      if (input.keep) return [at, 'start', input.flow ?? null, input.keep];
      return input.flow ? [at, 'start', input.flow] : [at, 'start'];
    case 'choice':
      return [at, 'choice', input.id];
    case 'text':
      return [at, 'text', input.text];
    case 'date':
      return [at, 'date', input.value];
    case 'action':
      return [at, 'action', input.action];
    case 'locale':
      return [at, 'locale', input.locale];
  }
}

export function inputOf(entry: LogEntry): Input {
  switch (entry[1]) {
    case 'start': {
      const [, , flow, keep] = entry;
      return { type: 'start', ...(flow ? { flow } : {}), ...(keep ? { keep } : {}) };
    }
    case 'choice':
      return { type: 'choice', id: entry[2] };
    case 'text':
      return { type: 'text', text: entry[2] };
    case 'date':
      return { type: 'date', value: entry[2] };
    case 'action':
      return { type: 'action', action: entry[2] };
    case 'locale':
      return { type: 'locale', locale: entry[2] };
  }
}

export function timeOf(entry: LogEntry): number {
  return entry[0];
}

/** A state as stored before version 2: the same, but each log entry was `{ input, at }`. */
interface StateVersion1 extends Omit<ConversationState, 'v' | 'log'> {
  v: 1;
  log: Array<{ input: Input; at: number }>;
}

/** Brings a stored state to the current version (sessions outlive a deployment). */
export function upgradeState(state: ConversationState | StateVersion1): ConversationState {
  if (state.v !== 1) return state;
  return { ...state, v: 2, log: state.log.map(({ input, at }) => logEntry(input, at)) };
}
