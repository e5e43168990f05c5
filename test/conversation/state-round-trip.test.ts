/**
 * The round-trip property (STYLE.md rule 2): saving a conversation state and
 * loading it again never changes what the next step does. Random walks through
 * the real content; at every step the state goes through the SQLite store and
 * both copies must step to the same result.
 */
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, loadBundle } from '../../src/content/index.js';
import { CONTENT_NAMES } from '../../src/conversation/content-names.js';
import { startConversation, step } from '../../src/engine/index.js';
import type { Action, Bundle, Input, Prompt } from '../../src/engine/types.js';
import { createSqliteSessionStore } from '../../src/stores/sqlite-session-store.js';
import { ROOT } from '../cli/run-cli.js';

const ACTIONS: Action[] = ['back', 'restart', 'help', 'human', 'repeat', 'skip'];
const TEXTS = ['ja', 'nej', 'tilbage', 'hjælp', '3.2.2026', 'Ada Jensen', 'blå bananer', '', 'x'.repeat(3000)];

type Move = { kind: 'pick'; index: number } | { kind: 'text'; text: string } | { kind: 'date'; value: string } | { kind: 'action'; action: Action } | { kind: 'locale'; locale: string };

const move: fc.Arbitrary<Move> = fc.oneof(
  { weight: 6, arbitrary: fc.nat(7).map((index) => ({ kind: 'pick' as const, index })) },
  { weight: 2, arbitrary: fc.constantFrom(...TEXTS).map((text) => ({ kind: 'text' as const, text })) },
  { weight: 2, arbitrary: fc.date({ min: new Date('2025-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }).map((d) => ({ kind: 'date' as const, value: d.toISOString().slice(0, 10) })) },
  { weight: 1, arbitrary: fc.constantFrom(...ACTIONS).map((action) => ({ kind: 'action' as const, action })) },
  { weight: 1, arbitrary: fc.constantFrom('da', 'en', 'da-LET').map((locale) => ({ kind: 'locale' as const, locale })) },
);

function toInput(m: Move, prompt: Prompt): Input {
  if (m.kind === 'pick') {
    const choices = 'choices' in prompt ? prompt.choices : [];
    const choice = choices[m.index % Math.max(choices.length, 1)];
    return choice ? { type: 'choice', id: choice.id } : { type: 'text', text: 'ja' };
  }
  if (m.kind === 'text') return { type: 'text', text: m.text };
  if (m.kind === 'date') return { type: 'date', value: m.value };
  if (m.kind === 'action') return { type: 'action', action: m.action };
  return { type: 'locale', locale: m.locale };
}

let bundle: Bundle;
const store = createSqliteSessionStore(':memory:');
beforeAll(async () => {
  const loaded = await loadBundle(ROOT, CONTENT_NAMES);
  if (!loaded.bundle) throw new Error(`The content has errors:\n${loaded.problems.map(formatProblem).join('\n')}`);
  bundle = loaded.bundle;
});
afterAll(() => store.close());

describe('conversation state round trip', () => {
  it('steps the same from a loaded state as from the original', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 1, maxLength: 14 }), async (moves) => {
        const clock = { now: new Date('2026-03-20T10:00:00Z') };
        const id = `roundtrip-${n++}-AAAAAAAAAAAAAAAA`;
        let current = startConversation(bundle, {}, clock);
        let record = await store.create(id, current.state, 60_000);
        for (const m of moves) {
          const input = toInput(m, current.prompt);
          const fromOriginal = step(bundle, current.state, input, clock);
          const fromLoaded = step(bundle, (await store.load(id))!.state, input, clock);
          expect(fromLoaded).toEqual(fromOriginal);
          record = (await store.save(id, fromOriginal.state, record.version, 60_000))!;
          current = fromOriginal;
        }
      }),
      { numRuns: 60 },
    );
  });
});
