/**
 * Small-cell suppression for the survey report. Answers are tallied in atoms:
 * one (group, question, quarter, area) each, where "no area given" is an area
 * of its own. A published figure is a sum of atoms over a range of quarters and
 * either one area or all of them.
 *
 * The rule, per group and question:
 *   1. A figure is shown only when it rests on at least 5 answers.
 *   2. Every unit it is built from must itself hold 0 or at least 5 answers:
 *      for all areas, each quarter's total; for one area, every area's atom
 *      in each quarter of the range (the area asked for and all its siblings).
 *   3. Quarters still running are never included (see report-period.ts).
 *
 * Why 2: any figure an admin can see is then a sum of units that are each empty
 * or hold 5+ answers, so no difference of two figures (all areas minus the other
 * areas, year minus three quarters, this quarter minus last) can isolate fewer
 * than 5 people. Why 3: a figure that grows while the quarter runs would let
 * someone who looks before and after one answer read that answer.
 *
 * "Ved ikke" and skipped answers count in neither n nor the mean.
 * Pure.
 */
import type { AnswerCount, RespondentGroup, SurveyArea } from '../stores/survey-store.js';
import { SURVEY_AREAS } from '../stores/survey-store.js';
import { quarterIndexOfWeek } from './weeks.js';

export const MINIMUM_GROUP_SIZE = 5;
/** Shown instead of n when fewer than MINIMUM_GROUP_SIZE answered. */
export const FEWER_THAN_MINIMUM = '<5';

export type SuppressionReason = 'fewer_than_5' | 'protects_other_cell';

export interface GroupCell {
  /** Answers on the 0–3 scale; '<5' when fewer, null when hidden to protect another cell. */
  n: number | typeof FEWER_THAN_MINIMUM | null;
  mean: number | null;
  suppressed?: SuppressionReason;
}

interface Tally {
  n: number;
  sum: number;
}

/** The areas a figure can be split into: VIVE's four and "not given". */
const AREA_SLOTS: ReadonlyArray<SurveyArea | null> = [...SURVEY_AREAS, null];

/** Tallies of scale answers per (group, question, quarter, area): the atoms. */
export class AtomTable {
  private readonly atoms = new Map<string, Tally>();

  constructor(counts: readonly AnswerCount[]) {
    for (const row of counts) {
      if (row.value === null) continue;
      const key = atomKey(row.group, row.question, quarterIndexOfWeek(row.week), row.area);
      const tally = this.atoms.get(key) ?? { n: 0, sum: 0 };
      tally.n += row.count;
      tally.sum += row.count * row.value;
      this.atoms.set(key, tally);
    }
  }

  atom(group: RespondentGroup, question: string, quarter: number, area: SurveyArea | null): Tally {
    return this.atoms.get(atomKey(group, question, quarter, area)) ?? { n: 0, sum: 0 };
  }

  quarterTotal(group: RespondentGroup, question: string, quarter: number): Tally {
    return addAll(AREA_SLOTS.map((area) => this.atom(group, question, quarter, area)));
  }

  /** Questions with at least one scale answer. */
  questions(): Set<string> {
    return new Set([...this.atoms.keys()].map((key) => key.split('|')[1]!));
  }
}

function atomKey(group: string, question: string, quarter: number, area: SurveyArea | null): string {
  return `${group}|${question}|${quarter}|${area ?? ''}`;
}

function addAll(tallies: Tally[]): Tally {
  return tallies.reduce((a, b) => ({ n: a.n + b.n, sum: a.sum + b.sum }), { n: 0, sum: 0 });
}

const isSafe = (tally: Tally) => tally.n === 0 || tally.n >= MINIMUM_GROUP_SIZE;

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The published cell for one group and question over `quarters`, for one area
 * (`area`) or all areas (`area` undefined), with the suppression rule applied.
 */
export function publishedCell(
  table: AtomTable,
  group: RespondentGroup,
  question: string,
  quarters: readonly number[],
  area: SurveyArea | undefined,
): GroupCell {
  const requested = addAll(
    quarters.map((q) => (area === undefined ? table.quarterTotal(group, question, q) : table.atom(group, question, q, area))),
  );
  if (requested.n < MINIMUM_GROUP_SIZE) return { n: FEWER_THAN_MINIMUM, mean: null, suppressed: 'fewer_than_5' };
  const units = quarters.flatMap((q) =>
    area === undefined ? [table.quarterTotal(group, question, q)] : AREA_SLOTS.map((a) => table.atom(group, question, q, a)),
  );
  if (!units.every(isSafe)) return { n: null, mean: null, suppressed: 'protects_other_cell' };
  return { n: requested.n, mean: round2(requested.sum / requested.n) };
}
