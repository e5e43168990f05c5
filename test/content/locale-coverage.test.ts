/**
 * What each locale covers on its own (without falling back), and that translations
 * keep the Danish placeholders and link targets, as `medspiller strings import` demands.
 *
 * `en` and easy-read `da-LET` must be complete for everything a citizen can be shown;
 * `da-LET` falls back to `da`, so `medspiller check` would not notice a gap there:
 * this test does. `ar` (right to left) must cover at least the complaint journey.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, loadBundle } from '../../src/content/index.js';
import { nodeContentKeys } from '../../src/content/flow-walk.js';
import { translationProblem } from '../../src/content/strings/translations.js';
import { CONTENT_NAMES } from '../../src/conversation/content-names.js';
import { ENGINE_TEXT_KEYS, INTENTS } from '../../src/engine/index.js';
import type { Bundle } from '../../src/engine/types.js';
import { STAFF_FLOWS } from './citizen-texts.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EVERY_CITIZEN_FLOW = 'every citizen flow';

/** The flows each locale must cover completely with its own texts. */
const COVERAGE: Record<string, string[] | typeof EVERY_CITIZEN_FLOW> = {
  en: EVERY_CITIZEN_FLOW,
  'da-LET': EVERY_CITIZEN_FLOW,
  ar: ['complaint', 'menu', 'system'],
};

let bundle: Bundle;
beforeAll(async () => {
  const loaded = await loadBundle(ROOT, CONTENT_NAMES);
  if (!loaded.bundle) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  bundle = loaded.bundle;
});

/** `municipality: key (flow/node)` for every key the flows show that the locale has no text of its own for. */
function missingTexts(locale: string, wanted: string[] | typeof EVERY_CITIZEN_FLOW): string[] {
  const missing: string[] = [];
  for (const [id, place] of Object.entries(bundle.municipalities)) {
    const flows = wanted === EVERY_CITIZEN_FLOW ? Object.keys(place.flows).filter((f) => !STAFF_FLOWS.includes(f)) : wanted;
    const keys = new Map<string, string>(ENGINE_TEXT_KEYS.map((key) => [key, 'engine']));
    for (const flowId of flows) {
      const flow = place.flows[flowId]!;
      keys.set(flow.title, `${flowId} title`);
      for (const [nodeId, node] of Object.entries(flow.nodes)) {
        for (const use of nodeContentKeys(node)) keys.set(use.key, `${flowId}/${nodeId}`);
      }
    }
    for (const [key, where] of keys) if (!place.texts[locale]?.[key]) missing.push(`${id}: ${key} (${where})`);
  }
  return missing;
}

describe.each(Object.entries(COVERAGE))('the %s locale', (locale, flows) => {
  const what = flows === EVERY_CITIZEN_FLOW ? flows : `the ${flows.join(', ')} flows`;

  it(`has its own text for everything ${what} and the engine show, in every municipality`, () => {
    expect(missingTexts(locale, flows)).toEqual([]);
  });

  it('has its own words for every global intent (back, restart, help, human, repeat)', () => {
    expect(INTENTS.filter((intent) => !bundle.intents[locale]?.[intent]?.length)).toEqual([]);
  });
});

describe('the ar locale', () => {
  it('is declared right to left, falling back to English', () => {
    expect(bundle.localeInfo.ar).toMatchObject({ dir: 'rtl', fallback: 'en' });
  });
});

describe('every translation', () => {
  it('keeps the placeholders and link targets of the Danish text', () => {
    const problems: string[] = [];
    for (const [id, place] of Object.entries(bundle.municipalities)) {
      for (const locale of bundle.locales.filter((l) => l !== 'da')) {
        for (const [key, entry] of Object.entries(place.texts[locale] ?? {})) {
          const danish = place.texts.da?.[key];
          if (!danish) continue;
          const problem = translationProblem({ id: key, kind: 'text', key, file: '', source: danish.text, context: '' }, entry.text);
          if (problem) problems.push(`${id} ${locale} ${key}: ${problem}`);
        }
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });
});
