/**
 * The string table translators work on: every Danish text in content/da/ (the
 * source language), each choice's answer words (synonyms) and the global words
 * ("tilbage", "gentag" …), with the current translation in one locale and the
 * context a translator needs: where the text is shown, the note written for
 * translators, and the law a legal text rests on.
 *
 * Pure: built from a BundleModel read by the content loader.
 */
import { ENGINE_TEXT_KEYS } from '../../engine/render.js';
import { DEFAULT_LOCALE, type IntentName } from '../../engine/types.js';
import { nodeContentKeys } from '../flow-walk.js';
import type { BundleModel } from '../model.js';

/** A text, a choice's answer words, or the words of a global intent. */
export type UnitKind = 'text' | 'synonyms' | 'intent';

export interface StringUnit {
  /** `complaint.title`, `complaint.choice_written#synonyms`, or `intents.repeat`. */
  id: string;
  kind: UnitKind;
  /** The content key (or the intent's name). */
  key: string;
  /** The Danish file it comes from, e.g. `content/da/complaint.yaml`: the translation is written next to it. */
  file: string;
  /** The Danish text. Word lists are joined with LIST_SEPARATOR. */
  source: string;
  /** The locale's own translation, when it has one. */
  target?: string;
  /** Where the text is shown, e.g. "complaint/start (question)". */
  context: string;
  note?: string;
  /** The law a legal text rests on (inherited by every translation). */
  legalSource?: string;
}

export const LIST_SEPARATOR = ' | ';
export const SYNONYMS_SUFFIX = '#synonyms';
export const INTENTS_FILE = `content/${DEFAULT_LOCALE}/intents.yaml`;
const INTENT_NAMES: readonly IntentName[] = ['back', 'restart', 'help', 'human', 'repeat'];
const INTENT_CONTEXT: Record<IntentName, string> = {
  back: 'Words that go one step back, anywhere in the conversation',
  restart: 'Words that start the conversation over',
  help: 'Words that ask how the chat works',
  human: 'Words that ask to talk to a person',
  repeat: 'Words that show the last message again',
};

/** Where each key is shown: `flow/node (question)`, `flow/node (button)`, … */
function keyContexts(model: BundleModel): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  const add = (key: string, where: string) => uses.set(key, [...(uses.get(key) ?? []), where]);
  for (const flow of model.flows.values()) {
    add(flow.title, `${flow.id} (title of the conversation)`);
    for (const [nodeId, node] of flow.nodes) {
      for (const use of node.node ? nodeContentKeys(node.node) : []) add(use.key, `${flow.id}/${nodeId} (${roleOf(use.path)})`);
    }
  }
  for (const key of ENGINE_TEXT_KEYS) add(key, 'shown by the chat itself');
  return uses;
}

function roleOf(path: ReadonlyArray<string | number>): string {
  if (path.includes('document')) return path.includes('title') ? 'document title' : 'document text: a letter the citizen sends';
  if (path.includes('checklist')) return 'checklist';
  if (path.includes('link')) return 'link text';
  if (path.includes('choice')) return 'button';
  if (path[0] === 'question') return 'question';
  return 'message';
}

function describeUses(uses: string[] | undefined): string {
  if (!uses?.length) return 'not used by a flow (kept for municipalities or the survey report)';
  const unique = [...new Set(uses)];
  return unique.length > 4 ? `${unique.slice(0, 4).join('; ')}; and ${unique.length - 4} more` : unique.join('; ');
}

/** Every unit of the Danish source, in file order, with `locale`'s current translations. */
export function buildStringTable(model: BundleModel, locale: string): StringUnit[] {
  const contexts = keyContexts(model);
  const target = model.texts.get(locale);
  const units: StringUnit[] = [];
  for (const text of model.texts.get(DEFAULT_LOCALE)?.values() ?? []) {
    const entry = text.entry;
    if (!entry) continue;
    const translated = target?.get(text.key)?.entry;
    const context = describeUses(contexts.get(text.key));
    units.push({
      id: text.key,
      kind: 'text',
      key: text.key,
      file: text.file.path,
      source: entry.text,
      ...(translated ? { target: translated.text } : {}),
      context,
      ...(entry.note ? { note: entry.note } : {}),
      ...(entry.source ? { legalSource: entry.source } : {}),
    });
    if (entry.synonyms?.length) {
      units.push({
        id: `${text.key}${SYNONYMS_SUFFIX}`,
        kind: 'synonyms',
        key: text.key,
        file: text.file.path,
        source: entry.synonyms.join(LIST_SEPARATOR),
        ...(translated?.synonyms?.length ? { target: translated.synonyms.join(LIST_SEPARATOR) } : {}),
        context: `Other words or phrases that pick the button "${entry.text}", separated by |. Write what people would type.`,
      });
    }
  }
  units.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return [...units, ...intentUnits(model, locale)];
}

function intentUnits(model: BundleModel, locale: string): StringUnit[] {
  const danish = model.intents.get(DEFAULT_LOCALE) ?? {};
  const target = model.intents.get(locale) ?? {};
  return INTENT_NAMES.filter((name) => danish[name]?.length).map((name) => ({
    id: `intents.${name}`,
    kind: 'intent' as const,
    key: name,
    file: INTENTS_FILE,
    source: danish[name]!.join(LIST_SEPARATOR),
    ...(target[name]?.length ? { target: target[name]!.join(LIST_SEPARATOR) } : {}),
    context: `${INTENT_CONTEXT[name]}, separated by |. Keep them different from the words of any button.`,
  }));
}

/** A word list as typed by a translator: "a | b | c" → ["a", "b", "c"]. */
export function splitList(text: string): string[] {
  return text
    .split('|')
    .map((word) => word.trim())
    .filter(Boolean);
}
