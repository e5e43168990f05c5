/**
 * The survey report as CSV (RFC 4180, UTF-8 with a byte-order mark so
 * spreadsheet programs read æøå): one row per question, the same numbers as the
 * JSON report. A suppressed n is "<5", or empty when it is hidden to protect
 * another cell; a suppressed mean or gap is empty. Decimal point: ".".
 *
 * Pure.
 */
import type { GroupCell } from './suppression.js';
import type { QuestionReport, SurveyReport } from './survey-report.js';

export const CSV_COLUMNS = [
  'municipality',
  'period_from',
  'period_to',
  'area',
  'question',
  'selected',
  'high_is_negative',
  'citizens_n',
  'citizens_mean',
  'caseworkers_n',
  'caseworkers_mean',
  'managers_n',
  'managers_mean',
  'national_citizens',
  'national_caseworkers',
  'national_managers',
  'gap_caseworkers',
  'gap_managers',
  'national_gap_caseworkers',
  'national_gap_managers',
  'question_text_citizen',
  'question_text_staff',
] as const;

const BOM = '\uFEFF';

function field(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  // A text starting like a formula would run as one in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cellFields(cell: GroupCell): Array<string | number | null> {
  return [cell.n, cell.mean];
}

function row(report: SurveyReport, q: QuestionReport): string {
  const values: Array<string | number | boolean | null> = [
    report.municipality.id,
    report.period.from,
    report.period.to,
    report.area ?? 'all',
    q.key,
    q.selected,
    q.highIsNegative,
    ...cellFields(q.citizens),
    ...cellFields(q.caseworkers),
    ...cellFields(q.managers),
    q.national.citizens,
    q.national.caseworkers,
    q.national.managers,
    q.gaps.local.caseworkers,
    q.gaps.local.managers,
    q.gaps.national.caseworkers,
    q.gaps.national.managers,
    q.text.citizen,
    q.text.staff,
  ];
  return values.map(field).join(',');
}

export function surveyReportCsv(report: SurveyReport): string {
  return `${BOM}${[CSV_COLUMNS.join(','), ...report.questions.map((q) => row(report, q))].join('\r\n')}\r\n`;
}

export function surveyCsvFilename(report: SurveyReport): string {
  const period = report.period.from && report.period.to ? `${report.period.from}_${report.period.to}` : 'no-period';
  return `medspiller-survey-${report.municipality.id}-${period}-${report.area ?? 'all'}.csv`;
}
