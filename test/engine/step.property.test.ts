import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startConversation, step } from '../../src/engine/index.js';
import type { Input, Prompt, StepResult } from '../../src/engine/types.js';
import { tinyBundle } from './tiny-bundle.js';

const bundle = tinyBundle();

const words = ['ja', 'nej', 'klage', 'tilbage', 'gentag', 'forfra', 'hjælp', 'menneske', '3/11-2026', '1', '7', 'otte', 'Ved ikke', ''];
const input: fc.Arbitrary<Input> = fc.oneof(
  fc.constantFrom('complaint', 'rights', 'bye', 'yes', 'no', 'n1', 'n8', '_more', '3', 'unknown', 'bogus').map((id) => ({ type: 'choice' as const, id })),
  fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 })).map((text) => ({ type: 'text' as const, text })),
  fc.oneof(fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.string({ maxLength: 12 })).map(
    (value) => ({ type: 'date' as const, value }),
  ),
  fc.constantFrom('back', 'restart', 'help', 'human', 'repeat', 'skip').map((action) => ({ type: 'action' as const, action: action as never })),
  fc.constantFrom('da', 'en', 'da-LET', 'xx').map((locale) => ({ type: 'locale' as const, locale })),
);

function isValidPrompt(prompt: Prompt, done: boolean): boolean {
  if (done) return prompt.kind === 'none';
  switch (prompt.kind) {
    case 'choice':
    case 'scale':
      return prompt.choices.length > 0 && prompt.choices.length <= 6 && prompt.choices.every((c) => c.id && c.label);
    case 'date':
    case 'text':
      return true;
    case 'none':
      return false;
  }
}

describe('step never throws and always leaves a way on', () => {
  it('for random input sequences', () => {
    fc.assert(
      fc.property(fc.array(input, { maxLength: 25 }), fc.date({ min: new Date('2024-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }), (inputs, now) => {
        let result: StepResult = startConversation(bundle, {}, { now });
        for (const next of inputs) {
          result = step(bundle, result.state, next, { now });
          expect(isValidPrompt(result.prompt, result.done)).toBe(true);
          expect(JSON.parse(JSON.stringify(result.state))).toEqual(result.state);
          const node = bundle.municipalities.demo!.flows[result.state.flow]?.nodes[result.state.node];
          expect(node).toBeDefined();
        }
      }),
      { numRuns: 300 },
    );
  });
});
