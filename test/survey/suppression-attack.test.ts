/**
 * Suppression must hold against an attacker who downloads every figure the API
 * would publish (every range of quarters, all areas and each area) and combines
 * them linearly: all-areas minus the other areas, a year minus three quarters,
 * and anything cleverer. For random tallies we check that no group of 1–4
 * answers (one cell, or several together) can be solved for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SURVEY_AREAS, type AnswerCount, type SurveyArea } from '../../src/stores/survey-store.js';
import { AtomTable, MINIMUM_GROUP_SIZE, publishedCell } from '../../src/survey/suppression.js';
import { quarterAt } from '../../src/survey/weeks.js';

const QUARTERS = [2026 * 4, 2026 * 4 + 1, 2026 * 4 + 2];
const AREAS: Array<SurveyArea | null> = [...SURVEY_AREAS, null];
/** Atom i = quarter (i / 5) × area (i % 5). */
const ATOMS = QUARTERS.flatMap((q) => AREAS.map((area) => ({ q, area })));

function countsFrom(ns: number[]): AnswerCount[] {
  return ns.flatMap((n, i) =>
    n === 0 ? [] : [{ group: 'citizen' as const, area: ATOMS[i]!.area, week: quarterAt(ATOMS[i]!.q).firstWeek, question: 'influence', value: 2 as const, count: n }],
  );
}

/** Every published figure as a 0/1 vector over the atoms. */
function publishedVectors(table: AtomTable): number[][] {
  const vectors: number[][] = [];
  for (let a = 0; a < QUARTERS.length; a++) {
    for (let b = a; b < QUARTERS.length; b++) {
      const range = QUARTERS.slice(a, b + 1);
      for (const area of [undefined, ...SURVEY_AREAS]) {
        const cell = publishedCell(table, 'citizen', 'influence', range, area);
        if (cell.mean === null) continue;
        vectors.push(ATOMS.map((atom) => (range.includes(atom.q) && (area === undefined || atom.area === area) ? 1 : 0)));
      }
    }
  }
  return vectors;
}

/** Whether `target` is a linear combination of `rows` (Gaussian elimination; small integer matrices). */
function inSpan(rows: number[][], target: number[]): boolean {
  const rank = (m: number[][]) => {
    const a = m.map((r) => [...r]);
    let r = 0;
    for (let c = 0; c < (a[0]?.length ?? 0) && r < a.length; c++) {
      const p = a.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
      if (p < 0) continue;
      [a[r], a[p]] = [a[p]!, a[r]!];
      for (let i = 0; i < a.length; i++) {
        if (i === r) continue;
        const f = a[i]![c]! / a[r]![c]!;
        for (let k = c; k < a[i]!.length; k++) a[i]![k]! -= f * a[r]![k]!;
      }
      r++;
    }
    return r;
  };
  return rank([...rows, target]) === rank(rows);
}

/** Groups of 1–4 answers made of non-empty atoms (empty atoms add nobody, so they are dropped, as an attacker who knew them would). */
function smallGroups(ns: number[]): number[][] {
  const live = ns.map((n, i) => (n > 0 ? i : -1)).filter((i) => i >= 0);
  const groups: number[][] = [];
  const walk = (start: number, chosen: number[], total: number) => {
    if (chosen.length && total < MINIMUM_GROUP_SIZE) groups.push(chosen);
    for (let k = start; k < live.length; k++) {
      const next = total + ns[live[k]!]!;
      if (next < MINIMUM_GROUP_SIZE) walk(k + 1, [...chosen, live[k]!], next);
    }
  };
  walk(0, [], 0);
  return groups;
}

function disclosed(ns: number[]): number[][] {
  const live = ns.map((n, i) => (n > 0 ? i : -1)).filter((i) => i >= 0);
  const restrict = (v: number[]) => live.map((i) => v[i]!);
  const rows = publishedVectors(new AtomTable(countsFrom(ns))).map(restrict);
  if (rows.length === 0) return [];
  return smallGroups(ns).filter((group) => inSpan(rows, restrict(ATOMS.map((_, i) => (group.includes(i) ? 1 : 0)))));
}

describe('suppression against subtraction', () => {
  it('the linear attacker finds what naive suppression would give away', () => {
    // Sanity check of the attacker itself: publishing all-areas and every area of 5+ (rule 1 only)
    // reveals children_family (3 answers) as all − adult − none.
    const ns = ATOMS.map((atom) => (atom.q !== QUARTERS[0] ? 0 : atom.area === 'children_family' ? 3 : atom.area === 'adult_disability' ? 6 : atom.area === null ? 5 : 0));
    const live = ns.map((n, i) => (n > 0 ? i : -1)).filter((i) => i >= 0);
    const naive = [ATOMS.map((a) => (a.q === QUARTERS[0] ? 1 : 0)), ATOMS.map((a) => (a.q === QUARTERS[0] && a.area === 'adult_disability' ? 1 : 0)), ATOMS.map((a) => (a.q === QUARTERS[0] && a.area === null ? 1 : 0))];
    const children = ATOMS.map((a) => (a.q === QUARTERS[0] && a.area === 'children_family' ? 1 : 0));
    expect(inSpan(naive.map((v) => live.map((i) => v[i]!)), live.map((i) => children[i]!))).toBe(true);
    expect(disclosed(ns)).toEqual([]);
  });

  it('no group of 1–4 answers can be computed from the published figures', () => {
    const small = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 9 }));
    fc.assert(
      fc.property(fc.array(small, { minLength: ATOMS.length, maxLength: ATOMS.length }), (ns) => {
        expect(disclosed(ns)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
