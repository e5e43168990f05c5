/**
 * Request ids: a caller's `x-request-id` is kept when it looks like an id
 * (letters, digits, `.`, `_`, `-`; at most 64), otherwise a random UUID is made.
 * The id is in every log line of the request (`reqId`) and echoed in the
 * response's `x-request-id`, so a citizen's support ticket can be traced.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

function requestId(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
}

/** Fastify server options: spread into `fastify({ ... })`. */
export const REQUEST_ID_OPTIONS: { requestIdHeader: false; genReqId: (request: IncomingMessage) => string } = {
  requestIdHeader: false,
  genReqId: requestId,
};
