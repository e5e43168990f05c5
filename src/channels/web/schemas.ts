/**
 * The web API's request and response bodies as zod schemas: requests are
 * validated with them, and the OpenAPI document is generated from them, so the
 * two cannot drift apart. **Contract** (DESIGN.md §4).
 */
import { z } from 'zod';
import { ERRORS, type ErrorCode } from '../../errors.js';
import { RENDERED_FORMATS } from '../../conversation/documents.js';

export const TEXT_MAX_LENGTH = 2000;
export const ACTIONS = ['back', 'restart', 'help', 'human', 'repeat', 'skip'] as const;

const shortText = (max: number) => z.string().min(1).max(max);

export const startBodySchema = z
  .strictObject({
    municipality: shortText(64).optional().describe('Municipality id, e.g. "demo"; unknown ids use the default'),
    locale: shortText(16).optional().describe('Language, e.g. "da", "en", "da-LET"; unknown ones use "da"'),
    flow: shortText(64).optional().describe('Start in this flow instead of the main menu'),
  });

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), 'not a real calendar date');

/** One schema per kind of answer; a turn body is exactly one of them. */
export const TURN_VARIANTS = {
  choice: z.strictObject({ choice: shortText(64).describe('The id of an offered choice') }),
  text: z.strictObject({ text: z.string().max(TEXT_MAX_LENGTH).describe('Free text: an answer, or e.g. "tilbage"') }),
  date: z.strictObject({ date: isoDate.describe('A date answer, YYYY-MM-DD') }),
  action: z.strictObject({ action: z.enum(ACTIONS) }),
  locale: z.strictObject({ locale: shortText(16).describe('Switch language; the current question is repeated in it') }),
} as const;
export type TurnField = keyof typeof TURN_VARIANTS;
export const TURN_FIELDS = Object.keys(TURN_VARIANTS) as TurnField[];

export const turnBodySchema = z
  .union([TURN_VARIANTS.choice, TURN_VARIANTS.text, TURN_VARIANTS.date, TURN_VARIANTS.action, TURN_VARIANTS.locale])
  .meta({ description: 'Exactly one of choice, text, date, action, or locale alone' });

export const documentQuerySchema = z.strictObject({
  format: z.enum(RENDERED_FORMATS).default('html'),
});

// ---------------------------------------------------------------- responses

const legalSource = z.object({ source: z.string(), sourceUrl: z.string().optional(), reviewed: z.string() });
const dir = z.enum(['ltr', 'rtl']);
// Only on a reply whose text the conversation's language lacks (shown from its fallback language).
const replyLanguage = {
  lang: z.string().optional().describe("The reply's language, when its text came from a fallback language (e.g. English in an Arabic conversation)"),
  dir: dir.optional().describe('Writing direction of lang; set with it'),
};

export const replySchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('text'), key: z.string(), text: z.string(), legal: legalSource.optional(), ...replyLanguage }),
    z.object({
      type: z.literal('checklist'),
      key: z.string(),
      title: z.string(),
      items: z.array(z.object({ key: z.string(), text: z.string(), legal: legalSource.optional() })),
      ...replyLanguage,
    }),
    z.object({
      type: z.literal('document'),
      key: z.string(),
      id: z.string(),
      title: z.string(),
      text: z.string(),
      formats: z.array(z.enum(RENDERED_FORMATS)),
      date: z.string().optional().describe('The day of a calendar reminder (ics), YYYY-MM-DD'),
      ...replyLanguage,
    }),
    z.object({ type: z.literal('link'), key: z.string(), label: z.string(), href: z.string(), ...replyLanguage }),
  ])
  .meta({ description: 'Something the bot says. Texts use light Markdown.' });

const promptChoice = z.object({ id: z.string(), label: z.string() });

export const promptSchema = z
  .discriminatedUnion('kind', [
    z.looseObject({ kind: z.literal('choice'), choices: z.array(promptChoice), question: z.string().optional() }),
    z.looseObject({ kind: z.literal('date'), question: z.string().optional(), max: z.string().optional(), min: z.string().optional() }),
    z.looseObject({
      kind: z.literal('text'),
      question: z.string().optional(),
      inputMode: z.string().optional(),
      optional: z.boolean().optional(),
      maxLength: z.number().optional(),
    }),
    z.looseObject({ kind: z.literal('scale'), choices: z.array(promptChoice), question: z.string().optional() }),
    z.looseObject({ kind: z.literal('none') }),
  ])
  .meta({
    description:
      'What the citizen can do next. kind and choices are a public contract; extra fields may be added. lang and dir are set when the question came from a fallback language.',
  });

const localeOption = z.object({ code: z.string(), name: z.string(), dir });

export const turnResponseSchema = z
  .object({ replies: z.array(replySchema), prompt: promptSchema, done: z.boolean(), locale: z.string(), dir });

export const startResponseSchema = turnResponseSchema
  .extend({
    id: z.string().describe('The conversation id (22+ characters, unguessable)'),
    municipality: z.string().describe('The municipality in use: the default one when the requested id is unknown'),
    locales: z.array(localeOption),
  });

const transcriptEntry = z.discriminatedUnion('role', [
  z.object({ role: z.literal('bot'), replies: z.array(replySchema), prompt: promptSchema }),
  z.object({ role: z.literal('citizen'), text: z.string() }),
]);

export const conversationResponseSchema = z
  .object({
    id: z.string(),
    locale: z.string(),
    dir,
    locales: z.array(localeOption),
    municipality: z.string(),
    done: z.boolean(),
    transcript: z.array(transcriptEntry),
    prompt: promptSchema,
  });

export const errorResponseSchema = z
  .object({
    error: z.object({ code: z.enum(Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]]), message: z.string() }),
  });

export const healthResponseSchema = z.object({ status: z.literal('ok') });
export const readyResponseSchema = z
  .object({ status: z.literal('ready'), content: z.string().describe('Version of the content in force'), sessions: z.string() });
