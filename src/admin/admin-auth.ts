/**
 * The admin API's gate: `Authorization: Bearer <MEDSPILLER_ADMIN_TOKEN>`,
 * compared in constant time (bearer-auth.ts hashes both sides to equal-length
 * digests before crypto.timingSafeEqual). Without a configured token the admin
 * API is switched off: every call answers 503 `admin_disabled`, and start-up
 * logs a warning saying how to switch it on.
 */
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { requireBearer } from '../channels/web/bearer-auth.js';
import { AppError } from '../errors.js';

export function warnIfAdminDisabled(token: string | undefined, log: Pick<FastifyBaseLogger, 'warn'>): void {
  if (!token) log.warn('MEDSPILLER_ADMIN_TOKEN is not set: the admin API and the /admin dashboard are switched off');
}

/** A preHandler: 503 when no token is configured, 401 without the right one. */
export function requireAdmin(token: string | undefined) {
  const bearer = requireBearer([token]);
  return async (request: FastifyRequest): Promise<void> => {
    if (!token) throw new AppError('admin_disabled');
    await bearer(request);
  };
}
