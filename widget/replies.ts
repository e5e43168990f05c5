/**
 * One DOM element per bot reply (text, checklist, document, link), plus the plain
 * text of a reply for reading aloud. Everything is built with DOM nodes.
 */
import type { Reply } from './api.js';
import { copyText, downloadText, fileName, printCopy } from './doc-actions.js';
import { button, el } from './dom.js';
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
  /** Says something short and polite to everyone (a status message). */
  notify(message: string): void;
}

function sourceLine(legal: LegalSource, ctx: ReplyContext): HTMLElement {
  const name = legal.sourceUrl ? externalLink(legal.sourceUrl, legal.source, ctx.s.newWindow) : legal.source;
  return el('p', { className: 'ms-source' }, `${ctx.s.source}: `, name);
}

function actions(title: string, text: string, ctx: ReplyContext, doc?: DocumentReply): HTMLElement {
  const { s } = ctx;
  const bar = el('div', { className: 'ms-actions' });
  bar.append(
    button(s.copy, () => void copyText(text).then((ok) => ctx.notify(ok ? s.copied : s.copyFailed))),
    button(s.print, () => {
      if (!printCopy(title, text, ctx.lang)) ctx.notify(s.printBlocked);
    }),
  );
  bar.append(
    button(s.download, async () => {
      const served = doc?.formats.includes('txt') ? await ctx.documentText(doc.id) : undefined;
      downloadText(fileName(title), served ?? text);
    }),
  );
  return bar;
}

function checklistText(reply: Extract<Reply, { type: 'checklist' }>): string {
  return [reply.title, '', ...reply.items.map((item) => `- ${plainText(item.text)}`)].join('\n');
}

function renderChecklist(reply: Extract<Reply, { type: 'checklist' }>, ctx: ReplyContext): HTMLElement {
  const list = el('ul', { className: 'ms-checklist' });
  for (const item of reply.items) {
    const li = el('li', {}, renderMarkdown(item.text, ctx.s.newWindow));
    if (item.legal) li.append(sourceLine(item.legal, ctx));
    list.append(li);
  }
  const title = el('h3', {}, reply.title);
  return el('section', { className: 'ms-card' }, title, list, actions(reply.title, checklistText(reply), ctx));
}

function renderDocument(reply: DocumentReply, ctx: ReplyContext): HTMLElement {
  return el(
    'section',
    { className: 'ms-card' },
    el('h3', {}, reply.title),
    el('div', { className: 'ms-letter' }, reply.text),
    actions(reply.title, reply.text, ctx, reply),
  );
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
      return checklistText(reply);
    case 'document':
      return `${reply.title}\n${reply.text}`;
    case 'link':
      return reply.label;
  }
}
