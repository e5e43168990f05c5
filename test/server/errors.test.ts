import { describe, expect, it } from 'vitest';
import { AppError, ERRORS, toClientError } from '../../src/errors.js';

describe('the error registry', () => {
  it('has the codes of the API contract with their statuses', () => {
    expect(Object.fromEntries(Object.entries(ERRORS).map(([code, e]) => [code, e.status]))).toMatchObject({
      bad_request: 400,
      invalid_body: 400,
      unknown_field: 400,
      choice_not_offered: 400,
      unknown_flow: 400,
      unauthorized: 401,
      unknown_conversation: 404,
      unknown_document: 404,
      conflict: 409,
      payload_too_large: 413,
      rate_limited: 429,
      internal: 500,
      not_ready: 503,
    });
  });

  it('maps our errors, Fastify errors and anything else to a safe client error', () => {
    expect(toClientError(new AppError('conflict'))).toEqual({ code: 'conflict', status: 409, message: ERRORS.conflict.message });
    expect(toClientError(Object.assign(new Error('Unexpected token } in JSON at position 3'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 }))).toEqual({
      code: 'bad_request',
      status: 400,
      message: 'The request body is not valid JSON.',
    });
    expect(toClientError(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 })).code).toBe('payload_too_large');
    expect(toClientError({ statusCode: 429, error: 'Too Many Requests' }).code).toBe('rate_limited');
    expect(toClientError(Object.assign(new Error('x'), { statusCode: 405 }))).toMatchObject({ code: 'bad_request', status: 405 });
    expect(toClientError(new TypeError('cannot read property of undefined'))).toEqual({
      code: 'internal',
      status: 500,
      message: ERRORS.internal.message,
    });
    expect(toClientError(Object.assign(new Error('db down'), { statusCode: 502 })).code).toBe('internal');
  });
});
