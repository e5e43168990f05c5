import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskCpr } from '../../src/conversation/mask-cpr.js';

describe('maskCpr', () => {
  it.each([
    ['mit cpr er 010203-1234', 'mit cpr er 010203-****'],
    ['0102031234', '010203-****'],
    ['010203 1234.', '010203-****.'],
    ['a 290200-1234 b 311299-9999', 'a 290200-**** b 311299-****'],
    ['(290296-1234)', '(290296-****)'],
    // The dashes and spaces people and word processors put between the two parts.
    ['cpr 010203–1234', 'cpr 010203-****'], // en dash, as Word turns a typed hyphen into
    ['cpr 010203—1234', 'cpr 010203-****'], // em dash
    ['cpr 010203 — 1234', 'cpr 010203-****'],
    ['cpr 010203 - 1234', 'cpr 010203-****'],
    ['cpr 010203 -1234', 'cpr 010203-****'],
    ['cpr 010203- 1234', 'cpr 010203-****'],
    ['cpr 010203 – 1234.', 'cpr 010203-****.'],
    ['cpr 010203\u20111234', 'cpr 010203-****'], // non-breaking hyphen
    ['cpr 010203\u22121234', 'cpr 010203-****'], // minus sign
    ['cpr 010203\u00a0-\u00a01234', 'cpr 010203-****'], // no-break spaces
    ['cpr 010203  1234', 'cpr 010203-****'],
  ])('masks %j', (text, masked) => expect(maskCpr(text)).toBe(masked));

  it.each([
    'ring på 12345678',
    'afgørelse fra 2026-03-02',
    'sagsnummer 12345678901',
    '320101-1234',
    '011301-1234',
    '300201-1234',
    '290201-1234',
    '9876543210',
    '320101 – 1234',
    '011301 — 1234',
    '010203 – 12345',
    '1010203 – 1234',
    'fra 010203 til 1234',
    'beløb 010203,1234',
  ])('keeps %j (not a CPR number)', (text) => expect(maskCpr(text)).toBe(text));

  it('never leaves the serial digits of a real date-shaped CPR number', () => {
    const cpr = fc
      .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999 }))
      .map(([d, m, y, s]) => ({ prefix: [d, m, y].map((n) => String(n).padStart(2, '0')).join(''), serial: String(s).padStart(4, '0') }));
    fc.assert(
      fc.property(fc.string(), cpr, fc.constantFrom('-', ' ', ''), fc.string(), (before, { prefix, serial }, sep, after) => {
        const text = `${before} ${prefix}${sep}${serial} ${after}`;
        const masked = maskCpr(text);
        expect(masked).toContain(`${prefix}-****`);
        expect(masked).not.toContain(`${prefix}${sep}${serial}`);
      }),
    );
  });

  it('never leaves the serial digits, whichever dash and spaces stand between', () => {
    const spaces = fc.constantFrom('', ' ', '  ', '\u00a0');
    const separator = fc.oneof(
      spaces,
      fc.tuple(spaces, fc.constantFrom('-', '–', '—', '\u2011', '\u2212'), spaces).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 9999 }), separator, (day, month, serial, sep) => {
        const prefix = `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}85`;
        const digits = String(serial).padStart(4, '0');
        expect(maskCpr(`mit nummer er ${prefix}${sep}${digits}, tak`)).toBe(`mit nummer er ${prefix}-****, tak`);
      }),
    );
  });
});
