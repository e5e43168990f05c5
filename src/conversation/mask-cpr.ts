/**
 * Masks Danish CPR numbers in free text before it is kept anywhere: a
 * DDMMYY-XXXX, "DDMMYY XXXX" or ten-digit DDMMYYXXXX whose first six digits are
 * a real date becomes "DDMMYY-****". Between the two parts may stand a hyphen
 * or any dash (a word processor or phone keyboard turns "-" into "–"), with up
 * to two spaces either side, or up to two spaces alone. The birth date stays (a
 * citizen may need it in a letter); the serial digits that identify the person
 * never reach a store or a log. Pure.
 *
 *   maskCpr('mit cpr er 010203-1234') === 'mit cpr er 010203-****'
 *   maskCpr('mit cpr er 010203 – 1234') === 'mit cpr er 010203-****'
 */
// Between the parts: hyphen-minus, the Unicode hyphens and dashes (‐ ‑ ‒ – — ―), minus sign, small and
// full-width hyphen-minus.
const CPR = /(?<!\d)(\d{2})(\d{2})(\d{2})\s{0,2}(?:[-\u2010-\u2015\u2212\uFE63\uFF0D]\s{0,2})?\d{4}(?!\d)/g;

function isDate(day: number, month: number, twoDigitYear: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // A CPR year could be 18xx, 19xx or 20xx: a leap day is real if any of them is a leap year (2000 is).
  const year = twoDigitYear === 0 ? 2000 : 1900 + twoDigitYear;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= lastDay || (month === 2 && day === 29 && twoDigitYear % 4 === 0);
}

export function maskCpr(text: string): string {
  return text.replace(CPR, (match, dd: string, mm: string, yy: string) =>
    isDate(Number(dd), Number(mm), Number(yy)) ? `${dd}${mm}${yy}-****` : match,
  );
}
