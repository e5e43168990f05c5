/**
 * Plain language, measured: the LIX of every Danish text a citizen can be shown, in
 * every municipality, after Markdown and template placeholders are removed.
 * Limits: 40 for `da` (easy text, like plain public information) and 30 for `da-LET`
 * (easy-read, very easy text).
 *
 * LIX is defined on running text. For a text of a few words (a button label, a
 * question, a title) one long word swings it from 5 to 60 ("Vis valgene" scores 52,
 * yet is as easy as Danish gets), so texts under SHORT_TEXT_WORDS words are measured
 * together, per content file (each counted as one sentence), and that pool must be
 * under the limit too. Longer texts must each be under the limit. Letters to the
 * municipality are held to the same limits: the citizen has to read and edit them.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, loadBundle } from '../../src/content/index.js';
import { lix } from '../../src/content/lix.js';
import { CONTENT_NAMES } from '../../src/conversation/content-names.js';
import type { Bundle } from '../../src/engine/types.js';
import { citizenTexts, type CitizenText } from './citizen-texts.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SHORT_TEXT_WORDS = 10;
const LIMITS = { da: 40, 'da-LET': 30 } as const;

let bundle: Bundle;
beforeAll(async () => {
  const loaded = await loadBundle(ROOT, CONTENT_NAMES);
  if (!loaded.bundle) throw new Error(`The content has errors:\n${loaded.problems.map(formatProblem).join('\n')}`);
  bundle = loaded.bundle;
});

function describeText(text: CitizenText, score: number): string {
  const where = text.municipality === bundle.defaultMunicipality ? '' : ` (municipality ${text.municipality})`;
  const from = text.from === text.locale ? '' : ` [shown from ${text.from}]`;
  return `${text.key}${where}${from}: LIX ${score}`;
}

/** Short texts of one content file read as one text, each ending a sentence. */
function pooledByFile(texts: CitizenText[]): Map<string, string> {
  const pools = new Map<string, string[]>();
  for (const text of texts) {
    const file = text.key.split('.')[0]!;
    pools.set(file, [...(pools.get(file) ?? []), text.text.trim().replace(/[.!?:]?$/, '.')]);
  }
  return new Map([...pools].map(([file, parts]) => [file, parts.join('\n')]));
}

describe.each(Object.entries(LIMITS))('LIX of the %s texts', (locale, limit) => {
  it(`keeps every running text at or under ${limit}`, () => {
    const texts = citizenTexts(bundle, locale).filter((t) => lix(t.text).words >= SHORT_TEXT_WORDS);
    const scores = texts.map((text) => ({ text, score: lix(text.text).lix }));
    const tooHard = scores.filter(({ score }) => score > limit).map(({ text, score }) => describeText(text, score));
    expect(tooHard, `texts over LIX ${limit}: write shorter sentences and fewer long words`).toEqual([]);

    const mean = scores.reduce((sum, { score }) => sum + score, 0) / scores.length;
    const whole = lix(citizenTexts(bundle, locale).map((t) => t.text).join('\n'));
    console.log(
      `LIX ${locale}: mean ${mean.toFixed(1)} over ${scores.length} running texts; ` +
        `${whole.lix} for all ${whole.words} words of citizen-facing text together`,
    );
  });

  it(`keeps short texts (labels, questions, titles) at or under ${limit}, per content file`, () => {
    const short = citizenTexts(bundle, locale).filter((t) => lix(t.text).words < SHORT_TEXT_WORDS);
    const tooHard = [...pooledByFile(short)]
      .map(([file, text]) => ({ file, score: lix(text).lix }))
      .filter(({ score }) => score > limit)
      .map(({ file, score }) => `${file}.* short texts: LIX ${score}`);
    expect(tooHard).toEqual([]);
  });
});

describe('lix', () => {
  it('counts words, sentences and words of more than six letters', () => {
    // 7 words, 2 sentences, 0 long words → 3.5
    expect(lix('Klag i dag. Du kan også ringe.')).toEqual({ lix: 3.5, words: 7, sentences: 2, longWords: 0 });
    // 4 words, 1 sentence, "afgørelsen" and "kommunen" long → 4 + 50 = 54
    expect(lix('Kommunen sendte afgørelsen ud')).toMatchObject({ lix: 54, longWords: 2 });
  });

  it('ignores Markdown and template placeholders, which the citizen never reads', () => {
    expect(lix('Din frist er **{deadline.date:date}**. Klag i god tid.')).toMatchObject({ words: 7, sentences: 2 });
    expect(lix('Send den til {municipality.name}. {municipality.name} svarer dig.')).toMatchObject({ words: 5, sentences: 2 });
    expect(lix('Se [borger.dk](https://www.borger.dk) for mere.')).toMatchObject({ words: 4 });
  });

  it('reads each list item as a sentence, and does not end a sentence at "stk. 1" or "3. marts"', () => {
    expect(lix('Ankestyrelsen kan:\n- give kommunen ret\n- afvise klagen').sentences).toBe(3);
    expect(lix('Retssikkerhedsloven § 67, stk. 1 gælder fra 3. marts.').sentences).toBe(1);
  });
});
