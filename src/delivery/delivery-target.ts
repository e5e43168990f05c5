/**
 * A place adviser requests are delivered to (the advisers' Slack channel, their
 * Teams channel). `deliver` resolves once the platform accepted the message and
 * rejects otherwise: the worker retries what was not accepted.
 */
import type { AdviserNotice } from './adviser-notice.js';

export interface DeliveryTarget {
  /** Recorded in the request's `deliveredTo` once it got there: "slack", "teams". */
  readonly name: string;
  deliver(notice: AdviserNotice): Promise<void>;
}

/** The platform's error code or the error's name, for logs: never a message that might quote what was sent. */
export function deliveryError(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  if (typeof data?.error === 'string') return data.error;
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (typeof status === 'number') return `HTTP ${status}`;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : ((error as Error | undefined)?.name ?? 'Error');
}
