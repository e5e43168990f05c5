/**
 * The rights journey covers every topic the citizen may need, each with its legal
 * source, in every locale and municipality: the citizen picks their situation and
 * hears a few rules at a time, never the whole law. Walks the real content with the
 * engine (./explore.ts) and looks only at what the rights flow itself shows.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, loadBundle } from '../../src/content/index.js';
import { CONTENT_NAMES } from '../../src/conversation/content-names.js';
import type { Bundle, Reply } from '../../src/engine/types.js';
import { explore, type Visit } from './explore.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Each topic of the issue, by the source its text carries. */
const TOPICS: Record<string, string> = {
  'guidance (FVL § 7)': 'Forvaltningsloven § 7',
  'representation and bisidder (FVL § 8)': 'Forvaltningsloven § 8, stk. 1',
  'access to my files (FVL § 9)': 'Forvaltningsloven § 9',
  'the 7-working-day answer to access': 'Forvaltningsloven § 16, stk. 2',
  'hearing before a decision (FVL § 19)': 'Forvaltningsloven § 19',
  'asking the decision to wait (FVL § 21)': 'Forvaltningsloven § 21',
  'reasons (FVL §§ 22–24)': 'Forvaltningsloven §§ 22 og 24',
  'complaint guidance (FVL § 25)': 'Forvaltningsloven § 25',
  'case-processing deadlines (RSL § 3)': 'Retssikkerhedsloven § 3',
  'taking part (RSL § 4)': 'Retssikkerhedsloven § 4',
  'all kinds of help considered (RSL § 5)': 'Retssikkerhedsloven § 5',
  'investigation (RSL § 10)': 'Retssikkerhedsloven § 10',
  'individual assessment (SEL § 1 stk. 3)': 'Serviceloven § 1, stk. 3',
  "children's cases (Barnets Lov)": 'Barnets Lov',
};
/** At most this many legal texts in one turn: a few rules at a time. */
const MAX_RULES_PER_TURN = 3;

let bundle: Bundle;
const walks = new Map<string, Visit[]>();
beforeAll(async () => {
  const loaded = await loadBundle(ROOT, CONTENT_NAMES);
  if (!loaded.bundle) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  bundle = loaded.bundle;
  for (const municipality of Object.keys(bundle.municipalities)) {
    for (const locale of bundle.locales) {
      walks.set(`${municipality} ${locale}`, explore(bundle, municipality, locale, ['rights']).filter((v) => v.at.startsWith('rights/')));
    }
  }
}, 60_000);

function legalSources(replies: Reply[]): string[] {
  return replies.flatMap((r) => (r.type === 'text' && r.legal ? [r.legal.source] : []));
}

describe('the rights journey', () => {
  it.each(Object.entries(TOPICS))('tells about %s in every locale and municipality', (_topic, source) => {
    const without = [...walks].filter(([, visits]) => !visits.some((v) => legalSources(v.result.replies).includes(source))).map(([walk]) => walk);
    expect(without).toEqual([]);
  });

  it("links to the municipality's own published case-processing deadlines, from its overlay", () => {
    for (const [walk, visits] of walks) {
      const place = bundle.municipalities[walk.split(' ')[0]!]!;
      const links = visits.flatMap((v) => v.result.replies.flatMap((r) => (r.type === 'link' ? [r.href] : [])));
      expect(links, walk).toContain(place.municipality.pages?.processing_times);
    }
  });

  it('lets the citizen pick their situation, and says at most a few rules in one turn', () => {
    for (const [walk, visits] of walks) {
      const situation = visits.find((v) => v.at === 'rights/situation')!;
      expect(situation.result.prompt.kind, walk).toBe('choice');
      expect('choices' in situation.result.prompt && situation.result.prompt.choices.length, walk).toBeGreaterThanOrEqual(5);
      const crowded = visits.filter((v) => legalSources(v.result.replies).length > MAX_RULES_PER_TURN).map((v) => v.at);
      expect(crowded, walk).toEqual([]);
    }
  });

  it('says the 7 working days when the citizen asks to see their papers', () => {
    const papers = walks.get(`${bundle.defaultMunicipality} da`)!.find((v) => v.at === 'rights/papers')!;
    expect(papers.result.replies.map((r) => (r.type === 'text' ? r.text : '')).join(' ')).toContain('7 arbejdsdage');
  });
});
