/**
 * Validates the files under content/: settings, texts (a plain string becomes
 * `{ text }`), intents and municipality.yaml. A text that fails the schema is
 * kept by key (so it does not also count as missing) but not used. Pure.
 */
import type { ContentEntry, IntentTable } from '../engine/types.js';
import { checkSchema } from './check-schema.js';
import type { TextModel } from './model.js';
import type { Parsed } from './parse-flow-files.js';
import type { Problem } from './problem.js';
import {
  contentFileSchema,
  intentsFileSchema,
  municipalityFileSchema,
  settingsFileSchema,
  type MunicipalityFile,
  type SettingsFile,
} from './schema.js';
import { problemAt, type SourceFile } from './source-file.js';

const textValue = contentFileSchema.valueType;

export function parseSettingsFile(file: SourceFile): Parsed<SettingsFile> {
  return whole(checkSchema(file, settingsFileSchema, file.data));
}

export function parseMunicipalityFile(file: SourceFile): Parsed<MunicipalityFile> {
  return whole(checkSchema(file, municipalityFileSchema, file.data));
}

export function parseIntentsFile(file: SourceFile): Parsed<IntentTable> {
  const checked = checkSchema(file, intentsFileSchema, file.data);
  return whole({ problems: checked.problems, ...(checked.value ? { value: checked.value.intents } : {}) });
}

const TEXT_LINE_EXAMPLE = 'lines like `complaint.ask_date: "Hvornår fik du afgørelsen?"`';

/**
 * A texts file in `content/<locale>/` or a municipality's `<locale>/` folder. An empty file has no
 * texts, which is a warning: an emptied file otherwise shows only as keys missing in every flow.
 */
export function parseTextsFile(file: SourceFile, locale: string, municipality?: string): Parsed<TextModel[]> {
  const data = file.data ?? {};
  if (!isPlainMap(data)) {
    const hint = `a texts file holds ${TEXT_LINE_EXAMPLE}`;
    return { problems: [problemAt(file, [], 'error', 'this file must be a map of content keys to texts', hint)], complete: false };
  }
  if (Object.keys(data).length === 0) {
    return { value: [], problems: [problemAt(file, [], 'warning', 'this file has no texts', `add ${TEXT_LINE_EXAMPLE}, or delete the file`)], complete: true };
  }
  if ('intents' in data) return { problems: [misplacedIntents(file, municipality)], complete: false };
  const problems: Problem[] = [];
  const texts = Object.entries(data).map(([key, raw]) => parseText(file, locale, key, raw, problems, municipality));
  return { value: texts, problems, complete: problems.length === 0 };
}

function parseText(file: SourceFile, locale: string, key: string, raw: unknown, problems: Problem[], municipality?: string): TextModel {
  const textPath = typeof raw === 'string' ? [key] : [key, 'text'];
  const model: TextModel = { key, locale, file, textPath, ...(municipality ? { municipality } : {}) };
  const validKey = contentFileSchema.keyType.safeParse(key);
  if (!validKey.success) {
    const hint = validKey.error.issues[0]?.message;
    problems.push(problemAt(file, [key], 'error', `"${key}" is not a valid content key`, hint, { key: true }));
  }
  const checked = checkSchema(file, textValue, raw, [key]);
  problems.push(...checked.problems);
  if (validKey.success && checked.value !== undefined) {
    model.entry = (typeof checked.value === 'string' ? { text: checked.value } : checked.value) as ContentEntry;
  }
  return model;
}

function misplacedIntents(file: SourceFile, municipality?: string): Problem {
  if (municipality) {
    const hint = 'intent words are shared by all municipalities: change them in content/<locale>/intents.yaml';
    return problemAt(file, ['intents'], 'error', 'a municipality cannot change the intent words', hint, { key: true });
  }
  return problemAt(file, ['intents'], 'error', 'intents belong in their own file', 'name this file intents.yaml', { key: true });
}

function whole<T>(checked: { value?: T; problems: Problem[] }): Parsed<T> {
  const { value } = checked;
  return { ...(value !== undefined ? { value } : {}), problems: checked.problems, complete: value !== undefined };
}

function isPlainMap(data: unknown): data is Record<string, unknown> {
  return data !== null && typeof data === 'object' && !Array.isArray(data);
}
