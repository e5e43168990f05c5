/** Unguessable ids: 128 random bits, base64url (22 characters). */
import { randomBytes } from 'node:crypto';

export const ID_BYTES = 16;
/** What a well-formed id looks like; anything else is answered as unknown without a lookup. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

export function newId(): string {
  return randomBytes(ID_BYTES).toString('base64url');
}
