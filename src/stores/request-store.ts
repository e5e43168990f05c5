/**
 * The port for adviser requests: a citizen who asked, with explicit consent,
 * to be contacted by an adviser. The only place a name, phone number or e-mail
 * is kept; each request expires (MEDSPILLER_REQUEST_TTL, default 30 days) and
 * is erased with the conversation it came from.
 */

export type AdviserRequestStatus = 'pending' | 'delivered' | 'failed';

export interface AdviserRequest {
  id: string;
  /** The conversation it came from, so erasing the conversation erases the request. */
  conversationId: string;
  municipality: string;
  /** What the citizen wants help with (a topic id from the flow, never free text). */
  topic: string;
  name?: string;
  phone?: string;
  email?: string;
  /** Only requests with consent are ever stored. */
  consent: true;
  /** Epoch ms. */
  createdAt: number;
  expiresAt: number;
  status: AdviserRequestStatus;
  /** Delivery attempts to the advisers' channel. */
  attempts: number;
  /** The delivery targets it has reached so far (e.g. "slack", "teams"), so a retry never sends twice. Absent: none. */
  deliveredTo?: string[];
  /** Epoch ms before which no delivery is attempted (the backoff after a failed attempt). Absent: due now. */
  nextAttemptAt?: number;
}

/** What one delivery attempt came to. */
export interface DeliveryOutcome {
  status: AdviserRequestStatus;
  attempts: number;
  deliveredTo: string[];
  /** When to try again; only with status "pending". */
  nextAttemptAt?: number;
}

export interface RequestFilter {
  status?: AdviserRequestStatus;
  municipality?: string;
  /** At most this many, oldest first (default 100). */
  limit?: number;
}

export interface RequestStore {
  readonly kind: string;
  add(request: AdviserRequest): Promise<void>;
  /** Undefined when unknown or expired. */
  get(id: string): Promise<AdviserRequest | undefined>;
  /** Unexpired requests, oldest first (see oldestFirst). */
  list(filter?: RequestFilter): Promise<AdviserRequest[]>;
  /** Records a delivery attempt's outcome; false when the request is gone. */
  setStatus(id: string, status: AdviserRequestStatus, attempts: number): Promise<boolean>;
  /**
   * Claims up to `limit` pending, unexpired requests that are due and not claimed by
   * anyone, for `leaseMs`, oldest first. Atomic: two workers (in one process or on
   * several instances) never claim the same request while its lease runs.
   */
  claimDue(owner: string, now: number, leaseMs: number, limit: number): Promise<AdviserRequest[]>;
  /** Records an attempt and releases the claim; false when the request is gone or `owner` no longer holds it. */
  recordAttempt(id: string, owner: string, outcome: DeliveryOutcome): Promise<boolean>;
  /** Erases every request from one conversation; returns how many. */
  deleteByConversation(conversationId: string): Promise<number>;
  purgeExpired(now: number): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The order every store lists and claims requests in: oldest first, and requests made in the same
 * millisecond by id in code-unit order (SQLite's, and PostgreSQL's with COLLATE "C"), so that every
 * store, whatever its locale, agrees.
 */
export function oldestFirst(a: AdviserRequest, b: AdviserRequest): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
