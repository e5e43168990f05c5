/** Danish number and label formatting for the dashboard. Pure. */
import type { GroupCell } from '../../survey/suppression.js';

const oneDecimal = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('da-DK');

export const GROUP_LABELS = { citizens: 'Borgere', caseworkers: 'Sagsbehandlere', managers: 'Ledere' } as const;
export type GroupName = keyof typeof GROUP_LABELS;

export const AREA_LABELS: Record<string, string> = {
  children_family: 'Børn og familie',
  adult_disability: 'Voksne med handicap',
  job_centre: 'Jobcenter',
  health: 'Sundhed',
};

export function formatMean(mean: number): string {
  return oneDecimal.format(mean);
}

/** "+0,7" or "−0,3" (a real minus sign, read out correctly by screen readers). */
export function formatGap(gap: number): string {
  const text = oneDecimal.format(Math.abs(gap));
  return gap > 0 ? `+${text}` : gap < 0 ? `\u2212${text}` : text;
}

export function formatCount(n: number): string {
  return whole.format(n);
}

/** Why a cell has no figure, in words. */
export function suppressedText(cell: GroupCell): string {
  return cell.suppressed === 'protects_other_cell' ? 'skjult, så et andet lille tal ikke kan regnes ud' : 'under 5 svar';
}

export function countText(cell: GroupCell): string {
  if (typeof cell.n === 'number') return formatCount(cell.n);
  return cell.n === '<5' ? 'under 5' : 'skjult';
}

/** "2026-Q1" → "1. kvartal 2026". */
export function quarterLabel(id: string): string {
  const [year, quarter] = id.split('-Q');
  return `${quarter}. kvartal ${year}`;
}
