/**
 * Calendar dates as ISO strings ('YYYY-MM-DD'), Danish working days, and
 * reading the dates citizens type. Pure: "today" is always derived from a clock
 * passed in, in Danish time, because a deadline ends at midnight in Denmark.
 */
import Holidays from 'date-holidays';
import { distance } from 'fastest-levenshtein';
import type { Locale } from './types.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A real calendar day written YYYY-MM-DD. Checked by arithmetic: it runs many times a turn, and a Date round trip costs ten times as much. */
export function isIsoDate(value: string): boolean {
  if (!ISO.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Midnight UTC of an ISO date (built from its parts: parsing a date string is several times slower). */
function toUtc(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromUtc(new Date(toUtc(iso).getTime() + days * DAY_MS));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return toUtc(iso).getUTCDay();
}

// Creating an Intl.DateTimeFormat costs far more than formatting with one (about 0.1 ms against 1 µs),
// and the engine asks for "today" on every turn: formatters are made once and reused.
const DANISH_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

const HOUR_MS = 3_600_000;
// Denmark's offset from UTC is always a whole number of hours, so its date only changes at a whole
// UTC hour: the last hour asked about is remembered (formatting is still a few µs a turn otherwise).
let cachedHour = Number.NaN;
let cachedDay = '';

/** The date in Denmark at the clock's instant. */
export function todayInDenmark(now: Date): string {
  const hour = Math.floor(now.getTime() / HOUR_MS);
  if (hour !== cachedHour) {
    cachedDay = DANISH_DAY.format(now);
    cachedHour = hour;
  }
  return cachedDay;
}

const danishHolidays = new Holidays('DK');
const publicHolidaysByYear = new Map<number, Set<string>>();

/** Danish public holidays (helligdage) as the maintained date-holidays library knows them. */
export function isPublicHoliday(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  let days = publicHolidaysByYear.get(year);
  if (!days) {
    days = new Set(
      danishHolidays
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    publicHolidaysByYear.set(year, days);
  }
  return days.has(iso);
}

export function isWorkingDay(iso: string): boolean {
  const day = weekday(iso);
  return day !== 0 && day !== 6 && !isPublicHoliday(iso);
}

export function nextWorkingDayOnOrAfter(iso: string): string {
  let day = iso;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** Counts `count` working days after `iso` (the start day itself is not counted). */
export function addWorkingDays(iso: string, count: number): string {
  let day = iso;
  for (let left = count; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** English readers here live in Denmark: day before month, as on their letters. */
const INTL_REGION: Record<string, string> = { en: 'en-GB' };

/** Intl wants a real language tag: 'da-LET' (easy-read Danish) is Danish to Intl. */
export function intlLocale(locale: Locale): string {
  const language = locale.split('-')[0] ?? 'da';
  if (!/^[a-z]{2,3}$/.test(language)) return 'da';
  return INTL_REGION[language] ?? language;
}

/** Formatted dates, kept: a turn formats the same few dates (the decision, the deadline) in several texts. */
const formattedDates = new Map<string, string>();
const MAX_FORMATTED_DATES = 2_000;

/** 'long' → "mandag den 3. marts 2026", 'short' → "3. marts 2026". */
export function formatDate(iso: string, locale: Locale, style: 'long' | 'short'): string {
  const key = `${locale} ${style} ${iso}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    text = dateFormatter(intlLocale(locale), style).format(toUtc(iso));
    if (formattedDates.size >= MAX_FORMATTED_DATES) formattedDates.clear();
    formattedDates.set(key, text);
  }
  return text;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(intl: string, style: 'long' | 'short'): Intl.DateTimeFormat {
  const key = `${intl} ${style}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' };
    if (style === 'long') options.weekday = 'long';
    formatter = new Intl.DateTimeFormat(intl, options);
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

/** Each month's names in Danish and English; abbreviations are their beginnings ("mar", "sept"). */
const MONTH_NAMES = [
  ['januar', 'january'],
  ['februar', 'february'],
  ['marts', 'march'],
  ['april'],
  ['maj', 'may'],
  ['juni', 'june'],
  ['juli', 'july'],
  ['august'],
  ['september'],
  ['oktober', 'october'],
  ['november'],
  ['december'],
];

/**
 * The month a word names: a name, its beginning from three letters on ("mar", "sept"), or a name
 * misspelt after its first three letters ("mart", "novenber"). No two months begin alike, so a
 * word never names two; a word that only begins like a month ("1. juledag") names none.
 */
function monthOf(word: string): number | undefined {
  if (word.length < 3) return undefined;
  const start = word.slice(0, 3);
  const index = MONTH_NAMES.findIndex((names) =>
    names.some((name) => name.startsWith(start) && (name.startsWith(word) || distance(word, name) <= 2)),
  );
  return index < 0 ? undefined : index + 1;
}

/** The ISO date, or undefined when the parts are no real calendar day (or one before 1900, a slip). */
function isoFromParts(year: number, month: number, day: number): string | undefined {
  const fullYear = year < 100 ? 2000 + year : year;
  const iso = `${String(fullYear).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return fullYear >= 1900 && isIsoDate(iso) ? iso : undefined;
}

/** Without a year, people mean the latest such day that is not in the future. */
function withLikelyYear(month: number, day: number, today: string): string | undefined {
  const thisYear = Number(today.slice(0, 4));
  const candidate = isoFromParts(thisYear, month, day);
  if (candidate && candidate <= today) return candidate;
  return isoFromParts(thisYear - 1, month, day);
}

/**
 * Arabic-Indic and Persian digits (as Arabic keyboards type them) as 0–9, the Arabic comma as a
 * comma, and no direction marks, which a pasted right-to-left date can carry.
 */
function foldArabic(text: string): string {
  return text
    .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90))
    .replace(/\u060C/g, ',')
    .replace(/[\u200E\u200F\u061C]/g, '');
}

/**
 * Reads a date as citizens write it: "2026-03-03", "3/3-2026", "3.3.2026", "03-03-26", "3 3 2026",
 * "03032026", "3. marts 2026", "3. mart 2026", "den 3 marts", "March 3, 2026", "٥/٣/٢٠٢٦".
 * Returns an ISO date, or undefined: a date that is no real day is refused, never guessed at.
 */
export function parseDateInput(text: string, today: string): string | undefined {
  const cleaned = foldArabic(text)
    .trim()
    .toLowerCase()
    .replace(/^(den|d\.|the)\s+/, '')
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ');
  if (isIsoDate(cleaned)) return cleaned;

  // "3/3-2026", "3.3.26", "3 3 2026", "3/3 2026": a space alone separates too.
  const numeric = /^(\d{1,2})(?:\s*[./-]\s*|\s+)(\d{1,2})(?:(?:\s*[./-]\s*|\s+)(\d{2}|\d{4}))?$/.exec(cleaned);
  if (numeric) {
    const [day, month] = [Number(numeric[1]), Number(numeric[2])];
    return numeric[3] ? isoFromParts(Number(numeric[3]), month, day) : withLikelyYear(month, day, today);
  }

  // "03032026" is day, month and year; isoFromParts refuses it when it is no real day (e.g. "20260303").
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(cleaned);
  if (compact) return isoFromParts(Number(compact[3]), Number(compact[2]), Number(compact[1]));

  const dayFirst = /^(\d{1,2})\.?\s*([a-zæøå]+)\.?(?:\s+(\d{4}))?$/.exec(cleaned);
  const monthFirst = /^([a-zæøå]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s+(\d{4}))?$/.exec(cleaned);
  const parts = dayFirst
    ? { day: dayFirst[1], month: dayFirst[2], year: dayFirst[3] }
    : monthFirst
      ? { day: monthFirst[2], month: monthFirst[1], year: monthFirst[3] }
      : undefined;
  const month = parts ? monthOf(parts.month!) : undefined;
  if (!parts || !month) return undefined;
  return parts.year ? isoFromParts(Number(parts.year), month, Number(parts.day)) : withLikelyYear(month, Number(parts.day), today);
}
