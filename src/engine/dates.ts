/**
 * Calendar dates as ISO strings ('YYYY-MM-DD'), Danish working days, and
 * reading the dates citizens type. Pure: "today" is always derived from a clock
 * passed in, in Danish time, because a deadline ends at midnight in Denmark.
 */
import Holidays from 'date-holidays';
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
