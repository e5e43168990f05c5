/**
 * The widget's date field: how a date is shown back and what today is on the device. Typed dates are
 * read by the server's own parser, src/engine/date-text.ts, which the widget bundles.
 */
function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** "3. marts 2026" (da) / "3 March 2026" (en): how a date is shown back to the citizen. */
export function formatDate(iso: string, languageTag: string): string {
  return new Intl.DateTimeFormat(languageTag, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

/** Today's date on the citizen's device, as 'YYYY-MM-DD'. */
export function localToday(now: Date): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
