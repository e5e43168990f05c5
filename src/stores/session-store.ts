/**
 * The port every conversation store implements (memory, SQLite, Redis, PostgreSQL).
 * A session is one conversation's state plus a version number for compare-and-set,
 * so two turns racing on the same conversation (double click, two instances)
 * can never silently overwrite each other.
 */
import type { ConversationState } from '../engine/types.js';

export interface SessionRecord {
  id: string;
  state: ConversationState;
  /** Increases by one on every successful save. */
  version: number;
  /** Epoch ms after which the session no longer exists. */
  expiresAt: number;
}

export interface SessionStore {
  readonly kind: string;
  /** Undefined when unknown or expired. */
  load(id: string): Promise<SessionRecord | undefined>;
  /** Creates a session with version 1. */
  create(id: string, state: ConversationState, ttlMs: number): Promise<SessionRecord>;
  /**
   * Saves only when the stored version is still `expectedVersion`.
   * Returns the new record, or undefined when someone else saved first (or it expired).
   */
  save(id: string, state: ConversationState, expectedVersion: number, ttlMs: number): Promise<SessionRecord | undefined>;
  /** Erases the session; true when there was one. */
  delete(id: string): Promise<boolean>;
  /** Removes expired sessions (stores with native expiry may do nothing); returns how many. */
  purgeExpired(now: number): Promise<number>;
  /**
   * How many sessions are still live at `now` (the active-sessions metric).
   * Optional: a store leaves it out when it cannot count cheaply, and the
   * metric is then not published. Every store here has it (Redis through an
   * index of expiry times).
   */
  countActive?(now: number): Promise<number>;
  /** Throws when the backing service is unreachable (used by /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
