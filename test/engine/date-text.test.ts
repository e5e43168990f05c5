/** The one parser of typed dates: the server's (any channel) and the widget's date field. */
import { describe, expect, it } from 'vitest';
import { isoDate, parseDateText } from '../../src/engine/date-text.js';

const TODAY = '2026-04-15';

describe('parseDateText', () => {
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
    expect(parseDateText(text, TODAY)).toBe(iso);
  });

  it('takes the latest such day that is not after today when the year is left out', () => {
    expect(parseDateText('3. marts', TODAY)).toBe('2026-03-03');
    expect(parseDateText('1/12', TODAY)).toBe('2025-12-01');
    expect(parseDateText('15. april', TODAY)).toBe('2026-04-15');
  });

  it.each([
    ['17. November', '2026-11-17', '2026-11-23'],
    ['24/12', '2025-12-24', '2026-11-23'],
    ['24 12', '2025-12-24', '2026-11-23'],
    ['1. december', '2025-12-01', '2026-11-23'],
  ])('reads %j without a year as %s on %s', (text, iso, today) => {
    expect(parseDateText(text, today)).toBe(iso);
  });

  it('reads digits as Arabic phone keyboards type them', () => {
    expect(parseDateText('١٨-١١-٢٠٢٥', TODAY)).toBe('2025-11-18'); // Arabic-Indic
    expect(parseDateText('۱۸/۱۱/۲۰۲۵', TODAY)).toBe('2025-11-18'); // Extended Arabic-Indic (Persian)
    expect(parseDateText('\u200F١٨\u200F/\u200F١١\u200F/\u200F٢٠٢٥', TODAY)).toBe('2025-11-18'); // with direction marks, as pasted
    expect(parseDateText('March 3، 2026', TODAY)).toBe('2026-03-03'); // the Arabic comma
    expect(parseDateText('٣١/٢/٢٠٢٦', TODAY)).toBeUndefined();
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
    expect(parseDateText(text, TODAY)).toBe(iso);
  });

  it('reads "3 3" without a year like "3/3"', () => {
    expect(parseDateText('3 3', TODAY)).toBe('2026-03-03');
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
    '3/3/1899',
    '13/13-2026',
    '2026-02-30',
    'marts',
    '99. marts 2026',
  ])('still refuses %j', (text) => {
    expect(parseDateText(text, TODAY)).toBeUndefined();
  });

  it('knows today and yesterday in both languages', () => {
    expect(parseDateText('i dag', TODAY)).toBe(TODAY);
    expect(parseDateText('i går', TODAY)).toBe('2026-04-14');
    expect(parseDateText('Yesterday', '2026-03-01')).toBe('2026-02-28');
  });

  it.each(['', 'hej', '31/2-2026', '32. marts 2026', '3. smarts 2026', '2026-13-01', '29/2-2025', '3/3-202', '<b>3/3</b>'])(
    'refuses %j',
    (text) => {
      expect(parseDateText(text, TODAY)).toBeUndefined();
    },
  );
});

describe('isoDate', () => {
  it('turns two-digit years into this century and checks the calendar', () => {
    expect(isoDate(26, 3, 3)).toBe('2026-03-03');
    expect(isoDate(2026, 2, 30)).toBeUndefined();
  });
});

