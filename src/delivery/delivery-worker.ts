/**
 * Delivers stored adviser requests to the advisers' channels, in the background.
 *
 * The RequestStore is the queue: the storeAdviserRequest effect stores a request
 * as `pending`; every few seconds the worker claims the pending requests that are
 * due (a lease, so several instances never send the same one), tries every target
 * the request has not reached yet, and records the outcome: `delivered` once all
 * targets took it, else `pending` again with the next attempt after an exponential
 * backoff (30 s, 1 min, 2 min … at most 1 h), and `failed` after the last attempt.
 * Nothing lives only in memory, so a restart loses nothing: whichever instance
 * runs next picks the request up.
 *
 * A request erased (or expired) since it was claimed is not sent to the targets
 * it has not reached yet, and that is no failed attempt.
 *
 * Logs carry request ids, attempt numbers, target names and error codes: never
 * a name, number or e-mail.
 */
import { randomUUID } from 'node:crypto';
import type { ContentProvider } from '../conversation/types.js';
import type { Logger } from '../logger.js';
import type { AdviserRequest, DeliveryOutcome, RequestStore } from '../stores/request-store.js';
import { adviserNotice } from './adviser-notice.js';
import { deliveryError, type DeliveryTarget } from './delivery-target.js';

export interface DeliveryPolicy {
  /** How often the worker looks for due requests. */
  intervalMs: number;
  /** How long a claim holds; longer than one attempt at every target can take. */
  leaseMs: number;
  /** One target's attempt is abandoned (and retried later) after this. */
  attemptTimeoutMs: number;
  maxAttempts: number;
  /** The wait after the first failed attempt; it doubles with each further one, up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Requests claimed per round. */
  batch: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  intervalMs: 10_000,
  leaseMs: 2 * 60_000,
  attemptTimeoutMs: 20_000,
  maxAttempts: 12,
  backoffMs: 30_000,
  maxBackoffMs: 60 * 60_000,
  batch: 10,
};

export interface DeliveryWorkerOptions {
  requests: RequestStore;
  targets: DeliveryTarget[];
  content: ContentProvider;
  logger: Logger;
  clock?: () => Date;
  policy?: Partial<DeliveryPolicy>;
}

export interface DeliveryWorker {
  /** Looks for due requests every `intervalMs` (the timer does not keep the process alive). */
  start(): void;
  /** Stops looking and waits for a round under way. */
  stop(): Promise<void>;
  /** One round now: claims what is due and attempts it. Returns how many requests were attempted. */
  runOnce(): Promise<number>;
}

/** The wait before attempt `attempts + 1`, after `attempts` failed ones. */
export function backoffDelay(attempts: number, policy: Pick<DeliveryPolicy, 'backoffMs' | 'maxBackoffMs'>): number {
  return Math.min(policy.backoffMs * 2 ** Math.max(0, attempts - 1), policy.maxBackoffMs);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('delivery timed out'), { name: 'TimeoutError' })), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { requests, targets, content, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const policy = { ...DEFAULT_DELIVERY_POLICY, ...options.policy };
  const owner = randomUUID();
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<number> | undefined;

  async function attempt(request: AdviserRequest): Promise<void> {
    const notice = adviserNotice(request, content.current());
    const reached = new Set(request.deliveredTo ?? []);
    const errors: Record<string, string> = {};
    for (const target of targets) {
      if (reached.has(target.name)) continue;
      // The claim is a copy: the citizen may have erased the conversation (or the request expired)
      // while earlier requests or targets of this round were being sent.
      if (!(await requests.get(request.id))) {
        const unsent = targets.map((t) => t.name).filter((name) => !reached.has(name));
        logger.info({ request: request.id, deliveredTo: [...reached], unsent }, 'adviser request erased before delivery: not sent');
        return;
      }
      try {
        await withTimeout(target.deliver(notice), policy.attemptTimeoutMs);
        reached.add(target.name);
      } catch (error) {
        errors[target.name] = deliveryError(error);
      }
    }
    const attempts = request.attempts + 1;
    const deliveredTo = [...reached];
    const outcome: DeliveryOutcome = targets.every((t) => reached.has(t.name))
      ? { status: 'delivered', attempts, deliveredTo }
      : attempts >= policy.maxAttempts
        ? { status: 'failed', attempts, deliveredTo }
        : { status: 'pending', attempts, deliveredTo, nextAttemptAt: clock().getTime() + backoffDelay(attempts, policy) };
    const recorded = await requests.recordAttempt(request.id, owner, outcome);
    const fields = { request: request.id, attempts, status: outcome.status, deliveredTo, errors, recorded };
    if (outcome.status === 'failed') logger.error(fields, 'adviser request could not be delivered: giving up');
    else if (outcome.status === 'pending') logger.warn({ ...fields, retryAt: new Date(outcome.nextAttemptAt!).toISOString() }, 'adviser request delivery failed: will retry');
    else logger.info(fields, 'adviser request delivered');
  }

  async function runRound(): Promise<number> {
    const due = await requests.claimDue(owner, clock().getTime(), policy.leaseMs, policy.batch);
    for (const request of due) {
      try {
        await attempt(request);
      } catch (error) {
        // The store failed: the lease runs out and the request is tried again.
        logger.error({ request: request.id, error: deliveryError(error) }, 'checking or recording an adviser request delivery failed');
      }
    }
    return due.length;
  }

  const worker: DeliveryWorker = {
    runOnce() {
      // One round at a time per worker: a slow round is not overtaken by the next tick.
      round ??= runRound().finally(() => (round = undefined));
      return round;
    },
    start() {
      if (timer || targets.length === 0) return;
      timer = setInterval(() => {
        worker.runOnce().catch((error: unknown) => logger.error({ error: deliveryError(error) }, 'adviser request delivery round failed'));
      }, policy.intervalMs).unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await round?.catch(() => undefined);
    },
  };
  return worker;
}
