/**
 * Turns a zod verdict on a request body into our coded errors: a field that is
 * not allowed → `unknown_field`; anything else → `invalid_body`, naming the
 * field and what is wrong (never echoing the value sent).
 */
import type { z } from 'zod';
import { AppError } from '../../errors.js';
import { TURN_FIELDS, TURN_VARIANTS, type TurnField } from './schemas.js';
import type { TurnBody } from '../../conversation/types.js';

export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const unknown = result.error.issues.find((issue) => issue.code === 'unrecognized_keys');
  if (unknown && unknown.code === 'unrecognized_keys') {
    throw new AppError('unknown_field', `Unknown field${unknown.keys.length > 1 ? 's' : ''}: ${unknown.keys.join(', ')}.`);
  }
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  throw new AppError('invalid_body', `${where}${issue.message}.`);
}

export function parseTurnBody(body: unknown): TurnBody {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError('invalid_body', 'The body must be a JSON object.');
  }
  const keys = Object.keys(body);
  const unknown = keys.filter((key) => !(TURN_FIELDS as string[]).includes(key));
  if (unknown.length) {
    throw new AppError('unknown_field', `Unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Send exactly one of: ${TURN_FIELDS.join(', ')}.`);
  }
  if (keys.length !== 1) {
    throw new AppError('invalid_body', `Send exactly one of: ${TURN_FIELDS.join(', ')}.`);
  }
  return parseBody(TURN_VARIANTS[keys[0] as TurnField], body) as TurnBody;
}

/** Letters, digits, `.`, `_` and `-`, 8 to 64 of them: a UUID, or random bytes in hex or base64url. */
export const TURN_KEY_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

/** The header's value as a key; a malformed one is refused rather than ignored, so a client learns of it. */
export function turnKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !TURN_KEY_PATTERN.test(header)) {
    throw new AppError('bad_request', 'Idempotency-Key must be 8 to 64 letters, digits, ".", "_" or "-".');
  }
  return header;
}
