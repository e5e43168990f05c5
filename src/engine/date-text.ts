/**
 * Reading the dates citizens type, as 'YYYY-MM-DD': the one parser of the server (for typed answers
 * in any channel) and of the widget's date field, which bundles this file. So it imports nothing: the
 * holiday library of dates.ts would make the widget many times bigger.
 *
 * Accepts what people write in Danish and English: "3. marts 2026", "3/3-2026", "03-03-2026",
 * "3.3.26", "2026-03-03", "3 3 2026", "03032026", "March 3, 2026", "3rd of March 2026",
 * "3. mart 2026", "i dag", "i går", "today", "yesterday", and digits as Arabic keyboards type them
 * ("٣/٣/٢٠٢٦"). Numbers are read day first, as in Denmark. A date that is no real day (or one before
 * 1900, a slip) is refused, never guessed at.
 *
 * Pure (today is an argument).
 */
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

/** How many letters must be added, dropped or changed to make one word the other (Levenshtein). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The month a word names: a name, its beginning from three letters on ("mar", "sept"), or a name
 * misspelt after its first three letters ("mart", "novenber"). No two months begin alike, so a
 * word never names two; a word that only begins like a month ("1. juledag") names none.
 */
function monthOf(word: string): number | undefined {
  if (word.length < 3) return undefined;
  const start = word.slice(0, 3);
  const index = MONTH_NAMES.findIndex((names) =>
    names.some((name) => name.startsWith(start) && (name.startsWith(word) || editDistance(word, name) <= 2)),
  );
  return index < 0 ? undefined : index + 1;
}

const RELATIVE: Record<string, number> = { 'i dag': 0, idag: 0, today: 0, 'i går': -1, igår: -1, yesterday: -1 };

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** The ISO date, or undefined when the parts are not a real calendar day. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const fullYear = year < 100 ? 2000 + year : year;
  const date = new Date(Date.UTC(fullYear, month - 1, day));
  const valid = date.getUTCFullYear() === fullYear && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid && fullYear >= 1900 ? `${pad(fullYear, 4)}-${pad(month)}-${pad(day)}` : undefined;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Without a year people mean the latest such day that is not after today. */
function likelyYear(month: number, day: number, today: string): string | undefined {
  const year = Number(today.slice(0, 4));
  const candidate = isoDate(year, month, day);
  return candidate && candidate <= today ? candidate : isoDate(year - 1, month, day);
}

function fromParts(day: string, month: number | undefined, year: string | undefined, today: string): string | undefined {
  if (!month) return undefined;
  return year ? isoDate(Number(year), month, Number(day)) : likelyYear(month, Number(day), today);
}

/**
 * Arabic-Indic and Extended Arabic-Indic (Persian) digits, as Arabic phone keyboards type them, as 0–9;
 * the Arabic comma as a comma; and no direction marks, which a pasted right-to-left date can carry.
 */
function foldArabic(text: string): string {
  return text
    .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90))
    .replace(/\u060C/g, ',')
    .replace(/[\u200E\u200F\u061C]/g, '');
}

export function parseDateText(text: string, today: string): string | undefined {
  const cleaned = foldArabic(text)
    .trim()
    .toLowerCase()
    .replace(/^(den|d\.|the)\s+/, '')
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\.$/, '');
  if (cleaned in RELATIVE) return addDays(today, RELATIVE[cleaned] ?? 0);

  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(cleaned);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  // "3/3-2026", "3.3.26", "3 3 2026", "3/3 2026": a space alone separates too.
  const numeric = /^(\d{1,2})(?: ?[./-] ?| )(\d{1,2})(?:(?: ?[./-] ?| )(\d{4}|\d{2}))?$/.exec(cleaned);
  if (numeric) return fromParts(numeric[1]!, Number(numeric[2]), numeric[3], today);

  // "03032026" is day, month and year; isoDate refuses it when it is no real day (e.g. "20260303").
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(cleaned);
  if (compact) return isoDate(Number(compact[3]), Number(compact[2]), Number(compact[1]));

  const dayFirst = /^(\d{1,2})(?:\.|st|nd|rd|th)? ?(?:of )?([a-zæøå]+)\.?(?: (\d{4}))?$/.exec(cleaned);
  if (dayFirst) return fromParts(dayFirst[1]!, monthOf(dayFirst[2]!), dayFirst[3], today);

  const monthFirst = /^([a-zæøå]+)\.? (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?$/.exec(cleaned);
  if (monthFirst) return fromParts(monthFirst[2]!, monthOf(monthFirst[1]!), monthFirst[3], today);
  return undefined;
}

