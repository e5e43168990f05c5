/**
 * The string table as CSV (RFC 4180: CRLF line ends, a field with a comma, a quote
 * or a line break is quoted, quotes inside are doubled), for a spreadsheet:
 *
 *   key,da,<locale>,context,note,legal_source
 *
 * The translator fills in the <locale> column. Reading accepts LF line ends and a
 * UTF-8 byte order mark (as spreadsheets save them) and finds columns by header.
 *
 * Pure.
 */
import type { StringUnit } from './string-table.js';
import type { ReadTranslations } from './translations.js';

const HEADER_KEY = 'key';

function field(value: string | undefined): string {
  const text = value ?? '';
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(units: StringUnit[], locale: string): string {
  const header = [HEADER_KEY, 'da', locale, 'context', 'note', 'legal_source'];
  const rows = units.map((u) => [u.id, u.source, u.target, u.context, u.note, u.legalSource]);
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Rows of fields, each with the line it starts on. Throws on an unclosed quote. */
export function parseCsv(text: string): Array<{ line: number; fields: string[] }> {
  const input = text.replace(/^\uFEFF/, '');
  const rows: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let current = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < input.length; i++) {
    const char = input[i]!;
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        current += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        current += char;
      }
    } else if (char === '"' && current === '') quoted = true;
    else if (char === ',') {
      fields.push(current);
      current = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++;
      fields.push(current);
      rows.push({ line: rowLine, fields });
      [fields, current] = [[], ''];
      rowLine = ++line;
    } else current += char;
  }
  if (quoted) throw new Error(`line ${rowLine}: a quoted field is not closed`);
  if (current !== '' || fields.length > 0) rows.push({ line: rowLine, fields: [...fields, current] });
  return rows.filter((row) => row.fields.some((f) => f !== ''));
}

export function readCsvTranslations(text: string, locale: string): ReadTranslations {
  const rows = parseCsv(text);
  const [header, ...body] = rows;
  const keyColumn = header?.fields.indexOf(HEADER_KEY) ?? -1;
  const targetColumn = header?.fields.indexOf(locale) ?? -1;
  if (!header || keyColumn < 0 || targetColumn < 0) {
    const found = header ? header.fields.join(', ') : 'nothing';
    return { entries: [], errors: [`line 1: the header must name the columns "${HEADER_KEY}" and "${locale}" (found: ${found})`] };
  }
  const entries = body.map(({ line, fields }) => ({ where: `line ${line}`, id: (fields[keyColumn] ?? '').trim(), text: fields[targetColumn] ?? '' }));
  return { entries, errors: [] };
}
