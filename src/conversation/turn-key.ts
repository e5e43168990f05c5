/**
 * Idempotency keys of turns (the web API's `Idempotency-Key` header, read in channels/web/validate.ts):
 * a client that lost the answer to a turn sends it again with the same key, and must not have it
 * taken twice. Without this, a resent "yes" moves on twice when the next question offers "yes" too.
 *
 * The key of the last turn taken is kept in the stored state. The engine does not know it (like the
 * notices beside it): a turn with another key, or none, replaces it.
 *
 * Pure.
 */
import type { ConversationState } from '../engine/types.js';
import { AppError } from '../errors.js';

export type StateWithTurnKey = ConversationState & { turnKey?: string };

/** Refuses a turn whose key is the last turn's: it was taken, and its answer lost on the way. */
export function refuseRepeatedTurn(state: StateWithTurnKey, key: string | undefined): void {
  if (key !== undefined && state.turnKey === key) {
    throw new AppError('conflict', 'This answer was already taken. Load the conversation to see where it stands.');
  }
}

/** The state to store after a turn with `key` (none: the state as it is, without an older key). */
export function withTurnKey<S extends ConversationState>(state: S, key: string | undefined): S & { turnKey?: string } {
  return key === undefined ? state : { ...state, turnKey: key };
}
