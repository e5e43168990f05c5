import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  formatDate,
  isIsoDate,
  isPublicHoliday,
  parseDateInput,
  todayInDenmark,
} from '../../src/engine/dates.js';

describe('parseDateInput', () => {
  const today = '2026-11-23';
  it.each([
    ['2026-03-03', '2026-03-03'],
    ['3/3-2026', '2026-03-03'],
    ['3/3/2026', '2026-03-03'],
    ['03-03-2026', '2026-03-03'],
    ['3.3.2026', '2026-03-03'],
    ['3.3.26', '2026-03-03'],
    ['3. marts 2026', '2026-03-03'],
    ['٣/٣/٢٠٢٦', '2026-03-03'], // Arabic-Indic digits, as Arabic keyboards type them
    ['۳.۳.۲۰۲۶', '2026-03-03'], // Persian digits
    ['\u200F٣\u200F/\u200F٣\u200F/\u200F٢٠٢٦', '2026-03-03'], // with direction marks, as pasted
    ['March 3، 2026', '2026-03-03'], // the Arabic comma
    ['den 3. marts 2026', '2026-03-03'],
    ['3 marts 2026', '2026-03-03'],
    ['3. mar. 2026', '2026-03-03'],
    ['March 3, 2026', '2026-03-03'],
    ['3 march 2026', '2026-03-03'],
    ['17. November', '2026-11-17'],
    // Without a year: the latest such day that is not in the future.
    ['1. december', '2025-12-01'],
    ['24/12', '2025-12-24'],
    ['24 12', '2025-12-24'],
    // Common Danish ways of writing a date: a space as separator, eight digits, a misspelt month.
    ['3/3 2026', '2026-03-03'],
    ['3 3 2026', '2026-03-03'],
    ['03 03 26', '2026-03-03'],
    ['03032026', '2026-03-03'],
    ['29022024', '2024-02-29'],
    ['3. mart 2026', '2026-03-03'],
    ['3 marst 2026', '2026-03-03'],
    ['17. novenber 2025', '2025-11-17'],
    ['1. sept. 2025', '2025-09-01'],
    ['3. dece 2025', '2025-12-03'],
    ['Febuary 3, 2026', '2026-02-03'],
  ])('reads %s', (text, expected) => {
    expect(parseDateInput(text, today)).toBe(expected);
  });

  it.each([
    '',
    'i går',
    '31/2-2026',
    '2026-02-30',
    '13/13-2026',
    'marts',
    '99. marts 2026',
    '32032026', // no 32nd
    '29022025', // 2025 is no leap year
    '20260303', // year first: not read as a day
    '01011899',
    '3/3/1899',
    '0303202',
    '31 4 2026',
    '3. ma 2026', // May or March?
    '3. ju 2026', // June or July?
    '1. juledag 2025', // Christmas Day, not 1 July
    '3. marked 2026',
    '3. amrts 2026',
    '32. mart 2026',
  ])('rejects %j', (text) => {
    expect(parseDateInput(text, today)).toBeUndefined();
  });
});

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
