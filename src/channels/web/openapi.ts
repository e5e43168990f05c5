/**
 * The OpenAPI 3.1 document of the web API, generated from the zod schemas the
 * routes validate with (JSON Schema 2020-12, as OpenAPI 3.1 uses).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  ACTIONS,
  conversationResponseSchema,
  errorResponseSchema,
  healthResponseSchema,
  promptSchema,
  readyResponseSchema,
  replySchema,
  startBodySchema,
  startResponseSchema,
  turnBodySchema,
  turnResponseSchema,
} from './schemas.js';
import { RENDERED_FORMATS } from '../../conversation/documents.js';
import { TURN_KEY_PATTERN } from './validate.js';
import type { WebPlugin } from './web-plugin.js';
import { ADMIN_PATHS, ADMIN_SCHEMAS, ADMIN_SECURITY_SCHEMES } from './openapi-admin.js';

const COMPONENTS: Record<string, z.ZodType> = {
  StartBody: startBodySchema,
  TurnBody: turnBodySchema,
  Reply: replySchema,
  Prompt: promptSchema,
  StartResponse: startResponseSchema,
  TurnResponse: turnResponseSchema,
  Conversation: conversationResponseSchema,
  Error: errorResponseSchema,
  Health: healthResponseSchema,
  Ready: readyResponseSchema,
};

function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _ignored, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

const ref = (id: keyof typeof COMPONENTS) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: keyof typeof COMPONENTS, description: string) => ({ description, content: { 'application/json': { schema: ref(id) } } });
const error = (description: string) => json('Error', description);
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 22 }, description: 'Conversation id' };

function buildOpenApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Medspiller API',
      version,
      description:
        'A rule-driven chat advisor for citizens with disabilities and their municipality. Errors are always `{ error: { code, message } }`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths: {
      '/api/v1/conversations': {
        post: {
          summary: 'Start a conversation',
          requestBody: { required: false, content: { 'application/json': { schema: ref('StartBody') } } },
          responses: {
            '201': json('StartResponse', 'Started: the opening replies and the first prompt'),
            '400': error('invalid_body, unknown_field or unknown_flow'),
            '413': error('payload_too_large'),
            '429': error('rate_limited'),
          },
        },
      },
      '/api/v1/conversations/{id}': {
        parameters: [idParam],
        get: {
          summary: 'The transcript so far and the current prompt (resume after a reload)',
          responses: { '200': json('Conversation', 'The conversation'), '404': error('unknown_conversation') },
        },
        delete: {
          summary: 'Erase the conversation and everything derived from it',
          responses: { '204': { description: 'Erased' }, '404': error('unknown_conversation') },
        },
      },
      '/api/v1/conversations/{id}/turns': {
        parameters: [idParam],
        post: {
          summary: 'Answer the current prompt',
          description: `Send exactly one of \`choice\`, \`text\` (at most 2000 characters), \`date\` (YYYY-MM-DD), \`action\` (${ACTIONS.join(', ')}), or \`locale\` alone to switch language.`,
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description:
                'Optional. A new random key (8–64 of A–Z a–z 0–9 . _ -) for each answer, the same one when the answer is sent again after its reply was lost: a turn with the key of the turn taken last is refused with 409, so it is not taken twice.',
              schema: { type: 'string', pattern: TURN_KEY_PATTERN.source },
            },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: ref('TurnBody') } } },
          responses: {
            '200': json('TurnResponse', 'The replies and the next prompt'),
            '400': error('invalid_body, unknown_field, choice_not_offered, or bad_request (a malformed Idempotency-Key)'),
            '404': error('unknown_conversation'),
            '409': error('conflict: another turn changed the conversation at the same time, or this Idempotency-Key was the last turn taken'),
            '413': error('payload_too_large'),
            '429': error('rate_limited'),
          },
        },
      },
      '/api/v1/conversations/{id}/documents/{docId}': {
        parameters: [idParam, { name: 'docId', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          summary: 'The latest document with this id shown in the conversation',
          description:
            'Only the formats listed in the document reply are served. txt and html are sent inline; docx (a Word file to edit) and ics (an all-day calendar reminder on the reply\'s `date`, with an alarm at 09:00) as attachments.',
          parameters: [{ name: 'format', in: 'query', required: false, schema: { type: 'string', enum: [...RENDERED_FORMATS], default: 'html' } }],
          responses: {
            '200': {
              description: 'The document: plain text, a printable HTML page, a Word file, or an iCalendar reminder',
              headers: { 'Content-Disposition': { description: 'inline (txt, html) or attachment (docx, ics), with a filename', schema: { type: 'string' } } },
              content: {
                'text/plain': { schema: { type: 'string' } },
                'text/html': { schema: { type: 'string' } },
                'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } },
                'text/calendar': { schema: { type: 'string' } },
              },
            },
            '400': error('invalid_body: format is not one of txt, html, docx, ics'),
            '404': error('unknown_conversation or unknown_document (also when the document is not offered in that format)'),
          },
        },
      },
      '/healthz': { get: { summary: 'The process is alive', responses: { '200': json('Health', 'Alive') } } },
      '/readyz': {
        get: {
          summary: 'Content is loaded and the stores answer',
          responses: { '200': json('Ready', 'Ready'), '503': error('not_ready') },
        },
      },
      ...ADMIN_PATHS,
    },
    components: { schemas: { ...componentSchemas(), ...ADMIN_SCHEMAS }, securitySchemes: ADMIN_SECURITY_SCHEMES },
  };
}

/** The same for every app in the process; worked out when first asked for, not on every start (10–30 ms). */
let served: Record<string, unknown> | undefined;

function servedDocument(): Record<string, unknown> {
  if (!served) {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    served = buildOpenApiDocument(pkg.version);
  }
  return served;
}

export const openApiRoutes: WebPlugin = async (app) => {
  app.get('/api/v1/openapi.json', async () => servedDocument());
};
