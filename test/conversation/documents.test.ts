/**
 * Documents as downloads: plain text, a printable page, a Word file and a calendar
 * reminder. The pure renderer is tested on a letter with characters that need
 * escaping; the HTTP route on the real content, from the complaint journey.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, loadBundle } from '../../src/content/index.js';
import { escapeIcsText, foldIcsLine } from '../../src/conversation/calendar-ics.js';
import { CONTENT_NAMES } from '../../src/conversation/content-names.js';
import { renderDocument, type DocumentContext, type DocumentReply } from '../../src/conversation/documents.js';
import { templatePlaceholders } from '../../src/engine/template.js';
import type { Bundle, Reply } from '../../src/engine/types.js';
import { buildTestApp } from '../channels/web/app-fixture.js';
import { zipEntries } from './zip-entries.js';

const ROOT = join(import.meta.dirname, '..', '..');
const NOW = new Date('2026-03-20T10:00:00Z');

const letter: DocumentReply = {
  type: 'document',
  key: 'complaint.letter_body',
  id: 'complaint_letter',
  title: 'Klage over afgørelse',
  text: 'Til Nordby Kommune\n\nJeg klager over **afgørelsen** om <hjælp> & støtte.\nSagsnummer: 12; 34, 56\n\nVenlig hilsen\nAda',
  formats: ['txt', 'html', 'docx', 'ics'],
  date: '2026-04-04',
};
const context: DocumentContext = { locale: 'da', dir: 'ltr', municipalityName: 'Nordby Kommune', uidSeed: 'conversation-1/complaint_letter', now: NOW };

/** An iCalendar file as its logical lines: CRLF endings checked, folded lines joined. */
function icsLines(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = ics.slice(0, -2).split('\r\n');
  for (const line of physical) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
  return physical.reduce<string[]>((lines, line) => (line.startsWith(' ') ? [...lines.slice(0, -1), lines.at(-1)! + line.slice(1)] : [...lines, line]), []);
}

function property(lines: string[], name: string): string | undefined {
  return lines.find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));
}

describe('renderDocument', () => {
  it('renders plain text without Markdown', async () => {
    const txt = await renderDocument(letter, 'txt', context);
    expect(txt).toMatchObject({ contentType: 'text/plain; charset=utf-8', filename: 'complaint_letter.txt' });
    expect(txt.body).toContain('Klage over afgørelse\n====');
    expect(txt.body).toContain('Jeg klager over afgørelsen om <hjælp> & støtte.');
  });

  it('renders a printable page with everything escaped, in the locale and direction', async () => {
    const html = await renderDocument(letter, 'html', { ...context, locale: 'ar', dir: 'rtl' });
    expect(html.contentType).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('<html lang="ar" dir="rtl">');
    expect(html.body).toContain('&#60;hjælp&#62; &#38; støtte');
    expect(html.body).not.toContain('<hjælp>');
  });

  it('renders a Word file: a zip with the title and every paragraph in word/document.xml', async () => {
    const docx = await renderDocument(letter, 'docx', context);
    expect(docx.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.filename).toBe('complaint_letter.docx');
    const zip = docx.body as Buffer;
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    const entries = zipEntries(zip);
    expect([...entries.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    const xml = entries.get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('Klage over afgørelse');
    expect(xml).toContain('Jeg klager over afgørelsen om &lt;hjælp&gt; &amp; støtte.');
    expect(xml).toContain('Sagsnummer: 12; 34, 56');
    expect(xml).not.toContain('**');
    expect(entries.get('word/styles.xml')!.toString('utf8')).toContain('w:val="da-DK"');
    expect(entries.get('docProps/core.xml')!.toString('utf8')).toContain('<dc:title>Klage over afgørelse</dc:title>');
  });

  it('sets right-to-left paragraphs in a right-to-left locale', async () => {
    const docx = await renderDocument({ ...letter, title: 'شكوى', text: 'إلى البلدية\n\nمع التحية' }, 'docx', { ...context, locale: 'ar', dir: 'rtl' });
    const xml = zipEntries(docx.body as Buffer).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('<w:bidi/>');
    expect(xml).toContain('<w:rtl/>');
    expect(xml).toContain('مع التحية');
  });

  it('renders a calendar reminder: an all-day event on the date, with an alarm, escaped and folded', async () => {
    const ics = await renderDocument(letter, 'ics', context);
    expect(ics).toMatchObject({ contentType: 'text/calendar; charset=utf-8', filename: 'complaint_letter.ics' });
    const lines = icsLines(ics.body as string);
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines.filter((l) => /^(BEGIN|END):/.test(l))).toEqual(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'BEGIN:VALARM', 'END:VALARM', 'END:VEVENT', 'END:VCALENDAR']);
    expect(property(lines, 'PRODID')).toBeDefined();
    expect(property(lines, 'DTSTART')).toBe('DTSTART;VALUE=DATE:20260404');
    expect(property(lines, 'DTEND')).toBe('DTEND;VALUE=DATE:20260405');
    expect(property(lines, 'DTSTAMP')).toBe('DTSTAMP:20260320T100000Z');
    expect(property(lines, 'SUMMARY')).toBe('SUMMARY;LANGUAGE=da:Klage over afgørelse');
    expect(property(lines, 'DESCRIPTION')).toBe(
      'DESCRIPTION;LANGUAGE=da:Til Nordby Kommune\\n\\nJeg klager over afgørelsen om <hjælp> & støtte.\\nSagsnummer: 12\\; 34\\, 56\\n\\nVenlig hilsen\\nAda',
    );
    expect(lines).toContain('TRIGGER;RELATED=START:PT9H');
    expect(lines).toContain('ACTION:DISPLAY');
  });

  it('derives the UID from the conversation and document, without revealing the conversation id', async () => {
    const uid = async (uidSeed: string) => property(icsLines((await renderDocument(letter, 'ics', { ...context, uidSeed })).body as string), 'UID');
    expect(await uid('conversation-1/complaint_letter')).toBe(await uid('conversation-1/complaint_letter'));
    expect(await uid('conversation-1/complaint_letter')).not.toBe(await uid('conversation-2/complaint_letter'));
    expect(await uid('conversation-1/complaint_letter')).toMatch(/^UID:[0-9a-f]{32}@medspiller$/);
  });

  it('serves only the formats the flow offers, and a calendar reminder only with a date', async () => {
    await expect(renderDocument({ ...letter, formats: ['txt'] }, 'docx', context)).rejects.toMatchObject({ code: 'unknown_document', message: expect.stringContaining('txt') });
    const { date: _none, ...undated } = letter;
    await expect(renderDocument(undated, 'ics', context)).rejects.toMatchObject({ code: 'unknown_document' });
  });
});

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and newlines (RFC 5545 §3.3.11)', () => {
    expect(escapeIcsText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1)', () => {
    const line = `DESCRIPTION:${'æøå'.repeat(40)}`;
    const folded = foldIcsLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
    expect(foldIcsLine('SHORT:line')).toBe('SHORT:line');
  });
});

