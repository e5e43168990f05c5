import { describe, expect, it } from 'vitest';
import { inputOf, logEntry, upgradeState } from '../../src/engine/log.js';
import type { ConversationState, Input } from '../../src/engine/types.js';

const AT = Date.parse('2026-11-20T10:00:00Z');

const INPUTS: Input[] = [
  { type: 'start' },
  { type: 'start', flow: 'complaint' },
  { type: 'start', keep: { survey_offered: true } },
  { type: 'start', flow: 'complaint', keep: { survey_offered: true } },
  { type: 'choice', id: 'complaint' },
  { type: 'text', text: 'Jeg vil klage — "nu"' },
  { type: 'date', value: '2026-11-03' },
  { type: 'action', action: 'skip' },
  { type: 'locale', locale: 'da-LET' },
];

describe('conversation log entries', () => {
  it.each(INPUTS)('keeps %j through an entry and back, with its time', (input) => {
    const entry = logEntry(input, AT);
    expect(entry[0]).toBe(AT);
    expect(inputOf(JSON.parse(JSON.stringify(entry)))).toEqual(input);
  });

  it('is a flat array: no object per entry unless slots are kept over a restart', () => {
    expect(JSON.stringify(logEntry({ type: 'text', text: 'Klage' }, AT))).toBe(`[${AT},"text","Klage"]`);
    expect(JSON.stringify(logEntry({ type: 'start' }, AT))).toBe(`[${AT},"start"]`);
  });
});

describe('upgradeState', () => {
  const v2: ConversationState = {
    v: 2,
    flow: 'complaint',
    node: 'ask_decision_date',
    slots: { topic: 'complaint' },
    locale: 'da',
    municipality: 'demo',
    contentVersion: '0123456789abcdef',
    log: [[AT, 'start'], [AT + 1000, 'choice', 'complaint']],
    done: false,
  };

  it('turns a version 1 state into the same state with a flat log', () => {
    const v1 = { ...v2, v: 1 as const, log: [{ input: { type: 'start' as const }, at: AT }, { input: { type: 'choice' as const, id: 'complaint' }, at: AT + 1000 }] };
    expect(upgradeState(v1)).toEqual(v2);
  });

  it('upgrades version 1 entries an older instance appended to a version 2 state (rolling deployment)', () => {
    const mixed = { ...v2, log: [...v2.log, { input: { type: 'text' as const, text: 'ja' }, at: AT + 2000 }] };
    expect(upgradeState(mixed)).toEqual({ ...v2, log: [...v2.log, [AT + 2000, 'text', 'ja']] });
  });

  it('leaves a current state as it is', () => {
    expect(upgradeState(v2)).toBe(v2);
  });
});
