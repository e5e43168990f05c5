/**
 * An adviser request as a row of the SQL adapters' `adviser_requests` table.
 * SQLite and PostgreSQL store the same columns and differ only in how a time
 * (epoch ms or a timestamp) and the delivery targets (JSON text or an array)
 * come back, so one mapping serves both with those two decoders.
 */
import type { AdviserRequest, AdviserRequestStatus } from './request-store.js';

export interface RequestRow<Time, Targets> {
  id: string;
  conversation_id: string;
  municipality: string;
  topic: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  created_at: Time;
  expires_at: Time;
  status: AdviserRequestStatus;
  attempts: number;
  delivered_to: Targets | null;
  next_attempt_at: Time | null;
}

export interface RowDecoders<Time, Targets> {
  ms(time: Time): number;
  targets(stored: Targets): string[];
}

/** Absent fields stay absent: no name, e-mail, targets (none reached yet) or next attempt (due now). */
export function toAdviserRequest<Time, Targets>(row: RequestRow<Time, Targets>, decode: RowDecoders<Time, Targets>): AdviserRequest {
  const deliveredTo = row.delivered_to === null ? [] : decode.targets(row.delivered_to);
  return {
    id: row.id,
    conversationId: row.conversation_id,
    municipality: row.municipality,
    topic: row.topic,
    ...(row.name !== null && { name: row.name }),
    ...(row.phone !== null && { phone: row.phone }),
    ...(row.email !== null && { email: row.email }),
    consent: true,
    createdAt: decode.ms(row.created_at),
    expiresAt: decode.ms(row.expires_at),
    status: row.status,
    attempts: row.attempts,
    ...(deliveredTo.length > 0 && { deliveredTo }),
    ...(row.next_attempt_at !== null && { nextAttemptAt: decode.ms(row.next_attempt_at) }),
  };
}
