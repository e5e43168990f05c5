/**
 * The last day to complain about a social-law decision (retssikkerhedsloven § 67 stk. 1),
 * counted as Ankestyrelsen and Justitsministeriets vejledning nr. 9533 of 2018 describe:
 *
 * - the deadline runs from the day the decision reached the citizen, and that day is not
 *   counted: 4 weeks from a Wednesday ends on a Wednesday;
 * - Digital Post is received the day it is made available; ordinary post 6 weekdays after
 *   the date of the letter (counted here as Monday–Friday that are not public holidays);
 *   Quickpost 2 days after it was sent; when the citizen does not know, the earliest
 *   (Digital Post) is assumed so nobody is told a date that is too late;
 * - a last day on a Saturday, Sunday or public holiday moves to the next working day.
 *
 * Whether grundlovsdag, 24 and 31 December also move a deadline is not settled in the
 * sources we checked, so such a last day is flagged `uncertainDay` for the text to say so.
 *
 * Pure.
 */
import { addDays, addWorkingDays, daysBetween, isIsoDate, nextWorkingDayOnOrAfter } from './dates.js';

export type Delivery = 'digital' | 'paper' | 'quickpost' | 'unknown';

export interface ComplaintDeadline {
  /** The last day to complain (complaints are on time until 23:59 that day). */
  date: string;
  /** The day the decision counts as received. */
  received: string;
  /** Today is after the last day. */
  passed: boolean;
  /** Days from today to the last day (0 on the last day, negative when passed). */
  daysLeft: number;
  /** The last day is grundlovsdag, 24 or 31 December: advise complaining the working day before. */
  uncertainDay: boolean;
  /** The suggested day for a reminder, three days before the last day (never before today). */
  reminder: string;
}

const COMPLAINT_WEEKS = 4;
const PAPER_POST_WEEKDAYS = 6;
const QUICKPOST_DAYS = 2;
const REMINDER_DAYS_BEFORE = 3;
const UNCERTAIN_DAYS = new Set(['06-05', '12-24', '12-31']);

export function receivedDate(letterDate: string, delivery: Delivery): string {
  switch (delivery) {
    case 'paper':
      return addWorkingDays(letterDate, PAPER_POST_WEEKDAYS);
    case 'quickpost':
      return addDays(letterDate, QUICKPOST_DAYS);
    case 'digital':
    case 'unknown':
      return letterDate;
  }
}

export function complaintDeadline(letterDate: string, delivery: Delivery, today: string): ComplaintDeadline {
  const received = receivedDate(letterDate, delivery);
  const date = nextWorkingDayOnOrAfter(addDays(received, COMPLAINT_WEEKS * 7));
  const daysLeft = daysBetween(today, date);
  const reminder = addDays(date, -REMINDER_DAYS_BEFORE);
  return {
    date,
    received,
    passed: daysLeft < 0,
    daysLeft,
    uncertainDay: UNCERTAIN_DAYS.has(date.slice(5)),
    reminder: reminder < today ? today : reminder,
  };
}

export function isDelivery(value: unknown): value is Delivery {
  return value === 'digital' || value === 'paper' || value === 'quickpost' || value === 'unknown';
}

export function isLetterDate(value: unknown): value is string {
  return typeof value === 'string' && isIsoDate(value);
}
