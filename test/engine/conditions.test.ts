import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/conditions.js';

const scope = {
  today: '2026-11-23',
  values: {
    delivery: 'paper',
    count: 3,
    decision_date: '2026-11-01',
    deadline: { date: '2026-12-01', passed: false },
    empty: '',
    questions: ['help_needed', 'influence'],
    municipality: { contacts: { borgerraadgiver: null, citizen_service: { phone: '1' } } },
  },
};

describe('evaluate', () => {
  it.each([
    [{ slot: 'delivery', equals: 'paper' }, true],
    [{ slot: 'delivery', equals: 'digital' }, false],
    [{ slot: 'count', equals: '3' }, true],
    [{ slot: 'deadline.passed', equals: false }, true],
    [{ slot: 'delivery', in: ['digital', 'paper'] }, true],
    [{ slot: 'delivery', in: ['quickpost'] }, false],
    [{ slot: 'decision_date', before: 'today' }, true],
    [{ slot: 'decision_date', after: 'today' }, false],
    [{ slot: 'decision_date', before: { slot: 'deadline.date' } }, true],
    [{ slot: 'count', after: 2 }, true],
    [{ slot: 'missing', before: 'today' }, false],
    [{ slot: 'missing', exists: false }, true],
    [{ slot: 'empty', exists: false }, true],
    [{ slot: 'municipality.contacts.borgerraadgiver', exists: true }, false],
    [{ slot: 'municipality.contacts.citizen_service.phone', exists: true }, true],
    [{ slot: 'questions', includes: 'influence' }, true],
    [{ slot: 'questions', includes: 'documents' }, false],
    [{ slot: 'delivery', includes: 'paper' }, false],
    [{ all: [{ slot: 'delivery', equals: 'paper' }, { slot: 'count', equals: 3 }] }, true],
    [{ any: [{ slot: 'delivery', equals: 'x' }, { slot: 'count', equals: 3 }] }, true],
    [{ not: { slot: 'delivery', equals: 'paper' } }, false],
  ] as const)('%j is %s', (condition, expected) => {
    expect(evaluate(condition as never, scope)).toBe(expected);
  });
});
