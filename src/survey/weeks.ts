/**
 * ISO weeks ("2026-W07") and the quarters the report is built from.
 * A quarter is a fixed block of ISO weeks: Q1 = W01–W13, Q2 = W14–W26,
 * Q3 = W27–W39, Q4 = W40 to the year's last week (W52 or W53).
 *
 * Pure: dates are ISO strings, "today" is always an argument.
 */
import { ISO_WEEK_PATTERN } from '../stores/survey-store.js';

const DAY_MS = 86_400_000;

export interface Quarter {
  /** "2026-Q1" */
  id: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  firstWeek: string;
  lastWeek: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function formatWeek(year: number, week: number): string {
  return `${year}-W${pad(week)}`;
}

/** The ISO week a calendar date ("2026-02-12") falls in. */
export function isoWeekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(day.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const firstThursday = Date.UTC(year, 0, 1) + ((11 - new Date(Date.UTC(year, 0, 1)).getUTCDay()) % 7) * DAY_MS;
  return formatWeek(year, 1 + Math.round((thursday.getTime() - firstThursday) / (7 * DAY_MS)));
}

export function weeksInYear(year: number): number {
  return isoWeekOf(`${year}-12-28`) === formatWeek(year, 53) ? 53 : 52;
}

/** Year and week of a valid ISO week string, or undefined ("2026-W53" is invalid: 2026 has 53 weeks, 2027 has not). */
export function parseWeek(text: string): { year: number; week: number } | undefined {
  if (!ISO_WEEK_PATTERN.test(text)) return undefined;
  const year = Number(text.slice(0, 4));
  const week = Number(text.slice(6));
  return week <= weeksInYear(year) ? { year, week } : undefined;
}

/** Quarters are numbered on one line (year × 4 + quarter − 1) so ranges are plain integer ranges. */
export function quarterIndexOfWeek(week: string): number {
  const parsed = parseWeek(week);
  if (!parsed) throw new Error(`not an ISO week: ${week}`);
  return parsed.year * 4 + Math.min(3, Math.floor((parsed.week - 1) / 13));
}

export function quarterAt(index: number): Quarter {
  const year = Math.floor(index / 4);
  const quarter = ((index % 4) + 1) as Quarter['quarter'];
  const firstWeek = formatWeek(year, (quarter - 1) * 13 + 1);
  const lastWeek = formatWeek(year, quarter === 4 ? weeksInYear(year) : quarter * 13);
  return { id: `${year}-Q${quarter}`, year, quarter, firstWeek, lastWeek };
}

export function quarterOfWeek(week: string): Quarter {
  return quarterAt(quarterIndexOfWeek(week));
}
