/**
 * Every text a citizen can be shown, per municipality and locale, resolved the way
 * the engine resolves it (locale fallback, municipality overrides), with the flow
 * nodes that show it. Used by the readability and accessibility tests.
 */
import { nodeContentKeys } from '../../src/content/flow-walk.js';
import { ENGINE_TEXT_KEYS, findEntry } from '../../src/engine/index.js';
import type { Bundle } from '../../src/engine/types.js';

/**
 * Flows written for council staff, not citizens (the staff trust survey). Their texts
 * are read by caseworkers and managers, so the citizen readability limits do not apply.
 */
export const STAFF_FLOWS: readonly string[] = ['staff-survey'];

export interface CitizenText {
  municipality: string;
  locale: string;
  key: string;
  text: string;
  /** `flow/node` names that show the text (`engine` for texts the engine shows itself). */
  uses: string[];
  /** The title or body of a document (a letter to the municipality, a checklist to print). */
  document: boolean;
  /** The locale the text actually comes from (a fallback when the locale lacks it). */
  from: string;
}

function keyUses(bundle: Bundle, municipality: string): Map<string, { uses: string[]; document: boolean }> {
  const found = new Map<string, { uses: string[]; document: boolean }>();
  const add = (key: string, use: string, document: boolean) => {
    const entry = found.get(key) ?? { uses: [], document: false };
    entry.uses.push(use);
    entry.document ||= document;
    found.set(key, entry);
  };
  const flows = bundle.municipalities[municipality]!.flows;
  for (const [flowId, flow] of Object.entries(flows)) {
    if (STAFF_FLOWS.includes(flowId)) continue;
    add(flow.title, `${flowId}/title`, false);
    for (const [nodeId, node] of Object.entries(flow.nodes)) {
      for (const use of nodeContentKeys(node)) add(use.key, `${flowId}/${nodeId}`, use.path.includes('document'));
    }
  }
  for (const key of ENGINE_TEXT_KEYS) add(key, 'engine', false);
  return found;
}

/** The citizen-facing texts of one locale in every municipality, each distinct text once. */
export function citizenTexts(bundle: Bundle, locale: string): CitizenText[] {
  const seen = new Set<string>();
  const texts: CitizenText[] = [];
  for (const municipality of Object.keys(bundle.municipalities)) {
    const place = bundle.municipalities[municipality]!;
    for (const [key, { uses, document }] of keyUses(bundle, municipality)) {
      const entry = findEntry(bundle, place, locale, key);
      if (!entry || seen.has(`${key}\u0000${entry.text}`)) continue;
      seen.add(`${key}\u0000${entry.text}`);
      const from = [locale, ...(bundle.localeInfo[locale]?.fallback ? [bundle.localeInfo[locale]!.fallback!] : []), 'da'].find(
        (l) => place.texts[l]?.[key] === entry,
      ) ?? locale;
      texts.push({ municipality, locale, key, text: entry.text, uses, document, from });
    }
  }
  return texts;
}
