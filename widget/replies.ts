/**
 * One DOM element per bot reply (text, checklist, document, link), plus the plain
 * text of a reply for reading aloud. Everything is built with DOM nodes.
 */
import type { Reply } from './api.js';
import { copyText, downloadText, fileName, printCopy } from './doc-actions.js';
import { button, el, uid } from './dom.js';
import { plainText } from './markdown.js';
import { externalLink, renderMarkdown } from './render-markdown.js';
import type { Strings } from './strings.js';

type LegalSource = NonNullable<Extract<Reply, { type: 'text' }>['legal']>;
type DocumentReply = Extract<Reply, { type: 'document' }>;

export interface ReplyContext {
  s: Strings;
  lang: string;
  /** The server's text version of a document; undefined when it cannot be had. */
  documentText(docId: string): Promise<string | undefined>;
  /** Where the server serves a document as a file (Word, calendar); undefined without a conversation. */
  documentUrl(docId: string, format: 'docx' | 'ics'): string | undefined;
  /** Says something short and polite to everyone (a status message). */
  notify(message: string): void;
}

function sourceLine(legal: LegalSource, ctx: ReplyContext): HTMLElement {
  const name = legal.sourceUrl ? externalLink(legal.sourceUrl, legal.source, ctx.s.newWindow) : legal.source;
  return el('p', { className: 'ms-source' }, `${ctx.s.source}: `, name);
}

/** A download the server makes (Word, calendar): a plain link, so it works without script tricks. */
function fileLink(doc: DocumentReply, format: 'docx' | 'ics', label: string, ctx: ReplyContext): HTMLElement | undefined {
  const href = doc.formats.includes(format) ? ctx.documentUrl(doc.id, format) : undefined;
  return href ? el('a', { className: 'ms-button', href, download: true }, label) : undefined;
}

/** A letter or list as it leaves the widget. */
interface Shareable {
  title: string;
  /** What is copied and downloaded. */
  text: string;
  /** What is printed under the title: the print copy has the title as its heading. */
  body: string;
  doc?: DocumentReply;
}

function actions({ title, text, body, doc }: Shareable, ctx: ReplyContext): HTMLElement {
  const { s } = ctx;
  const bar = el('div', { className: 'ms-actions' });
  const calendar = doc && fileLink(doc, 'ics', s.calendar, ctx);
  // A calendar reminder is for the calendar: copying or printing it helps nobody.
  if (calendar && !doc.formats.some((f) => f === 'txt' || f === 'html')) {
    bar.append(calendar);
    return bar;
  }
  bar.append(
    button(s.copy, () => void copyText(text).then((ok) => ctx.notify(ok ? s.copied : s.copyFailed))),
    button(s.print, () => {
      // The direction the citizen reads the widget in (set from the conversation's locale).
      const dir = getComputedStyle(bar).direction === 'rtl' ? 'rtl' : 'ltr';
      if (!printCopy(title, body, ctx.lang, dir)) ctx.notify(s.printBlocked);
    }),
    button(s.download, async () => {
      const served = doc?.formats.includes('txt') ? await ctx.documentText(doc.id) : undefined;
      downloadText(fileName(title), served ?? text);
    }),
  );
  const word = doc && fileLink(doc, 'docx', s.downloadWord, ctx);
  if (word) bar.append(word);
  if (calendar) bar.append(calendar);
  return bar;
}

/** A card is a region named by its title, so a screen reader can jump between letters and lists. */
function card(title: string, ...content: HTMLElement[]): HTMLElement {
  const id = uid('card');
  return el('section', { className: 'ms-card', 'aria-labelledby': id }, el('h3', { id }, title), ...content);
}

/** The items as the card shows them, each with its legal source under it. */
function checklistBody(reply: Extract<Reply, { type: 'checklist' }>, s: Strings): string {
  return reply.items
    .flatMap((item) => [`- ${plainText(item.text)}`, ...(item.legal ? [`  ${s.source}: ${item.legal.source}`] : [])])
    .join('\n');
}

function checklistText(reply: Extract<Reply, { type: 'checklist' }>, s: Strings): string {
  return `${reply.title}\n\n${checklistBody(reply, s)}`;
}

function renderChecklist(reply: Extract<Reply, { type: 'checklist' }>, ctx: ReplyContext): HTMLElement {
  const list = el('ul', { className: 'ms-checklist' });
  for (const item of reply.items) {
    const li = el('li', {}, renderMarkdown(item.text, ctx.s.newWindow));
    if (item.legal) li.append(sourceLine(item.legal, ctx));
    list.append(li);
  }
  const shared = { title: reply.title, text: checklistText(reply, ctx.s), body: checklistBody(reply, ctx.s) };
  return card(reply.title, list, actions(shared, ctx));
}

function renderDocument(reply: DocumentReply, ctx: ReplyContext): HTMLElement {
  const shared = { title: reply.title, text: reply.text, body: reply.text, doc: reply };
  return card(reply.title, el('div', { className: 'ms-letter' }, reply.text), actions(shared, ctx));
}

export function renderReply(reply: Reply, ctx: ReplyContext): HTMLElement {
  switch (reply.type) {
    case 'text': {
      const message = el('div', { className: 'ms-msg' }, renderMarkdown(reply.text, ctx.s.newWindow));
      if (reply.legal) message.append(sourceLine(reply.legal, ctx));
      return message;
    }
    case 'checklist':
      return renderChecklist(reply, ctx);
    case 'document':
      return renderDocument(reply, ctx);
    case 'link':
      return el('p', { className: 'ms-msg' }, externalLink(reply.href, reply.label, ctx.s.newWindow, 'ms-linkcard'));
  }
}

/** What "Læs op" says for a reply. */
export function replyText(reply: Reply, s: Strings): string {
  switch (reply.type) {
    case 'text':
      return [plainText(reply.text), reply.legal ? `${s.source}: ${reply.legal.source}` : ''].filter(Boolean).join('\n');
    case 'checklist':
      return checklistText(reply, s);
    case 'document':
      return `${reply.title}\n${reply.text}`;
    case 'link':
      return reply.label;
  }
}
