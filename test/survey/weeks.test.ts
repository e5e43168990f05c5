import { describe, expect, it } from 'vitest';
import { resolvePeriod, PeriodError } from '../../src/survey/report-period.js';
import { isoWeekOf, parseWeek, quarterAt, quarterOfWeek, weeksInYear } from '../../src/survey/weeks.js';

describe('ISO weeks', () => {
  it.each([
    ['2026-01-01', '2026-W01'], // a Thursday
    ['2025-12-29', '2026-W01'], // Monday of the same week
    ['2027-01-01', '2026-W53'], // 2026 has 53 weeks
    ['2027-01-04', '2027-W01'],
    ['2021-01-03', '2020-W53'], // a Sunday
    ['2024-12-30', '2025-W01'],
    ['2026-11-23', '2026-W48'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it('knows which years have 53 weeks', () => {
    expect([2020, 2025, 2026, 2027].map(weeksInYear)).toEqual([53, 52, 53, 52]);
    expect(parseWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(parseWeek('2027-W53')).toBeUndefined();
    expect(parseWeek('2026-W00')).toBeUndefined();
    expect(parseWeek('2026-06-01')).toBeUndefined();
  });

  it('cuts a year into quarters of 13 weeks, the last one taking week 53', () => {
    expect(quarterOfWeek('2026-W13').id).toBe('2026-Q1');
    expect(quarterOfWeek('2026-W14').id).toBe('2026-Q2');
    expect(quarterOfWeek('2026-W53').id).toBe('2026-Q4');
    expect(quarterAt(2026 * 4 + 3)).toEqual({ id: '2026-Q4', year: 2026, quarter: 4, firstWeek: '2026-W40', lastWeek: '2026-W53' });
    expect(quarterAt(2025 * 4 + 3).lastWeek).toBe('2025-W52');
  });
});

describe('resolvePeriod', () => {
  const today = '2026-11-23'; // week 48, in the running 2026-Q4

  it('defaults to the last four ended quarters', () => {
    const { period } = resolvePeriod({}, today);
    expect(period).toEqual({
      from: '2025-W40',
      to: '2026-W39',
      quarters: ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'],
      running: '2026-Q4',
    });
  });

  it('widens weeks to whole quarters', () => {
    const { period } = resolvePeriod({ from: '2026-W05', to: '2026-W20' }, today);
    expect(period.quarters).toEqual(['2026-Q1', '2026-Q2']);
    expect([period.from, period.to]).toEqual(['2026-W01', '2026-W26']);
  });

  it('leaves out the running quarter, even when asked for it', () => {
    expect(resolvePeriod({ from: '2026-W27', to: '2026-W48' }, today).period.quarters).toEqual(['2026-Q3']);
    const only = resolvePeriod({ from: '2026-W45' }, today);
    expect(only.indexes).toEqual([]);
    expect(only.period).toMatchObject({ from: null, to: null, quarters: [] });
  });

  it('refuses weeks that do not exist, a reversed range and a range too long', () => {
    expect(() => resolvePeriod({ from: '2027-W53' }, today)).toThrow(PeriodError);
    expect(() => resolvePeriod({ from: 'last year' }, today)).toThrow(/ISO week/);
    expect(() => resolvePeriod({ from: '2026-W20', to: '2026-W10' }, today)).toThrow(/after/);
    expect(() => resolvePeriod({ from: '2010-W01', to: '2026-W01' }, today)).toThrow(/at most/);
  });
});
