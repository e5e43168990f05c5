/**
 * The survey report as a plain-text table for the terminal (`medspiller survey`):
 * one line per question with each group's mean and n, the national figures and
 * the gaps. Suppressed figures show as "<5" or "hidden". Pure.
 */
import type { GroupCell } from './suppression.js';
import type { SurveyReport } from './survey-report.js';

const HEADERS = ['question', 'citizens', 'caseworkers', 'managers', 'national c/cw/m', 'gap cw', 'gap m', 'national gap cw/m'];

const one = (value: number) => value.toFixed(1);
const signed = (value: number | null, digits = 2) => (value === null ? '-' : `${value > 0 ? '+' : ''}${value.toFixed(digits)}`);

function cell(group: GroupCell): string {
  if (group.mean !== null && typeof group.n === 'number') return `${group.mean.toFixed(2)} (n ${group.n})`;
  return group.n === '<5' ? '<5' : 'hidden';
}

function describe(report: SurveyReport): string[] {
  const { period } = report;
  const range = period.quarters.length ? `${period.quarters[0]} to ${period.quarters.at(-1)} (${period.from} to ${period.to})` : 'no ended quarter in this range';
  return [
    `${report.municipality.name} (${report.municipality.id}): ${range}, ${report.area ? `area ${report.area}` : 'all areas'}`,
    `Means on the 0-3 scale with n; groups with fewer than ${report.minimumGroupSize} answers are not shown ("<5"), nor figures that would give such a group away ("hidden").`,
    `"Ved ikke" and skipped questions are not counted. The running quarter (${period.running}) is left out until it ends.`,
    `National: ${report.baseline.label}. Gap = staff mean minus citizens' mean. For many_caseworkers a high score is bad.`,
  ];
}

export function surveyReportTable(report: SurveyReport): string {
  const rows = report.questions.map((q) => [
    `${q.key}${q.highIsNegative ? ' (high = bad)' : ''}${q.selected ? '' : ' (no longer asked)'}`,
    cell(q.citizens),
    cell(q.caseworkers),
    cell(q.managers),
    `${one(q.national.citizens)}/${one(q.national.caseworkers)}/${one(q.national.managers)}`,
    signed(q.gaps.local.caseworkers),
    signed(q.gaps.local.managers),
    `${signed(q.gaps.national.caseworkers, 1)}/${signed(q.gaps.national.managers, 1)}`,
  ]);
  const widths = HEADERS.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((text, i) => text.padEnd(widths[i]!)).join('  ').trimEnd();
  return [...describe(report), '', line(HEADERS), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
