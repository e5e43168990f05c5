import { describe, expect, it } from 'vitest';
import type { AnswerCount, SurveyArea } from '../../src/stores/survey-store.js';
import { resolvePeriod } from '../../src/survey/report-period.js';
import { buildSurveyReport, type SurveyReport } from '../../src/survey/survey-report.js';
import { answers, baseline, fixtureBundle, fixturePlace, repeat } from './survey-fixtures.js';

const today = '2026-11-23'; // the running quarter is 2026-Q4

function report(counts: AnswerCount[], query: { from?: string; to?: string; area?: SurveyArea } = {}, place = fixturePlace()): SurveyReport {
  const { indexes, period } = resolvePeriod(query, today);
  return buildSurveyReport({ bundle: fixtureBundle(place), place, baseline, counts, quarters: indexes, period, area: query.area });
}

const question = (r: SurveyReport, key: string) => r.questions.find((q) => q.key === key)!;

describe('survey report: means and gaps', () => {
  const counts = [
    ...answers('citizen', 'adult_disability', '2026-W03', 'influence', [3, 2, 2, 1, 0, null, null]),
    ...answers('caseworker', 'adult_disability', '2026-W05', 'influence', [3, 3, 2, 2, 2, 2]),
    ...answers('manager', 'adult_disability', '2026-W05', 'influence', [3, 3, 3, 3]),
  ];

  it('matches means computed by hand, leaving "Ved ikke" out of n and mean', () => {
    const q = question(report(counts), 'influence');
    expect(q.citizens).toEqual({ n: 5, mean: 1.6 }); // (3+2+2+1+0)/5
    expect(q.caseworkers).toEqual({ n: 6, mean: 2.33 }); // 14/6
    expect(q.managers).toEqual({ n: '<5', mean: null, suppressed: 'fewer_than_5' });
    expect(q.gaps.local).toEqual({ caseworkers: 0.73, managers: null });
  });

  it('adds the national VIVE figures and their gaps', () => {
    const q = question(report(counts), 'influence');
    expect(q.national).toEqual({ citizens: 1.4, caseworkers: 2.3, managers: 2.5 });
    expect(q.gaps.national).toEqual({ caseworkers: 0.9, managers: 1.1 });
    expect(q.text).toEqual({ citizen: 'Har du indflydelse i Demo Kommune?', staff: 'Har borgerne indflydelse?' });
  });

  it("lists the municipality's chosen questions (default five) and any other answered in the period", () => {
    const r = report(counts);
    expect(r.questions.map((q) => [q.key, q.selected])).toEqual([
      ['help_entitled', true],
      ['influence', true],
      ['individual_needs', true],
      ['disability_knowledge', true],
      ['coordination', true],
    ]);
    const chosen = report(counts, {}, fixturePlace({ enabled: true, questions: ['many_caseworkers', 'documents'] }));
    expect(chosen.questions.map((q) => [q.key, q.selected, q.highIsNegative])).toEqual([
      ['many_caseworkers', true, true],
      ['influence', false, false],
      ['documents', true, false],
    ]);
  });

  it('describes the period, the area, the threshold and the source', () => {
    const r = report(counts, { area: 'adult_disability' });
    expect(r.period.quarters).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect(r.area).toBe('adult_disability');
    expect(r.minimumGroupSize).toBe(5);
    expect(r.baseline).toMatchObject({ published: 2021, respondents: { citizens: 1816, caseworkers: 428, managers: 125 } });
  });
});

describe('survey report: suppression', () => {
  it('hides a group of 4 answers and shows one of 5', () => {
    const four = report(answers('citizen', 'health', '2026-W02', 'influence', [3, 2, 1, 0]));
    expect(question(four, 'influence').citizens).toEqual({ n: '<5', mean: null, suppressed: 'fewer_than_5' });
    const five = report(answers('citizen', 'health', '2026-W02', 'influence', [3, 2, 1, 0, 0]));
    expect(question(five, 'influence').citizens).toEqual({ n: 5, mean: 1.2 });
  });

  it('does not count "Ved ikke" towards the 5', () => {
    const r = report(answers('citizen', 'health', '2026-W02', 'influence', [3, 2, 1, 0, null, null]));
    expect(question(r, 'influence').citizens.n).toBe('<5');
  });

  it('shows all areas together but no single area when one area has 1–4 answers', () => {
    const counts = [
      ...answers('citizen', 'children_family', '2026-W02', 'influence', [0, 0, 0]),
      ...answers('citizen', 'adult_disability', '2026-W03', 'influence', repeat(3, 6)),
      ...answers('citizen', null, '2026-W04', 'influence', repeat(2, 5)),
    ];
    const all = question(report(counts), 'influence').citizens;
    expect(all).toEqual({ n: 14, mean: 2 }); // (18 + 10) / 14
    const adult = question(report(counts, { area: 'adult_disability' }), 'influence').citizens;
    // Shown, it would give children_family away: 14 − 6 − 5 = 3 answers, mean (28 − 18 − 10) / 3 = 0.
    expect(adult).toEqual({ n: null, mean: null, suppressed: 'protects_other_cell' });
    expect(question(report(counts, { area: 'children_family' }), 'influence').citizens.n).toBe('<5');
  });

  it('shows a single area when every area has none or at least 5 answers', () => {
    const counts = [
      ...answers('citizen', 'children_family', '2026-W02', 'influence', repeat(1, 5)),
      ...answers('citizen', 'adult_disability', '2026-W03', 'influence', repeat(3, 6)),
    ];
    expect(question(report(counts, { area: 'adult_disability' }), 'influence').citizens).toEqual({ n: 6, mean: 3 });
    expect(question(report(counts, { area: 'children_family' }), 'influence').citizens).toEqual({ n: 5, mean: 1 });
    expect(question(report(counts, { area: 'health' }), 'influence').citizens.n).toBe('<5');
  });

  it('hides a longer period that would give away a quarter of 1–4 answers by subtraction', () => {
    const counts = [
      ...answers('caseworker', 'health', '2026-W02', 'influence', repeat(2, 8)), // 2026-Q1
      ...answers('caseworker', 'health', '2026-W20', 'influence', [0, 0]), // 2026-Q2: two answers
    ];
    const q1 = question(report(counts, { from: '2026-W01', to: '2026-W13' }), 'influence').caseworkers;
    expect(q1).toEqual({ n: 8, mean: 2 });
    const half = question(report(counts, { from: '2026-W01', to: '2026-W26' }), 'influence').caseworkers;
    expect(half).toEqual({ n: null, mean: null, suppressed: 'protects_other_cell' });
  });

  it('keeps answers from the running quarter out of every figure', () => {
    const counts = answers('citizen', 'health', '2026-W45', 'influence', repeat(3, 9));
    const r = report(counts, { from: '2026-W40', to: '2026-W48' });
    expect(r.period.quarters).toEqual([]);
    expect(question(r, 'influence').citizens.n).toBe('<5');
  });
});
