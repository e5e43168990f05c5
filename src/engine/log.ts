/**
 * The conversation log in the form it is stored: one flat array per input,
 * `[at, type, value?, keep?]`, e.g. `[1795168800000, "text", "Klage"]`. It is
 * the largest part of every stored state and is written and read on every
 * turn, so it is kept without the nested objects an `{ input, at }` entry
 * would need (state version 2). Version 1 entries, stored before (or appended
 * by an older instance during a rolling deployment), are upgraded when loaded.
 * An instance older than version 2 cannot read a version 2 log: roll back only
 * with the sessions cleared (README, Upgrading).
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

/** A log entry as version 1 stored it. */
interface EntryVersion1 {
  input: Input;
  at: number;
}

/**
 * A state as a store may hold it: version 1 (every entry `{ input, at }`), or, while instances of
 * both versions share a store during a rolling deployment, a version 2 state to which an older
 * instance appended version 1 entries.
 */
export interface StoredState extends Omit<ConversationState, 'v' | 'log'> {
  v: 1 | 2;
  log: Array<LogEntry | EntryVersion1>;
}

/** Brings a stored state to the current version, entry by entry (sessions outlive a deployment). */
export function upgradeState(state: StoredState): ConversationState {
  if (state.v === 2 && state.log.every(Array.isArray)) return state as ConversationState;
  const log = state.log.map((entry) => (Array.isArray(entry) ? entry : logEntry(entry.input, entry.at)));
  return { ...state, v: 2, log };
}