describe('letters in the real content', () => {
  let bundle: Bundle;
  beforeAll(async () => {
    const loaded = await loadBundle(ROOT, CONTENT_NAMES);
    if (!loaded.bundle) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    bundle = loaded.bundle;
  });

  it("fill in only the citizen's answers to the journey, each with a [bracket] to write in when it was not given", () => {
    const problems: string[] = [];
    for (const [id, place] of Object.entries(bundle.municipalities)) {
      const flows = Object.values(place.flows);
      const computed = new Set(flows.flatMap((f) => Object.values(f.nodes).flatMap((n) => Object.keys(n.compute ?? {}))));
      const documents = flows.flatMap((f) =>
        Object.values(f.nodes).flatMap((n) => (n.say ?? []).flatMap((item) => (typeof item === 'object' && 'document' in item ? [item.document] : []))),
      );
      for (const doc of documents) {
        for (const locale of bundle.locales) {
          for (const key of [doc.title, doc.body]) {
            for (const p of templatePlaceholders(place.texts[locale]?.[key]?.text ?? '')) {
              const where = `${id} ${locale} ${key} {${p.path}}`;
              if (p.path.startsWith('municipality.') || computed.has(p.path.split('.')[0]!)) continue;
              // Contact details were given for an adviser to get in touch, not for letters.
              if (p.path.startsWith('contact_')) problems.push(`${where}: contact details in a letter`);
              else if (!/^\[.+\]$/.test(p.fallback ?? '')) problems.push(`${where}: no [bracket] fallback`);
            }
          }
        }
      }
      expect(documents.map((d) => d.id), id).toEqual(expect.arrayContaining(['complaint_letter', 'reasons_letter', 'access_letter', 'deadline_reminder']));
    }
    expect([...new Set(problems)]).toEqual([]);
  });
});

