/**
 * Which quarters a report covers. The API takes ISO weeks (`from`, `to`); they
 * are widened to whole quarters, and quarters that have not ended yet are left
 * out: a figure that changes while answers come in would let someone who looks
 * before and after a single answer work that answer out. Default: the last
 * four ended quarters.
 *
 * Pure: today's date is an argument.
 */
import { isoWeekOf, parseWeek, quarterAt, quarterIndexOfWeek } from './weeks.js';

/** Ten years: enough for any council report, and keeps the work per request small. */
export const MAX_REPORT_QUARTERS = 40;
const DEFAULT_QUARTERS = 4;

export interface PeriodQuery {
  from?: string;
  to?: string;
}

export interface ReportPeriod {
  /** First week of the first quarter covered, or null when no ended quarter is in range. */
  from: string | null;
  /** Last week of the last quarter covered. */
  to: string | null;
  /** "2026-Q1" … the quarters covered, oldest first. */
  quarters: string[];
  /** The running quarter, not included until it has ended. */
  running: string;
}

export class PeriodError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PeriodError';
  }
}

function weekIndex(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  if (!parseWeek(text)) throw new PeriodError(`${name} must be an ISO week like 2026-W01 (and a week that exists in that year).`);
  return quarterIndexOfWeek(text);
}

/** The quarter indexes (see weeks.ts) a report covers, and how to describe them. */
export function resolvePeriod(query: PeriodQuery, today: string): { indexes: number[]; period: ReportPeriod } {
  const running = quarterIndexOfWeek(isoWeekOf(today));
  const lastEnded = running - 1;
  const requestedFrom = weekIndex(query.from, 'from');
  const requestedTo = weekIndex(query.to, 'to');
  if (requestedFrom !== undefined && requestedTo !== undefined && requestedFrom > requestedTo) {
    throw new PeriodError('from must not be after to.');
  }
  const to = Math.min(requestedTo ?? lastEnded, lastEnded);
  const from = requestedFrom ?? to - (DEFAULT_QUARTERS - 1);
  if (to - from + 1 > MAX_REPORT_QUARTERS) throw new PeriodError(`a report covers at most ${MAX_REPORT_QUARTERS} quarters.`);
  const indexes = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const first = indexes[0];
  const last = indexes.at(-1);
  return {
    indexes,
    period: {
      from: first === undefined ? null : quarterAt(first).firstWeek,
      to: last === undefined ? null : quarterAt(last).lastWeek,
      quarters: indexes.map((i) => quarterAt(i).id),
      running: quarterAt(running).id,
    },
  };
}
