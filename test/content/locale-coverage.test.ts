/**
 * What each locale covers on its own (without falling back), and that translations
 * keep the Danish placeholders and link targets, as `medspiller strings import` demands.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, loadBundle } from '../../src/content/index.js';
import { nodeContentKeys } from '../../src/content/flow-walk.js';
import { translationProblem } from '../../src/content/strings/translations.js';
import { CONTENT_NAMES } from '../../src/conversation/content-names.js';
import { ENGINE_TEXT_KEYS, INTENTS } from '../../src/engine/index.js';
import type { Bundle } from '../../src/engine/types.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Locales that fall back to another, and the flows they must cover completely themselves. */
const COVERAGE: Record<string, string[]> = { ar: ['complaint', 'menu', 'system'] };

let bundle: Bundle;
beforeAll(async () => {
  const loaded = await loadBundle(ROOT, CONTENT_NAMES);
  if (!loaded.bundle) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  bundle = loaded.bundle;
});

describe.each(Object.entries(COVERAGE))('the %s locale', (locale, flows) => {
  it('is declared right to left with a fallback', () => {
    expect(bundle.localeInfo[locale]).toMatchObject({ dir: 'rtl', fallback: 'en' });
  });

  it(`has its own text for everything the ${flows.join(', ')} flows and the engine show, in every municipality`, () => {
    const missing: string[] = [];
    for (const [id, place] of Object.entries(bundle.municipalities)) {
      const keys = new Set<string>(ENGINE_TEXT_KEYS);
      for (const flow of flows.map((f) => place.flows[f]!)) {
        keys.add(flow.title);
        for (const node of Object.values(flow.nodes)) for (const use of nodeContentKeys(node)) keys.add(use.key);
      }
      for (const key of keys) if (!place.texts[locale]?.[key]) missing.push(`${id}: ${key}`);
    }
    expect(missing).toEqual([]);
  });

  it('has its own words for every global intent (back, restart, help, human, repeat)', () => {
    expect(INTENTS.filter((intent) => !bundle.intents[locale]?.[intent]?.length)).toEqual([]);
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