describe('documents from the real complaint journey, over HTTP', () => {
  let bundle: Bundle;
  let app: FastifyInstance;
  let clock = NOW;

  beforeAll(async () => {
    const loaded = await loadBundle(ROOT, CONTENT_NAMES);
    if (!loaded.bundle) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    bundle = loaded.bundle;
    ({ app } = await buildTestApp({ content: { current: () => bundle }, clock: () => clock }));
  });
  afterAll(async () => {
    await app.close();
  });

  async function complaintUntilDeadline(decisionDate: string, locale = 'da'): Promise<{ id: string; replies: Reply[] }> {
    const started = await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: { flow: 'complaint', locale } });
    const { id } = started.json() as { id: string };
    for (const payload of [{ choice: 'written' }, { choice: 'digital' }]) await app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload });
    const res = await app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload: { date: decisionDate } });
    return { id, replies: (res.json() as { replies: Reply[] }).replies };
  }

  function get(id: string, docId: string, format: string) {
    return app.inject({ method: 'GET', url: `/api/v1/conversations/${id}/documents/${docId}?format=${format}` });
  }

  it('offers a calendar reminder three days before the last day, as an attachment', async () => {
    // Digital Post on Thu 5 Mar 2026 → last day Tue 7 Apr (after Easter); reminder Sat 4 Apr.
    const { id, replies } = await complaintUntilDeadline('2026-03-05');
    const reminder = replies.find((r) => r.type === 'document' && r.id === 'deadline_reminder');
    expect(reminder).toMatchObject({ formats: ['ics'], date: '2026-04-04', title: 'Husk at klage senest 7. april 2026' });
    const res = await get(id, 'deadline_reminder', 'ics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="deadline_reminder.ics"');
    const lines = icsLines(res.body);
    expect(lines.filter((l) => /^(BEGIN|END):/.test(l))).toEqual(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'BEGIN:VALARM', 'END:VALARM', 'END:VEVENT', 'END:VCALENDAR']);
    expect(property(lines, 'VERSION')).toBe('VERSION:2.0');
    expect(property(lines, 'PRODID')).toBeDefined();
    expect(property(lines, 'DTSTART')).toBe('DTSTART;VALUE=DATE:20260404');
    expect(property(lines, 'DTEND')).toBe('DTEND;VALUE=DATE:20260405');
    // The alarm rings at 09:00 on the reminder day, three days before the last day.
    const alarm = lines.slice(lines.indexOf('BEGIN:VALARM'), lines.indexOf('END:VALARM'));
    expect(alarm).toEqual(expect.arrayContaining(['ACTION:DISPLAY', 'TRIGGER;RELATED=START:PT9H', 'DESCRIPTION;LANGUAGE=da:Husk at klage senest 7. april 2026']));
    expect(property(lines, 'SUMMARY')).toBe('SUMMARY;LANGUAGE=da:Husk at klage senest 7. april 2026');
    expect(property(lines, 'DESCRIPTION')).toContain('tirsdag den 7. april 2026. Send klagen til Medspiller Kommune (demo)\\,');
    expect(property(lines, 'UID')).not.toContain(id);
    expect((await get(id, 'deadline_reminder', 'txt')).statusCode).toBe(404);
  });

  it('writes the reminder in the conversation\'s language', async () => {
    const { id } = await complaintUntilDeadline('2026-03-05', 'en');
    const lines = icsLines((await get(id, 'deadline_reminder', 'ics')).body);
    expect(property(lines, 'SUMMARY')).toBe('SUMMARY;LANGUAGE=en-GB:Remember to complain by 7 April 2026');
  });

  it('offers no reminder when the deadline has passed or is today', async () => {
    const late = await complaintUntilDeadline('2026-01-05');
    expect(late.replies.some((r) => r.type === 'document')).toBe(false);
    expect((await get(late.id, 'deadline_reminder', 'ics')).statusCode).toBe(404);
    // Digital Post on Fri 20 Feb → last day Fri 20 Mar, which is today.
    const today = await complaintUntilDeadline('2026-02-20');
    expect(today.replies.some((r) => r.type === 'document')).toBe(false);
  });

  it('serves the complaint letter as text, page and Word file', async () => {
    const { id } = await complaintUntilDeadline('2026-03-05');
    await app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload: { choice: 'letter' } });
    const txt = await get(id, 'complaint_letter', 'txt');
    expect(txt.headers['content-disposition']).toBe('inline; filename="complaint_letter.txt"');
    expect(txt.body).toContain('Jeg klager over kommunens afgørelse af 5. marts 2026');
    expect((await get(id, 'complaint_letter', 'html')).headers['content-type']).toBe('text/html; charset=utf-8');
    const docx = await get(id, 'complaint_letter', 'docx');
    expect(docx.headers['content-disposition']).toBe('attachment; filename="complaint_letter.docx"');
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const xml = zipEntries(docx.rawPayload).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('Klage over afgørelse');
    expect(xml).toContain('Jeg klager over kommunens afgørelse af 5. marts 2026');
    expect(xml).toContain('Til Medspiller Kommune (demo)');
    // Only what the citizen answered is filled in: the rest stays for them to write.
    expect(xml).toContain('[Dit navn]');
    expect(xml).toContain('[Dit CPR-nummer]');
  });

  it('serves the letters asking for reasons (forvaltningsloven kapitel 6) and to see the papers (§ 9) as Word files', async () => {
    const { id } = await complaintUntilDeadline('2026-03-05');
    for (const choice of ['letter', 'reasons']) await app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload: { choice } });
    const reasons = zipEntries((await get(id, 'reasons_letter', 'docx')).rawPayload).get('word/document.xml')!.toString('utf8');
    expect(reasons).toContain('Jeg beder om at få afgørelsen på skrift med en begrundelse.');

    const started = await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: { flow: 'rights' } });
    const rights = (started.json() as { id: string }).id;
    for (const choice of ['self', 'papers', 'letter']) await app.inject({ method: 'POST', url: `/api/v1/conversations/${rights}/turns`, payload: { choice } });
    const access = zipEntries((await get(rights, 'access_letter', 'docx')).rawPayload).get('word/document.xml')!.toString('utf8');
    expect(access).toContain('Jeg beder om aktindsigt efter forvaltningslovens § 9.');
  });
});
