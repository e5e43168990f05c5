/**
 * Writes a locale's content files from a checked translation: one file for each
 * Danish file (content/da/complaint.yaml → content/<locale>/complaint.yaml), keys in
 * the Danish order, with the schema comment line editors use. A text the locale
 * already has and the import does not change is kept, with any extra fields it has
 * (its own synonyms, a note); legal sources are not copied: translations inherit them
 * from the Danish text.
 *
 * Pure: returns the files' paths and text.
 */
import { Document, isMap, isPair, isScalar, visit } from 'yaml';
import type { ContentEntry, IntentTable } from '../../engine/types.js';
import { INTENTS_FILE, splitList, SYNONYMS_SUFFIX, type StringUnit } from './string-table.js';

export interface ExistingLocale {
  texts: ReadonlyMap<string, ContentEntry>;
  intents?: IntentTable;
}

function header(locale: string, danishFile: string, schema: string, legalNote: boolean): string {
  return [
    ` yaml-language-server: $schema=../../schemas/${schema}`,
    ` ${locale}: translated from ${danishFile} (written by \`medspiller strings import\`).`,
    ...(legalNote ? [' Legal sources are inherited from the Danish texts.'] : []),
  ].join('\n');
}

function yamlFile(data: Record<string, unknown>, comment: string): string {
  const doc = new Document(data);
  doc.commentBefore = comment;
  // Word lists on one line, as authors write them: `synonyms: [ja, jo]`.
  visit(doc, { Seq: (_key, seq) => void (seq.flow = true) });
  if (isMap(doc.contents)) {
    doc.contents.items.forEach((pair, index) => {
      if (index > 0 && isPair(pair) && isScalar(pair.key)) pair.key.spaceBefore = true;
    });
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function textEntry(unit: StringUnit, texts: Map<string, string>, existing: ContentEntry | undefined): unknown {
  const text = texts.get(unit.id) ?? existing?.text;
  if (text === undefined) return undefined;
  const synonymsText = texts.get(`${unit.key}${SYNONYMS_SUFFIX}`);
  const synonyms = synonymsText !== undefined ? splitList(synonymsText) : existing?.synonyms;
  const { text: _old, synonyms: _oldSynonyms, ...extra } = existing ?? { text };
  const entry = { text, ...(synonyms?.length ? { synonyms } : {}), ...extra };
  return Object.keys(entry).length === 1 ? text : entry;
}

function intentsData(units: StringUnit[], texts: Map<string, string>, existing: IntentTable | undefined): Record<string, string[]> {
  const intents: Record<string, string[]> = {};
  for (const unit of units.filter((u) => u.kind === 'intent')) {
    const words = texts.has(unit.id) ? splitList(texts.get(unit.id)!) : existing?.[unit.key as keyof IntentTable];
    if (words?.length) intents[unit.key] = words;
  }
  return intents;
}

/** `content/<locale>/<name>.yaml` → file text, for every Danish file with at least one translated text. */
export function localeFiles(units: StringUnit[], texts: Map<string, string>, locale: string, existing: ExistingLocale): Map<string, string> {
  const files = new Map<string, string>();
  const danishFiles = [...new Set(units.filter((u) => u.kind === 'text').map((u) => u.file))];
  for (const danishFile of danishFiles) {
    const data: Record<string, unknown> = {};
    for (const unit of units.filter((u) => u.kind === 'text' && u.file === danishFile)) {
      const entry = textEntry(unit, texts, existing.texts.get(unit.key));
      if (entry !== undefined) data[unit.key] = entry;
    }
    if (Object.keys(data).length === 0) continue;
    files.set(localePath(danishFile, locale), yamlFile(data, header(locale, danishFile, 'content.schema.json', true)));
  }
  const intents = intentsData(units, texts, existing.intents);
  if (Object.keys(intents).length > 0) {
    files.set(localePath(INTENTS_FILE, locale), yamlFile({ intents }, header(locale, INTENTS_FILE, 'intents.schema.json', false)));
  }
  return files;
}

function localePath(danishFile: string, locale: string): string {
  return danishFile.replace(/^content\/da\//, `content/${locale}/`);
}
