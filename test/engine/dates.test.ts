import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  formatDate,
  isIsoDate,
  isPublicHoliday,
  todayInDenmark,
} from '../../src/engine/dates.js';

describe('Danish calendar', () => {
  it('knows the public holidays, without store bededag from 2024', () => {
    expect(isPublicHoliday('2026-04-03')).toBe(true); // langfredag
    expect(isPublicHoliday('2026-05-14')).toBe(true); // Kristi himmelfart
    expect(isPublicHoliday('2023-05-05')).toBe(true); // store bededag 2023
    expect(isPublicHoliday('2024-04-26')).toBe(false); // would have been store bededag
    expect(isPublicHoliday('2026-06-05')).toBe(false); // grundlovsdag is not a helligdag
  });

  it('counts working days past weekends and holidays', () => {
    expect(addWorkingDays('2026-11-02', 6)).toBe('2026-11-10');
    expect(addWorkingDays('2026-03-31', 6)).toBe('2026-04-13');
  });

  it('takes today in Danish time, not UTC', () => {
    expect(todayInDenmark(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
    expect(todayInDenmark(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(todayInDenmark(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('changes day at Danish midnight whatever instants came before (the last hour is remembered)', () => {
    // Around the switch to summer time and back, within an hour and across hours, forwards and backwards.
    const cases: Array<[string, string]> = [
      ['2026-03-28T22:59:59Z', '2026-03-28'],
      ['2026-03-28T23:00:00Z', '2026-03-29'],
      ['2026-03-29T00:30:00Z', '2026-03-29'],
      ['2026-03-29T21:59:59Z', '2026-03-29'],
      ['2026-03-29T22:00:00Z', '2026-03-30'],
      ['2026-10-24T21:59:59Z', '2026-10-24'],
      ['2026-10-24T22:00:00Z', '2026-10-25'],
      ['2026-10-25T22:59:59Z', '2026-10-25'],
      ['2026-10-25T23:00:00Z', '2026-10-26'],
      ['2026-10-25T23:00:00Z', '2026-10-26'],
      ['2026-10-25T22:00:00Z', '2026-10-25'],
      ['2026-03-28T23:00:00Z', '2026-03-29'],
    ];
    for (const [instant, day] of cases) expect(todayInDenmark(new Date(instant)), instant).toBe(day);
  });

  it('formats dates per locale, treating easy-read Danish as Danish', () => {
    expect(formatDate('2026-03-03', 'da', 'long')).toBe('tirsdag den 3. marts 2026');
    expect(formatDate('2026-03-03', 'da-LET', 'short')).toBe('3. marts 2026');
    expect(formatDate('2026-03-03', 'en', 'short')).toBe('3 March 2026');
  });

  it('validates ISO dates strictly', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-28')).toBe(false);
  });

  it('knows leap years and the length of every month', () => {
    for (const leap of ['2024-02-29', '2000-02-29', '2400-02-29']) expect(isIsoDate(leap), leap).toBe(true);
    for (const not of ['1900-02-29', '2100-02-29', '2026-02-30']) expect(isIsoDate(not), not).toBe(false);
    for (const month of ['04', '06', '09', '11']) {
      expect(isIsoDate(`2026-${month}-30`)).toBe(true);
      expect(isIsoDate(`2026-${month}-31`)).toBe(false);
    }
    for (const month of ['01', '03', '05', '07', '08', '10', '12']) expect(isIsoDate(`2026-${month}-31`)).toBe(true);
    for (const odd of ['2026-00-10', '2026-13-01', '2026-01-00', '2026-01-32', ' 2026-01-01', '2026-01-01T00:00']) expect(isIsoDate(odd), odd).toBe(false);
  });

  it('formats a date the same when it is asked for again, in another locale or style', () => {
    expect(formatDate('2026-03-03', 'da', 'long')).toBe(formatDate('2026-03-03', 'da', 'long'));
    expect(formatDate('2026-03-03', 'en', 'long')).toBe('Tuesday, 3 March 2026');
    expect(formatDate('2026-03-03', 'da', 'short')).toBe('3. marts 2026');
  });
});
