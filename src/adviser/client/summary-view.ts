/**
 * The handover summary on screen, with the adviser's notes, and the ways to
 * hand it over: print (or save as PDF), copy as text, download as a text or
 * HTML file. Also: delete the conversation on the server, and delete the notes.
 */
import type { GuidedStrings } from '../guided-strings.js';
import type { HandoverSummary, SummaryText } from '../summary.js';
import { el, fill, richText } from './dom.js';
import type { StepNote } from './notes.js';
import { summaryTitle, summaryToHtml, summaryToText, type SummaryInput } from './summary-format.js';

export interface SummaryHandlers {
  erase(): Promise<void>;
  clearNotes(): void;
  restart(): void;
  status(message: string): void;
}

function block(id: string, title: string, ...content: Array<Node | false>): HTMLElement {
  const body = content.filter((c): c is Node => c !== false);
  return el('section', { class: 'summary-block', 'aria-labelledby': `${id}-h` }, el('h3', { id: `${id}-h` }, title), ...body);
}

function texts(s: GuidedStrings, list: SummaryText[]): Node {
  if (list.length === 0) return el('p', {}, s.none);
  return el(
    'ul',
    {},
    ...list.map((t) => el('li', {}, richText(t.text), t.legal ? el('p', { class: 'legal' }, `${s.source}: ${t.legal.source} (${s.reviewed} ${t.legal.reviewed})`) : false)),
  );
}

function answersTable(s: GuidedStrings, summary: HandoverSummary): Node {
  if (summary.answers.length === 0) return el('p', {}, s.none);
  const head = el('tr', {}, el('th', { scope: 'col' }, '#'), el('th', { scope: 'col' }, s.question), el('th', { scope: 'col' }, s.answer));
  const rows = summary.answers.map((a) => el('tr', {}, el('td', {}, String(a.step)), el('td', {}, a.question), el('td', {}, a.answer)));
  return el('table', { class: 'summary-answers', id: 'summary-answers' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

function nextSteps(s: GuidedStrings, summary: HandoverSummary): Node {
  if (summary.nextSteps.length === 0) return el('p', {}, s.none);
  return el(
    'ul',
    {},
    ...summary.nextSteps.map((step) =>
      'link' in step
        ? el('li', {}, el('a', { href: step.link.href, target: '_blank', rel: 'noopener noreferrer' }, step.link.label))
        : el('li', {}, step.title ? el('strong', {}, step.title) : false, el('ul', {}, ...step.items.map((it) => el('li', {}, richText(it.text))))),
    ),
  );
}

function download(filename: string, type: string, body: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const link = el('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function toolbar(input: SummaryInput, handlers: SummaryHandlers): HTMLElement {
  const s = input.strings;
  const action = (label: string, id: string, run: () => void | Promise<void>) => {
    const b = el('button', { type: 'button', id }, label);
    b.addEventListener('click', () => void run());
    return b;
  };
  const name = `medspiller-${input.summary.flow ?? 'samtale'}`;
  return el(
    'div',
    { class: 'toolbar', role: 'group', 'aria-label': s.summaryHeading },
    action(s.print, 'print-summary', () => {
      document.body.classList.add('printing-summary');
      window.addEventListener('afterprint', () => document.body.classList.remove('printing-summary'), { once: true });
      window.print();
    }),
    action(s.copy, 'copy-summary', async () => handlers.status((await copyText(summaryToText(input))) ? s.copied : fill(s.error, { message: s.copy }))),
    action(s.downloadText, 'download-text', () => download(`${name}.txt`, 'text/plain;charset=utf-8', summaryToText(input))),
    action(s.downloadHtml, 'download-html', () => download(`${name}.html`, 'text/html;charset=utf-8', summaryToHtml(input))),
    action(s.deleteConversation, 'delete-conversation', handlers.erase),
    action(s.clearNotes, 'clear-notes', handlers.clearNotes),
    action(s.newSession, 'summary-new', handlers.restart),
  );
}

function documentView(s: GuidedStrings, doc: HandoverSummary['documents'][number]): HTMLElement {
  const links = doc.downloads.flatMap((d, i) => [i > 0 ? ' · ' : '', el('a', { href: d.href, target: '_blank', rel: 'noopener' }, fill(s.download, { format: d.format }))]);
  return el('article', {}, el('h4', {}, doc.title), el('div', { class: 'doc-text' }, doc.text), links.length > 0 && el('p', { class: 'downloads' }, ...links));
}

function notesList(notes: StepNote[]): Node {
  return el('ul', { id: 'summary-notes' }, ...notes.map((n) => el('li', {}, el('strong', {}, `${n.step}. ${n.question}`), el('br'), n.text)));
}

export function renderSummary(root: HTMLElement, input: SummaryInput, handlers: SummaryHandlers): void {
  const { summary, strings: s, notes } = input;
  const parts: Array<Node | false> = [
    el('h2', { id: 'summary-h', tabindex: '-1' }, summaryTitle(input)),
    el('p', {}, `${s.date}: ${input.date} · ${fill(s.summaryIntro, { flow: summary.flowTitle ?? '', municipality: summary.municipality })}`),
    toolbar(input, handlers),
    block('sum-answers', s.answersHeading, answersTable(s, summary)),
    block('sum-deadlines', s.deadlinesHeading, el('div', { id: 'summary-deadlines' }, texts(s, summary.deadlines))),
    block('sum-next', s.nextStepsHeading, nextSteps(s, summary)),
    block('sum-docs', s.documentsHeading, ...(summary.documents.length > 0 ? summary.documents.map((d) => documentView(s, d)) : [el('p', {}, s.none)])),
    block('sum-discussed', s.discussedHeading, texts(s, summary.discussed)),
    notes.length > 0 && block('sum-notes', s.notesHeading, notesList(notes)),
    block('sum-sources', s.sourcesHeading, el('ul', {}, ...summary.sources.map((l) => el('li', {}, `${l.source} (${s.reviewed} ${l.reviewed})`)))),
  ];
  root.replaceChildren(...parts.filter((part): part is Node => part !== false));
  root.hidden = false;
  document.getElementById('summary-h')?.focus();
}
