/**
 * What the golden transcripts cover, worked out from where each one actually went
 * (the saved conversation state after every step), not from what its file says:
 *
 * - which journeys run from start to end in which locale: the transcript starts in
 *   the menu or in the journey, enters the journey, and later reaches "what next"
 *   (the menu's choose_next, the survey offered there, or goodbye), all in one locale;
 * - the complaint deadlines computed, each with the kind of date it tests (a weekend,
 *   Easter, Christmas, paper post, a passed deadline), and whether the transcript's
 *   header comment names the expected last day, worked out by hand.
 *
 * Pure.
 */
import Holidays from 'date-holidays';

export interface StepRecord {
  flow: string;
  node: string;
  locale: string;
  done: boolean;
}

export interface DeadlineRecord {
  delivery: string;
  decisionDate: string;
  /** The day the decision counts as received, and the last day to complain. */
  received: string;
  date: string;
  passed: boolean;
}

export interface TranscriptRecord {
  file: string;
  /** The comment lines at the top of the file. */
  header: string;
  /** Where the conversation was when it opened, and after every step. */
  steps: StepRecord[];
  deadlines: DeadlineRecord[];
}

export type DeadlineKind = 'weekend' | 'easter' | 'christmas' | 'paper post' | 'passed';

const WEEKS_TO_COMPLAIN = 4;
const danishDays = new Holidays('DK');

function isWhatNext(step: StepRecord): boolean {
  return step.done || step.flow === 'survey' || (step.flow === 'menu' && step.node === 'choose_next');
}

/** `journey locale` for each journey the transcript runs from start to end in one locale. */
export function journeysRun(record: TranscriptRecord, journeys: readonly string[]): string[] {
  const [first] = record.steps;
  if (!first) return [];
  return journeys.flatMap((journey) => {
    if (first.flow !== 'menu' && first.flow !== journey) return [];
    const entered = record.steps.findIndex((s) => s.flow === journey);
    if (entered < 0) return [];
    const ended = record.steps.findIndex((s, i) => i > entered && isWhatNext(s));
    if (ended < 0) return [];
    const locales = new Set(record.steps.slice(0, ended + 1).map((s) => s.locale));
    return locales.size === 1 ? [`${journey} ${first.locale}`] : [];
  });
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The names of Danish public holidays and observances on a day ("Skærtorsdag", "Juleaftensdag" …). */
function holidayNames(iso: string): string[] {
  return (danishDays.isHoliday(new Date(`${iso}T12:00:00Z`)) || []).map((h) => h.name);
}

/** What makes a computed deadline a test case worth having. */
export function deadlineKinds(deadline: DeadlineRecord): DeadlineKind[] {
  const end = addDays(deadline.received, WEEKS_TO_COMPLAIN * 7);
  const day = new Date(`${end}T00:00:00Z`).getUTCDay();
  const names = holidayNames(end).join(' ');
  const kinds: DeadlineKind[] = [];
  if (day === 0 || day === 6) kinds.push('weekend');
  if (/påske|skærtorsdag|langfredag/i.test(names)) kinds.push('easter');
  if (/jul/i.test(names)) kinds.push('christmas');
  if (deadline.delivery === 'paper') kinds.push('paper post');
  if (deadline.passed) kinds.push('passed');
  return kinds;
}

/** "Tuesday 7 April 2026": how a header comment names the last day (a comma after the weekday is allowed). */
export function spelledOut(iso: string): RegExp {
  const date = new Date(`${iso}T00:00:00Z`);
  const part = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(date);
  return new RegExp(`${part({ weekday: 'long' })},? ${date.getUTCDate()} ${part({ month: 'long' })} ${date.getUTCFullYear()}`);
}

/** Each computed deadline whose last day the transcript's header does not work out by hand. */
export function unexplainedDeadlines(record: TranscriptRecord): string[] {
  return record.deadlines
    .filter((d) => !spelledOut(d.date).test(record.header))
    .map((d) => `${record.file}: the header comment should work out the last day, ${spelledOut(d.date).source.replace(',?', '')}`);
}
