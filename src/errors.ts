/**
 * The one registry of coded errors. Every error a client can see is one of
 * these codes, with its HTTP status and a safe message written for a person:
 *   { "error": { "code": "unknown_conversation", "message": "…" } }
 * A 5xx never carries an internal message or a stack; those go to the log.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER } from './observability/request-id.js';

export const ERRORS = {
  bad_request: { status: 400, message: 'The request could not be understood.' },
  invalid_body: { status: 400, message: 'The request body is not valid.' },
  invalid_query: { status: 400, message: 'A query parameter is not valid.' },
  unknown_field: { status: 400, message: 'The request body has a field that is not allowed.' },
  choice_not_offered: { status: 400, message: 'That choice is not offered at this point of the conversation.' },
  unknown_flow: { status: 400, message: 'There is no conversation flow with that name.' },
  unauthorized: { status: 401, message: 'A valid access token is required.' },
  unknown_conversation: {
    status: 404,
    message: 'The conversation does not exist. It may have expired or been deleted: please start a new one.',
  },
  unknown_document: { status: 404, message: 'The conversation has no document with that id.' },
  not_found: { status: 404, message: 'There is nothing at this address.' },
  unknown_municipality: { status: 404, message: 'There is no municipality with that id.' },
  conflict: { status: 409, message: 'The conversation was changed at the same time from elsewhere. Please try again.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  unsupported_media_type: { status: 415, message: 'Send the request body as application/json.' },
  content_invalid: { status: 422, message: 'The content has errors, so it was not loaded; the last good version keeps serving.' },
  rate_limited: { status: 429, message: 'Too many requests. Please wait a moment and try again.' },
  internal: { status: 500, message: 'Something went wrong on our side. Please try again later.' },
  not_ready: { status: 503, message: 'The service is starting or one of its stores is unreachable.' },
  admin_disabled: {
    status: 503,
    message: 'The admin API is switched off on this server: set MEDSPILLER_ADMIN_TOKEN (at least 16 characters) to use it.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/** An error meant for the client: its message must be safe to show (no text from citizens, no internals). */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string = ERRORS[code].message,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERRORS[code].status;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export function errorBody(code: ErrorCode, message: string = ERRORS[code].message): ErrorBody {
  return { error: { code, message } };
}

/** Fastify's own errors (body parsing, limits) mapped to our codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_VALIDATION: 'invalid_body',
};

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

const SAFE_FASTIFY_MESSAGES: Partial<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty; send a JSON object.',
};

/** Maps any thrown value to the code and message a client may see. */
export function toClientError(error: unknown): { code: ErrorCode; message: string; status: number } {
  if (isAppError(error)) return { code: error.code, message: error.message, status: error.status };
  const fastifyError = error as Partial<FastifyError> | undefined;
  const byCode = fastifyError?.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  const status = fastifyError?.statusCode;
  const code: ErrorCode =
    byCode ?? (status && status >= 400 && status < 500 ? (STATUS_CODES[status] ?? 'bad_request') : 'internal');
  const message = (fastifyError?.code && SAFE_FASTIFY_MESSAGES[fastifyError.code]) ?? ERRORS[code].message;
  return { code, message, status: code === 'bad_request' && status && status < 500 ? status : ERRORS[code].status };
}

/** The app's error handler: logs 5xx with their stack (server side only), answers every error as ErrorBody. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { code, message, status } = toClientError(error);
  if (status >= 500) {
    request.log.error({ err: error, route: request.routeOptions.url }, 'request failed');
  } else {
    request.log.info({ code, route: request.routeOptions.url }, 'request refused');
  }
  void reply.status(status).type('application/json; charset=utf-8').send(errorBody(code, message));
}

/**
 * Errors Fastify raises before routing (a malformed URL, an overlong id) get the contract's shape too:
 * Fastify's own answer echoes the URL, query string and all. No hook runs for them, so the headers
 * the hooks would add that matter for an error body are set here.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').header(REQUEST_ID_HEADER, request.id);
  handleError(error, request, reply);
}

export function handleNotFound(_request: FastifyRequest, reply: FastifyReply): void {
  void reply.status(404).send(errorBody('not_found'));
}
