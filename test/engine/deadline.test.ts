import { describe, expect, it } from 'vitest';
import { complaintDeadline, type Delivery } from '../../src/engine/deadline.js';

// Each case worked out by hand from the rules in retssikkerhedsloven § 67 and Ankestyrelsen's
// counting: the received day is not counted, 4 weeks = 28 days, paper post arrives 6 weekdays
// after the letter's date, Quickpost 2 days after, and a weekend or public holiday moves the
// last day to the next working day.
const cases: Array<{ name: string; letter: string; delivery: Delivery; today: string; date: string; received: string }> = [
  // Wed 4 Mar + 28 days = Wed 1 Apr 2026, an ordinary working day.
  { name: 'digital post, plain weeks', letter: '2026-03-04', delivery: 'digital', today: '2026-03-04', date: '2026-04-01', received: '2026-03-04' },
  // Thu 5 Mar + 28 = Thu 2 Apr (skærtorsdag); 3 Apr langfredag, 4–5 Apr weekend/påskedag, 6 Apr 2. påskedag → Tue 7 Apr.
  { name: 'ends in Easter', letter: '2026-03-05', delivery: 'digital', today: '2026-03-06', date: '2026-04-07', received: '2026-03-05' },
  // Digital Post on a Saturday counts that day: Sat 7 Mar + 28 = Sat 4 Apr (Easter weekend) → Tue 7 Apr.
  { name: 'received on a Saturday', letter: '2026-03-07', delivery: 'digital', today: '2026-03-07', date: '2026-04-07', received: '2026-03-07' },
  // Paper post dated Mon 2 Nov: 6 weekdays = Tue 3, Wed 4, Thu 5, Fri 6, Mon 9, Tue 10 Nov; + 28 = Tue 8 Dec.
  { name: 'paper post', letter: '2026-11-02', delivery: 'paper', today: '2026-11-05', date: '2026-12-08', received: '2026-11-10' },
  // Paper dated Tue 31 Mar: Wed 1 Apr (1), 2–3 Apr holidays, weekend, 6 Apr holiday, Tue 7 (2) … Mon 13 Apr (6); + 28 = Mon 11 May.
  { name: 'paper post over Easter', letter: '2026-03-31', delivery: 'paper', today: '2026-04-01', date: '2026-05-11', received: '2026-04-13' },
  // Thu 27 Nov 2025 + 28 = Thu 25 Dec (juledag); 26 Dec 2. juledag; 27–28 weekend → Mon 29 Dec.
  { name: 'ends at Christmas', letter: '2025-11-27', delivery: 'digital', today: '2025-11-28', date: '2025-12-29', received: '2025-11-27' },
  // Quickpost sent Sun 10 May arrives Tue 12 May; + 28 = Tue 9 Jun.
  { name: 'quickpost', letter: '2026-05-10', delivery: 'quickpost', today: '2026-05-12', date: '2026-06-09', received: '2026-05-12' },
  // Mon 27 Apr + 28 = Mon 25 May (2. pinsedag) → Tue 26 May.
  { name: 'ends on whit monday', letter: '2026-04-27', delivery: 'digital', today: '2026-04-28', date: '2026-05-26', received: '2026-04-27' },
  // Unknown delivery counts as Digital Post, the earliest: same as the first case.
  { name: 'unknown delivery counts as digital', letter: '2026-03-04', delivery: 'unknown', today: '2026-03-04', date: '2026-04-01', received: '2026-03-04' },
  // Fri 29 Mar 2024 (langfredag, Digital Post still counts) + 28 = Fri 26 Apr 2024: store bededag is abolished from 2024.
  { name: 'no store bededag from 2024', letter: '2024-03-29', delivery: 'digital', today: '2024-04-01', date: '2024-04-26', received: '2024-03-29' },
  // Fri 7 Apr 2023 + 28 = Fri 5 May 2023, store bededag that year; weekend → Mon 8 May.
  { name: 'store bededag in 2023', letter: '2023-04-07', delivery: 'digital', today: '2023-04-10', date: '2023-05-08', received: '2023-04-07' },
  // Mon 5 Jan + 28 = Mon 2 Feb 2026, long gone on 23 Nov 2026.
  { name: 'deadline passed', letter: '2026-01-05', delivery: 'digital', today: '2026-11-23', date: '2026-02-02', received: '2026-01-05' },
];

describe('complaintDeadline', () => {
  it.each(cases)('$name', ({ letter, delivery, today, date, received }) => {
    const result = complaintDeadline(letter, delivery, today);
    expect(result.date).toBe(date);
    expect(result.received).toBe(received);
    expect(result.passed).toBe(today > date);
  });

  it('counts the days left, and the last day itself is still on time', () => {
    expect(complaintDeadline('2026-03-04', 'digital', '2026-04-01')).toMatchObject({ daysLeft: 0, passed: false });
    expect(complaintDeadline('2026-03-04', 'digital', '2026-04-02')).toMatchObject({ daysLeft: -1, passed: true });
    expect(complaintDeadline('2026-03-04', 'digital', '2026-03-25')).toMatchObject({ daysLeft: 7 });
  });

  it('flags a last day whose status is unverified (24 December, grundlovsdag)', () => {
    // Thu 26 Nov + 28 = Thu 24 Dec 2026: not a public holiday in the library, but unverified for deadlines.
    expect(complaintDeadline('2026-11-26', 'digital', '2026-11-26')).toMatchObject({ date: '2026-12-24', uncertainDay: true });
    // Fri 8 May + 28 = Fri 5 Jun 2026, grundlovsdag.
    expect(complaintDeadline('2026-05-08', 'digital', '2026-05-08')).toMatchObject({ date: '2026-06-05', uncertainDay: true });
    expect(complaintDeadline('2026-03-04', 'digital', '2026-03-04').uncertainDay).toBe(false);
  });

  it('suggests a reminder three days before, never in the past', () => {
    expect(complaintDeadline('2026-03-04', 'digital', '2026-03-04').reminder).toBe('2026-03-29');
    expect(complaintDeadline('2026-03-04', 'digital', '2026-03-31').reminder).toBe('2026-03-31');
  });
});
