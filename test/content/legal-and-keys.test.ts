/**
 * Two guards on the real content, shown failing on a copy of it with one edit:
 *
 * - a legal text without `source` is an error (every legal text in every locale and
 *   municipality resolves a source and a reviewed date, own or inherited from `da`,
 *   and every Danish text that names an Act is marked legal);
 * - a key a flow reaches that is missing in a locale without fallback is an error,
 *   reported at the flow with the locale and where to add it.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, loadBundle } from '../../src/content/index.js';
import { CONTENT_NAMES } from '../../src/conversation/content-names.js';
import { findEntry } from '../../src/engine/index.js';
import type { Bundle } from '../../src/engine/types.js';

const ROOT = join(import.meta.dirname, '..', '..');
/** Names of Acts a citizen text may state a rule from; naming one makes a text legal. */
const ACT = /forvaltningslov|retssikkerhedslov|servicelov|offentlighedslov|barnets lov|ombudsmandslov|kommunestyrelseslov/i;

let bundle: Bundle;
const copies: string[] = [];
beforeAll(async () => {
  const loaded = await loadBundle(ROOT, CONTENT_NAMES);
  if (!loaded.bundle) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  bundle = loaded.bundle;
});
afterAll(() => Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A copy of flows/ and content/ with `edit` applied to one file; returns the check's errors. */
async function errorsAfterEditing(file: string, edit: (text: string) => string): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'medspiller-guard-'));
  copies.push(dir);
  await cp(join(ROOT, 'flows'), join(dir, 'flows'), { recursive: true });
  await cp(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  const before = await readFile(join(dir, file), 'utf8');
  const after = edit(before);
  expect(after, 'the edit changed nothing').not.toBe(before);
  await writeFile(join(dir, file), after);
  const { bundle: edited, problems } = await loadBundle(dir, CONTENT_NAMES);
  const errors = problems.filter((p) => p.severity === 'error').map(formatProblem);
  expect(edited === undefined).toBe(errors.length > 0);
  return errors;
}

describe('legal texts', () => {
  it('every legal text, in every locale and municipality, has a source and a reviewed date', () => {
    const missing: string[] = [];
    for (const [id, place] of Object.entries(bundle.municipalities)) {
      for (const locale of bundle.locales) {
        for (const key of Object.keys(place.texts[locale] ?? {})) {
          const danish = findEntry(bundle, place, 'da', key);
          const entry = findEntry(bundle, place, locale, key)!;
          if (!(danish?.legal || entry.legal || entry.text.includes('§'))) continue;
          const source = entry.source ?? danish?.source;
          const reviewed = entry.reviewed ?? danish?.reviewed;
          if (!source || !reviewed) missing.push(`${id} ${locale} ${key}`);
        }
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('every Danish text that names an Act is marked legal', () => {
    const unmarked = Object.entries(bundle.municipalities).flatMap(([id, place]) =>
      Object.entries(place.texts.da ?? {})
        .filter(([, entry]) => ACT.test(entry.text) && !entry.legal)
        .map(([key]) => `${id} ${key}`),
    );
    expect(unmarked).toEqual([]);
  });

  it('the check fails when a legal text loses its source', async () => {
    const errors = await errorsAfterEditing('content/da/complaint.yaml', (text) =>
      text.replace(/(complaint\.deadline_result:\n(?: {2}.*\n)*?) {2}source: .*\n/, '$1'),
    );
    expect(errors).toEqual([
      expect.stringMatching(/^content\/da\/complaint\.yaml:\d+:1 {2}text "complaint\.deadline_result" is marked legal but has no source {2}\(hint: add source:/),
    ]);
  });

  it('the check fails when a text starts citing a § without a source', async () => {
    const errors = await errorsAfterEditing('content/da/complaint.yaml', (text) =>
      text.replace('complaint.deadline_tomorrow: Det er **i morgen**.', 'complaint.deadline_tomorrow: Det er **i morgen** (retssikkerhedsloven § 67).'),
    );
    expect(errors).toEqual([expect.stringContaining('text "complaint.deadline_tomorrow" cites a § but has no source and reviewed')]);
  });
});

describe('keys a flow reaches', () => {
  it('the check fails when a key is missing in a locale without fallback, naming the flow and the locale', async () => {
    const errors = await errorsAfterEditing('content/en/complaint.yaml', (text) => text.replace(/^complaint\.deadline_result: .*\n/m, ''));
    expect(errors).toEqual([
      expect.stringMatching(/^flows\/complaint\.yaml:\d+:\d+ {2}content key "complaint\.deadline_result" has no text in en {2}\(hint: add it to content\/en\/complaint\.yaml\)$/),
    ]);
  });

  it('the check fails when a flow starts using a key no locale has', async () => {
    const errors = await errorsAfterEditing('flows/complaint.yaml', (text) => text.replace('      - complaint.late_still_help\n', '      - complaint.late_still_hlep\n'));
    expect(errors).toEqual([expect.stringContaining('content key "complaint.late_still_hlep" has no text in da, en')]);
  });
});
