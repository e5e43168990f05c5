import { describe, expect, it } from 'vitest';
import { formatDate, isoDate, localToday, parseDate } from '../../widget/date-input.js';

const TODAY = '2026-04-15';

describe('parseDate', () => {
  it.each([
    ['3. marts 2026', '2026-03-03'],
    ['3 marts 2026', '2026-03-03'],
    ['den 3. marts 2026', '2026-03-03'],
    ['3. mar. 2026', '2026-03-03'],
    ['3/3-2026', '2026-03-03'],
    ['03-03-2026', '2026-03-03'],
    ['3.3.2026', '2026-03-03'],
    ['3/3/26', '2026-03-03'],
    ['2026-03-03', '2026-03-03'],
    ['  3. MARTS 2026 ', '2026-03-03'],
    ['March 3, 2026', '2026-03-03'],
    ['3 March 2026', '2026-03-03'],
    ['3rd of March 2026', '2026-03-03'],
    ['the 3rd March 2026', '2026-03-03'],
    ['17. oktober 2025', '2025-10-17'],
    ['17 october 2025', '2025-10-17'],
    ['1. maj 2026', '2026-05-01'],
    ['29/2-2024', '2024-02-29'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDate(text, TODAY)).toBe(iso);
  });

  it('takes the latest such day that is not after today when the year is left out', () => {
    expect(parseDate('3. marts', TODAY)).toBe('2026-03-03');
    expect(parseDate('1/12', TODAY)).toBe('2025-12-01');
    expect(parseDate('15. april', TODAY)).toBe('2026-04-15');
  });

  it('reads digits as Arabic phone keyboards type them', () => {
    expect(parseDate('١٨-١١-٢٠٢٥', TODAY)).toBe('2025-11-18'); // Arabic-Indic
    expect(parseDate('۱۸/۱۱/۲۰۲۵', TODAY)).toBe('2025-11-18'); // Extended Arabic-Indic (Persian)
    expect(parseDate('\u200F١٨\u200F/\u200F١١\u200F/\u200F٢٠٢٥', TODAY)).toBe('2025-11-18'); // with direction marks, as pasted
    expect(parseDate('March 3، 2026', TODAY)).toBe('2026-03-03'); // the Arabic comma
    expect(parseDate('٣١/٢/٢٠٢٦', TODAY)).toBeUndefined();
  });

  it.each([
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
  ])('reads the common way of writing %j as %s', (text, iso) => {
    expect(parseDate(text, TODAY)).toBe(iso);
  });

  it('reads "3 3" without a year like "3/3"', () => {
    expect(parseDate('3 3', TODAY)).toBe('2026-03-03');
  });

  it.each([
    '32032026', // no 32nd
    '29022025', // 2025 is no leap year
    '20260303', // year first: not read as a day
    '01011899',
    '0303202',
    '31 4 2026',
    '3. ma 2026', // May or March?
    '3. ju 2026', // June or July?
    '1. juledag 2025', // Christmas Day, not 1 July
    '3. marked 2026',
    '3. amrts 2026',
    '32. mart 2026',
  ])('still refuses %j', (text) => {
    expect(parseDate(text, TODAY)).toBeUndefined();
  });

  it('knows today and yesterday in both languages', () => {
    expect(parseDate('i dag', TODAY)).toBe(TODAY);
    expect(parseDate('i går', TODAY)).toBe('2026-04-14');
    expect(parseDate('Yesterday', '2026-03-01')).toBe('2026-02-28');
  });

  it.each(['', 'hej', '31/2-2026', '32. marts 2026', '3. smarts 2026', '2026-13-01', '29/2-2025', '3/3-202', '<b>3/3</b>'])(
    'refuses %j',
    (text) => {
      expect(parseDate(text, TODAY)).toBeUndefined();
    },
  );
});

describe('isoDate', () => {
  it('turns two-digit years into this century and checks the calendar', () => {
    expect(isoDate(26, 3, 3)).toBe('2026-03-03');
    expect(isoDate(2026, 2, 30)).toBeUndefined();
  });
});

describe('formatDate and localToday', () => {
  it('shows dates as the server writes them in each language', () => {
    expect(formatDate('2026-03-03', 'da')).toBe('3. marts 2026');
    expect(formatDate('2026-03-03', 'en')).toBe('March 3, 2026');
  });

  it('gives the device date as YYYY-MM-DD', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('reads back what it formats', () => {
    expect(parseDate(formatDate('2025-11-30', 'da'), TODAY)).toBe('2025-11-30');
    expect(parseDate(formatDate('2025-11-30', 'en'), TODAY)).toBe('2025-11-30');
  });
});
