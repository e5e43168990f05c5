/**
 * Notices this layer adds to a turn after the engine is done with it: today, that an adviser
 * request could not be stored (effects.ts, EFFECT_FAILURE_TEXTS). They are kept in the stored
 * state, so a reloaded page shows them where they were said, not only the thank-you before them.
 *
 * The engine does not know them. It copies a state field by field and so drops `notices` on its
 * next turn; carryNotices() puts back those whose turn is still in the log (a step back or a start
 * again removes the turn, and its notice with it). A state without notices is exactly the engine's.
 *
 * Pure.
 */
import { notice, timeOf } from '../engine/index.js';
import type { Bundle, ConversationState, Reply } from '../engine/types.js';
import type { TranscriptEntry } from './types.js';

/** Said after the turn of log entry `logIndex`, which was given at `at` (so a replaced log does not match). */
export type Notice = [at: number, logIndex: number, key: string];

export type StateWithNotices = ConversationState & { notices?: Notice[] };

function stillInLog(state: ConversationState, [at, logIndex]: Notice): boolean {
  const entry = state.log[logIndex];
  return entry !== undefined && timeOf(entry) === at;
}

/** `after` (the engine's next state) with the notices of `before` whose turns it still has. */
export function carryNotices(before: StateWithNotices, after: ConversationState): StateWithNotices {
  const kept = before.notices?.filter((n) => stillInLog(after, n));
  return kept?.length ? { ...after, notices: kept } : after;
}

/** The state with notices of `keys` after its latest turn. */
export function addNotices(state: StateWithNotices, keys: string[]): StateWithNotices {
  const logIndex = state.log.length - 1;
  const at = timeOf(state.log[logIndex]!);
  return { ...state, notices: [...(state.notices ?? []), ...keys.map((key): Notice => [at, logIndex, key])] };
}

/** The notices rendered in the conversation's current place and language. */
export function noticeReplies(bundle: Bundle, state: ConversationState, keys: string[], now: Date): Reply[] {
  return keys.map((key) => notice(bundle, state, key, { now }));
}

/**
 * The replayed transcript with each notice after the bot's answer to its turn: the start's answer
 * is entry 0, and the answer to log entry i (a citizen's line, then the bot's) is entry 2i.
 */
export function withStoredNotices(bundle: Bundle, state: StateWithNotices, transcript: TranscriptEntry[], now: Date): TranscriptEntry[] {
  const notices = state.notices?.filter((n) => stillInLog(state, n));
  if (!notices?.length) return transcript;
  const withNotices = [...transcript];
  for (const [, logIndex, key] of notices) {
    const at = logIndex * 2;
    const entry = withNotices[at];
    if (entry?.role !== 'bot') continue;
    withNotices[at] = { ...entry, replies: [...entry.replies, ...noticeReplies(bundle, state, [key], now)] };
  }
  return withNotices;
}
