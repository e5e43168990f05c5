import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../src/survey/report-period.js';
import { CSV_COLUMNS, surveyCsvFilename, surveyReportCsv } from '../../src/survey/report-csv.js';
import { buildSurveyReport, type SurveyReport } from '../../src/survey/survey-report.js';
import type { GroupCell } from '../../src/survey/suppression.js';
import { parseCsv } from './csv-parse.js';
import { answers, baseline, fixtureBundle, fixturePlace, repeat } from './survey-fixtures.js';

function sampleReport(): SurveyReport {
  const place = fixturePlace();
  place.texts.da!['survey.staff.influence'] = { text: '=Har borgerne "indflydelse", på noget?\nNy linje' };
  const counts = [
    ...answers('citizen', 'adult_disability', '2026-W03', 'influence', [3, 2, 2, 1, 0]),
    ...answers('caseworker', 'adult_disability', '2026-W05', 'influence', [3, 3, 2, 2, 2, 2]),
    ...answers('manager', 'health', '2026-W05', 'influence', [3, 3]),
    ...answers('citizen', 'health', '2026-W06', 'coordination', repeat(1, 7)),
  ];
  const { indexes, period } = resolvePeriod({}, '2026-11-23');
  return buildSurveyReport({ bundle: fixtureBundle(place), place, baseline, counts, quarters: indexes, period });
}

const cellBack = (n: string, mean: string): GroupCell =>
  n === '<5' ? { n: '<5', mean: null, suppressed: 'fewer_than_5' } : n === '' ? { n: null, mean: null, suppressed: 'protects_other_cell' } : { n: Number(n), mean: Number(mean) };
const numberOrNull = (text: string) => (text === '' ? null : Number(text));

describe('survey report as CSV', () => {
  it('parses back to the same numbers as the JSON report', () => {
    const report = sampleReport();
    const rows = parseCsv(surveyReportCsv(report));
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(report.questions.length);
    rows.forEach((row, i) => {
      const q = report.questions[i]!;
      expect(row.question).toBe(q.key);
      expect(cellBack(row.citizens_n!, row.citizens_mean!)).toEqual(q.citizens);
      expect(cellBack(row.caseworkers_n!, row.caseworkers_mean!)).toEqual(q.caseworkers);
      expect(cellBack(row.managers_n!, row.managers_mean!)).toEqual(q.managers);
      expect([row.national_citizens, row.national_caseworkers, row.national_managers].map(Number)).toEqual([
        q.national.citizens,
        q.national.caseworkers,
        q.national.managers,
      ]);
      expect([row.gap_caseworkers, row.gap_managers].map((t) => numberOrNull(t!))).toEqual([q.gaps.local.caseworkers, q.gaps.local.managers]);
      expect([row.national_gap_caseworkers, row.national_gap_managers].map(Number)).toEqual([q.gaps.national.caseworkers, q.gaps.national.managers]);
      expect(row.period_from).toBe('2025-W40');
      expect(row.area).toBe('all');
    });
    const influence = rows.find((r) => r.question === 'influence')!;
    expect([influence.citizens_mean, influence.caseworkers_mean, influence.gap_caseworkers]).toEqual(['1.6', '2.33', '0.73']);
  });

  it('quotes commas, quotes and line breaks, and defuses text that looks like a formula', () => {
    const influence = parseCsv(surveyReportCsv(sampleReport())).find((r) => r.question === 'influence')!;
    expect(influence.question_text_staff).toBe(`'=Har borgerne "indflydelse", på noget?\nNy linje`);
  });

  it('starts with a byte-order mark and names the file after municipality, period and area', () => {
    const report = sampleReport();
    expect(surveyReportCsv(report).startsWith('\uFEFFmunicipality,')).toBe(true);
    expect(surveyCsvFilename(report)).toBe('medspiller-survey-demo-2025-W40_2026-W39-all.csv');
  });
});
