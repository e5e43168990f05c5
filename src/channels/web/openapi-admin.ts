/**
 * The admin part of the OpenAPI document: content reload and the council's
 * survey report. Kept apart from the citizen API because councils integrate
 * with it differently (a bearer token, server to server) and its report shape
 * is described here by hand: it is built in TypeScript, not validated by zod.
 */
import { SURVEY_AREAS, ISO_WEEK_PATTERN } from '../../stores/survey-store.js';

const bearer = [{ adminToken: [] }];
const errorRef = { $ref: '#/components/schemas/Error' };
const error = (description: string) => ({ description, content: { 'application/json': { schema: errorRef } } });
const guarded = {
  '401': error('unauthorized: no or a wrong bearer token'),
  '503': error('admin_disabled: MEDSPILLER_ADMIN_TOKEN is not set'),
};

const week = { type: 'string', pattern: ISO_WEEK_PATTERN.source, examples: ['2026-W01'] };
const reportQuery = [
  { name: 'from', in: 'query', required: false, schema: week, description: 'First ISO week; widened to the start of its quarter' },
  { name: 'to', in: 'query', required: false, schema: week, description: 'Last ISO week; widened to the end of its quarter. Quarters not yet ended are left out.' },
  { name: 'area', in: 'query', required: false, schema: { type: 'string', enum: [...SURVEY_AREAS] } },
];
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'Municipality id' };

const cell = {
  type: 'object',
  description: 'One group\'s answers. `mean` and the counts are null when the group is suppressed (too few answers, or the complement of a suppressed cell).',
  additionalProperties: true,
};

export const ADMIN_SCHEMAS = {
  SurveyReport: {
    type: 'object',
    required: ['municipality', 'period', 'area', 'minimumGroupSize', 'questions', 'baseline'],
    properties: {
      municipality: {
        type: 'object',
        properties: { id: { type: 'string' }, name: { type: 'string' }, surveyEnabled: { type: 'boolean' } },
      },
      period: {
        type: 'object',
        properties: {
          from: { type: ['string', 'null'] },
          to: { type: ['string', 'null'] },
          quarters: { type: 'array', items: { type: 'string', examples: ['2026-Q1'] } },
          running: { type: 'string', description: 'The running quarter, left out until it has ended' },
        },
      },
      area: { type: ['string', 'null'], enum: [...SURVEY_AREAS, null] },
      minimumGroupSize: { type: 'integer' },
      questions: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            key: { type: 'string' },
            text: { type: 'object', properties: { citizen: { type: 'string' }, staff: { type: 'string' } } },
            selected: { type: 'boolean' },
            highIsNegative: { type: 'boolean' },
            citizens: cell,
            caseworkers: cell,
            managers: cell,
            national: { type: 'object', additionalProperties: { type: 'number' } },
            gaps: { type: 'object', description: 'Staff mean minus citizens\' mean, locally (null when suppressed) and nationally' },
          },
        },
      },
      baseline: { type: 'object', description: 'The national figures\' source (VIVE 2021) and its respondents' },
    },
  },
} as const;

export const ADMIN_PATHS = {
  '/api/v1/admin/reload': {
    post: {
      summary: 'Reload flows and content now, on this instance and (with Redis sessions) on every other',
      security: bearer,
      responses: {
        '200': {
          description:
            '{ status: "reloaded", version, problems, otherInstances? } (problems are warnings; otherInstances, with Redis sessions only: how many other instances were asked to reload, null when Redis could not be reached)',
        },
        '422': error('content_invalid: the last good content keeps serving; `problems` lists file:line:column and message'),
        ...guarded,
      },
    },
  },
  '/api/v1/admin/municipalities': {
    get: {
      summary: 'The municipalities and whether their trust survey is on',
      security: bearer,
      responses: {
        '200': {
          description: 'Sorted by name',
          content: {
            'application/json': {
              schema: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    name: { type: 'string' },
                    fictional: { type: 'boolean' },
                    survey: { type: 'object', properties: { enabled: { type: 'boolean' }, questions: { type: 'array', items: { type: 'string' } } } },
                  },
                },
              },
            },
          },
        },
        ...guarded,
      },
    },
  },
  '/api/v1/admin/municipalities/{id}/survey': {
    parameters: [idParam],
    get: {
      summary: 'The local trust figures against the national VIVE figures, with small groups suppressed',
      security: bearer,
      parameters: reportQuery,
      responses: {
        '200': { description: 'The report', content: { 'application/json': { schema: { $ref: '#/components/schemas/SurveyReport' } } } },
        '400': error('invalid_query'),
        '404': error('unknown_municipality'),
        ...guarded,
      },
    },
  },
  '/api/v1/admin/municipalities/{id}/survey.csv': {
    parameters: [idParam],
    get: {
      summary: 'The same report as CSV, for a spreadsheet',
      security: bearer,
      parameters: reportQuery,
      responses: {
        '200': { description: 'CSV (attachment)', content: { 'text/csv': { schema: { type: 'string' } } } },
        '400': error('invalid_query'),
        '404': error('unknown_municipality'),
        ...guarded,
      },
    },
  },
} as const;

export const ADMIN_SECURITY_SCHEMES = {
  adminToken: { type: 'http', scheme: 'bearer', description: 'MEDSPILLER_ADMIN_TOKEN' },
} as const;
