/**
 * Renders a document reply (a letter the citizen can send, a checklist to bring, a
 * reminder of a deadline) as a download: plain text, a printable standalone HTML
 * page, a Word file to edit (docx), or a calendar reminder on the document's date
 * (ics). Only the formats the flow offers for the document are served. Every piece
 * of text is escaped: a document may contain what the citizen typed.
 *
 * Pure apart from the clock and ids passed in the context.
 */
import { intlLocale } from '../engine/dates.js';
import type { DocumentFormat, Reply } from '../engine/types.js';
import { AppError } from '../errors.js';
import { reminderIcs } from './calendar-ics.js';
import { documentDocx } from './document-docx.js';
import { escapeHtml } from '../escape-html.js';

export type DocumentReply = Extract<Reply, { type: 'document' }>;
export const RENDERED_FORMATS = ['txt', 'html', 'docx', 'ics'] as const satisfies readonly DocumentFormat[];
export type RenderedFormat = (typeof RENDERED_FORMATS)[number];

const CONTENT_TYPES: Record<RenderedFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ics: 'text/calendar; charset=utf-8',
};

export interface RenderedDocument {
  contentType: string;
  filename: string;
  body: string | Buffer;
}

export interface DocumentContext {
  locale: string;
  dir: 'ltr' | 'rtl';
  municipalityName: string;
  /** Unique to the conversation and document (hashed into a calendar entry's UID). */
  uidSeed: string;
  now: Date;
}

export async function renderDocument(doc: DocumentReply, format: RenderedFormat, context: DocumentContext): Promise<RenderedDocument> {
  if (!doc.formats.includes(format)) {
    throw new AppError('unknown_document', `The document "${doc.id}" is offered as: ${doc.formats.join(', ')}.`);
  }
  const rendered = (body: string | Buffer): RenderedDocument => ({ contentType: CONTENT_TYPES[format], filename: `${doc.id}.${format}`, body });
  const text = stripMarkdown(doc.text).trim();
  switch (format) {
    case 'txt': {
      const underline = '='.repeat(Math.min(doc.title.length, 72));
      return rendered(`${doc.title}\n${underline}\n\n${text}\n`);
    }
    case 'html':
      return rendered(htmlPage(doc, context));
    case 'docx':
      return rendered(await documentDocx(doc, text, { language: wordLanguage(context.locale), dir: context.dir, municipalityName: context.municipalityName }));
    case 'ics':
      if (!doc.date) throw new AppError('unknown_document', `The document "${doc.id}" has no date for a calendar reminder.`);
      return rendered(reminderIcs({ date: doc.date, summary: doc.title, description: text, language: intlLocale(context.locale), uidSeed: context.uidSeed, now: context.now }));
  }
}

/** Word wants a language with a region for Danish and English; 'da-LET' is Danish. */
function wordLanguage(locale: string): string {
  const language = intlLocale(locale);
  return ({ da: 'da-DK', 'en-GB': 'en-GB' } as Record<string, string>)[language] ?? language;
}

/** The light Markdown of content texts (`**bold**`, `_italic_`) printed as plain text. */
function stripMarkdown(text: string): string {
  return text.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/(^|\W)_([^_]+)_(?=\W|$)/g, '$1$2');
}

function paragraphs(text: string): string {
  return stripMarkdown(text)
    .trim()
    .split(/\n{2,}/)
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

function htmlPage(doc: DocumentReply, { locale, dir, municipalityName }: DocumentContext): string {
  return `<!doctype html>
<html lang="${escapeHtml(locale)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>
  body { font: 1.05rem/1.6 Georgia, "Times New Roman", serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #111; background: #fff; }
  h1 { font-size: 1.5rem; }
  footer { margin-top: 3rem; font-size: 0.85rem; color: #444; }
  @media print { body { margin: 0; max-width: none; } footer { display: none; } }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(doc.title)}</h1>
${paragraphs(doc.text)}
</main>
<footer>${escapeHtml(municipalityName)} · Medspiller</footer>
</body>
</html>
`;
}
