/**
 * Bearer-token checks for the operator endpoints (admin reload, /metrics):
 * `Authorization: Bearer <token>`, compared in constant time (both sides are
 * hashed first, so neither the content nor the length of the token leaks
 * through timing). No token configured means the endpoint is closed.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** True when the header carries one of the configured tokens. */
function bearerMatches(header: string | undefined, tokens: readonly (string | undefined)[]): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!given) return false;
  const presented = digest(given);
  let ok = false;
  // Every configured token is compared, so the time taken does not say which one matched.
  for (const token of tokens) {
    if (token && timingSafeEqual(presented, digest(token))) ok = true;
  }
  return ok;
}

/** A preHandler refusing the request with 401 unless it carries one of `tokens`. */
export function requireBearer(tokens: readonly (string | undefined)[]) {
  return async (request: FastifyRequest): Promise<void> => {
    if (!bearerMatches(request.headers.authorization, tokens)) throw new AppError('unauthorized');
  };
}
