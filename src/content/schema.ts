/**
 * The YAML format councils edit, as zod schemas. **Contract**: flows/*.yaml,
 * content/<locale>/*.yaml, content/settings.yaml and content/municipalities/<id>/…
 * The JSON Schemas for editors are generated from these (`npm run schemas`).
 */
import { z } from 'zod';

const idPattern = /^[a-z][a-z0-9_-]*$/;
const keyPattern = /^[a-z][a-z0-9_]*(\.[a-z0-9_-]+)+$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const identifier = z
  .string()
  .regex(idPattern, 'use lower-case letters, digits, "_" or "-", starting with a letter');
export const contentKey = z
  .string()
  .regex(keyPattern, 'a content key looks like "complaint.ask_date": lower-case words joined by dots');
const slotPath = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-zA-Z0-9_]+)*$/, 'a slot name like "decision_date" or "deadline.passed"');

const operand = z.union([z.string(), z.number(), z.boolean(), z.strictObject({ slot: slotPath })]);

export const conditionSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.strictObject({ slot: slotPath, equals: operand }),
    z.strictObject({ slot: slotPath, in: z.array(operand).min(1) }),
    z.strictObject({ slot: slotPath, before: operand }),
    z.strictObject({ slot: slotPath, after: operand }),
    z.strictObject({ slot: slotPath, exists: z.boolean() }),
    z.strictObject({ slot: slotPath, includes: operand }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

const target = z.union([identifier, z.strictObject({ flow: identifier, node: identifier.optional() })]);
const branch = z.strictObject({ if: conditionSchema.optional(), to: target });
const next = z.union([target, z.array(branch).min(1)]);

const documentFormat = z.enum(['txt', 'html', 'docx', 'ics']);
const sayItem = z.union([
  contentKey,
  z.strictObject({ text: contentKey, if: conditionSchema.optional() }),
  z.strictObject({
    checklist: z.strictObject({
      title: contentKey,
      items: z.array(z.strictObject({ text: contentKey, if: conditionSchema.optional() })).min(1),
    }),
    if: conditionSchema.optional(),
  }),
  z.strictObject({
    document: z.strictObject({
      id: identifier,
      title: contentKey,
      body: contentKey,
      formats: z.array(documentFormat).optional(),
      date: slotPath.optional(),
    }),
    if: conditionSchema.optional(),
  }),
  z.strictObject({
    link: z.strictObject({ label: contentKey, href: z.string().min(1) }),
    if: conditionSchema.optional(),
  }),
]);

const slotValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(slotValue), z.record(z.string(), slotValue)]),
);

const choice = z.strictObject({
  id: identifier,
  label: contentKey,
  next: next.optional(),
  if: conditionSchema.optional(),
  set: z.record(slotPath, slotValue).optional(),
});

const ask = z.union([
  z.strictObject({ choice: z.array(choice).min(1) }),
  z.strictObject({
    date: z.strictObject({ notAfter: z.literal('today').optional(), notBefore: z.string().regex(isoDate).optional() }),
  }),
  z.strictObject({
    text: z.strictObject({
      inputMode: z.enum(['text', 'name', 'tel', 'email']).optional(),
      optional: z.boolean().optional(),
      maxLength: z.number().int().positive().max(2000).optional(),
    }),
  }),
  z.strictObject({
    scale: z.strictObject({ allowUnknown: z.boolean().optional(), skippable: z.boolean().optional() }),
  }),
]);

const compute = z.strictObject({ fn: identifier.or(z.string().regex(/^[a-zA-Z]+$/)), args: z.record(z.string(), slotPath) });

export const nodeSchema = z.strictObject({
  say: z.array(sayItem).optional(),
  question: contentKey.optional(),
  ask: ask.optional(),
  slot: slotPath.optional(),
  compute: z.record(slotPath, compute).optional(),
  do: z.array(z.string().regex(/^[a-zA-Z]+$/, 'an effect name like "storeAdviserRequest"')).optional(),
  next: next.optional(),
  end: z.boolean().optional(),
});

export const flowFileSchema = z.strictObject({
  id: identifier,
  title: contentKey,
  entry: identifier,
  nodes: z.record(identifier, nodeSchema),
});

/** A municipality's change to a flow: replaces or adds whole nodes. */
export const flowOverlaySchema = z.strictObject({
  id: identifier,
  entry: identifier.optional(),
  nodes: z.record(identifier, nodeSchema),
});

export const contentEntrySchema = z.strictObject({
  text: z.string().min(1),
  synonyms: z.array(z.string().min(1)).optional(),
  source: z.string().min(3).optional(),
  sourceUrl: z.url().optional(),
  reviewed: z.string().regex(isoDate, 'a date written YYYY-MM-DD').optional(),
  legal: z.boolean().optional(),
  note: z.string().optional(),
});

/** A content file: keys mapped to a text, or to a text with its metadata. */
export const contentFileSchema = z.record(contentKey, z.union([z.string().min(1), contentEntrySchema]));

export const intentsFileSchema = z.strictObject({
  intents: z.strictObject({
    back: z.array(z.string().min(1)).optional(),
    restart: z.array(z.string().min(1)).optional(),
    help: z.array(z.string().min(1)).optional(),
    human: z.array(z.string().min(1)).optional(),
    repeat: z.array(z.string().min(1)).optional(),
  }),
});

const contact = z.strictObject({
  name: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  url: z.string().optional(),
  hours: z.string().optional(),
  address: z.string().optional(),
});

export const municipalityFileSchema = z.strictObject({
  id: identifier,
  name: z.string().min(1),
  fictional: z.boolean().optional(),
  contacts: z
    .object({
      citizen_service: contact,
      borgerraadgiver: contact.nullable().optional(),
      handicapraad: contact.nullable().optional(),
    })
    .catchall(contact.nullable()),
  pages: z.record(z.string(), z.url()).optional(),
  facts: z.record(z.string(), z.string()).optional(),
  // At most eight questions keep the survey short enough to finish (DESIGN §7).
  survey: z.strictObject({ enabled: z.boolean(), questions: z.array(identifier).min(1).max(8).optional() }).optional(),
});

const localeCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'a locale code like "da", "en" or "da-LET"');

export const settingsFileSchema = z.strictObject({
  mainFlow: identifier,
  defaultMunicipality: identifier,
  /** A legal text whose `reviewed` date is older than this is reported as a warning. */
  reviewMaxAgeDays: z.number().int().positive().default(365),
  /** Slots that survive "start again" in a conversation, e.g. that the survey was offered once. */
  keepOnRestart: z.array(identifier).default([]),
  locales: z.record(
    localeCode,
    z.strictObject({ name: z.string().min(1), dir: z.enum(['ltr', 'rtl']).default('ltr'), fallback: localeCode.optional() }),
  ),
});

export type FlowFile = z.infer<typeof flowFileSchema>;
export type FlowOverlayFile = z.infer<typeof flowOverlaySchema>;
export type ContentFile = z.infer<typeof contentFileSchema>;
export type MunicipalityFile = z.infer<typeof municipalityFileSchema>;
export type SettingsFile = z.infer<typeof settingsFileSchema>;
