/**
 * A calendar reminder as an iCalendar file (RFC 5545): one all-day VEVENT on the
 * reminder day with a VALARM at 09:00 that day. Lines end in CRLF, are folded at 75
 * octets (never inside a UTF-8 character), and text values are escaped.
 *
 * The UID is derived from the conversation id and the document id with SHA-256, so
 * downloading the reminder twice updates one calendar entry, and the conversation id
 * (the key to the conversation) never leaves the server inside a calendar file.
 *
 * Pure: `now` (for DTSTAMP) is an argument.
 */
import { createHash } from 'node:crypto';

export interface CalendarReminder {
  /** The day of the reminder, YYYY-MM-DD (an all-day event). */
  date: string;
  summary: string;
  description: string;
  /** A language tag for the texts, e.g. "da", "en", "ar". */
  language: string;
  /** Unique per conversation and document, e.g. `${conversationId}/${docId}`; hashed into the UID. */
  uidSeed: string;
  now: Date;
}

const MAX_LINE_OCTETS = 75;
const ALARM_TIME = 'PT9H';

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, newlines as \n. */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** Folds a content line (RFC 5545 §3.1): at most 75 octets a line, continuation lines start with a space. */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function basicDate(iso: string): string {
  return iso.replace(/-/g, '');
}

function nextDay(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function utcStamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

export function reminderIcs(reminder: CalendarReminder): string {
  const uid = createHash('sha256').update(reminder.uidSeed).digest('hex').slice(0, 32);
  const lang = `LANGUAGE=${reminder.language}`;
  const summary = escapeIcsText(reminder.summary);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Medspiller//Medspiller//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${uid}@medspiller`,
    `DTSTAMP:${utcStamp(reminder.now)}`,
    `DTSTART;VALUE=DATE:${basicDate(reminder.date)}`,
    `DTEND;VALUE=DATE:${basicDate(nextDay(reminder.date))}`,
    `SUMMARY;${lang}:${summary}`,
    `DESCRIPTION;${lang}:${escapeIcsText(reminder.description)}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION;${lang}:${summary}`,
    `TRIGGER;RELATED=START:${ALARM_TIME}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
