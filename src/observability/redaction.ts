/**
 * What the logs may show of a request, and what pino must blank out should
 * something personal be handed to a log call by mistake. Bodies are never
 * logged at all (the request serializer has no body); these are the second line
 * of defence.
 */

/** pino `redact` paths: personal fields, whatever object they sit in, and credentials. */
export const REDACT_PATHS = [
  'text',
  'name',
  'phone',
  'email',
  'cpr',
  'slots',
  'state',
  'body',
  'payload',
  'answers',
  '*.text',
  '*.name',
  '*.phone',
  '*.email',
  '*.cpr',
  '*.slots',
  '*.state',
  '*.body',
  '*.payload',
  '*.answers',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
];

/** A path segment that is shown as it is: short, plain, and no run of six digits (a CPR number, a phone number). */
const PLAIN_SEGMENT = /^[A-Za-z0-9._-]{0,64}$/;

/**
 * The path of a URL as it may be logged: no query string, and any segment that
 * could hold personal data (an e-mail typed into the address bar, a CPR number)
 * shown as `*`. Conversation ids pass unchanged.
 */
export function loggablePath(url: string | undefined): string {
  const path = (url ?? '').split('?')[0]!;
  return path
    .split('/')
    .map((segment) => (PLAIN_SEGMENT.test(segment) && !/\d{6}/.test(segment) ? segment : '*'))
    .join('/');
}
