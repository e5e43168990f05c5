/**
 * One step of a guided session on screen: what Medspiller says (as the citizen
 * would see it), the question with its answer controls, the legal basis of the
 * step beside it, the adviser's private note for the step, and the way back.
 */
import type { TurnBody } from '../../conversation/types.js';
import type { LegalSource, Prompt, Reply } from '../../engine/types.js';
import type { GuidedStrings } from '../guided-strings.js';
import type { AnsweredStep } from '../transcript-answers.js';
import { el, fill, richText } from './dom.js';
import { noteFor, saveNote } from './notes.js';

export interface StepView {
  replies: Reply[];
  prompt: Prompt;
  done: boolean;
}

export interface SessionHandlers {
  answer(body: TurnBody): void;
  back(): void;
  finish(): void;
  restart(): void;
}

export interface StepContext {
  strings: GuidedStrings;
  conversation: string;
  step: number;
  question: string;
  view: StepView;
  history: AnsweredStep[];
  handlers: SessionHandlers;
}

const SAFE_URL = /^(https?:\/\/|mailto:|tel:)/i;

function documentLinks(ctx: StepContext, reply: Extract<Reply, { type: 'document' }>): HTMLElement {
  const links = reply.formats;
  const base = `/api/v1/conversations/${encodeURIComponent(ctx.conversation)}/documents/${encodeURIComponent(reply.id)}`;
  return el('p', {}, ...links.flatMap((format, i) => [i > 0 ? ' · ' : '', el('a', { href: `${base}?format=${format}`, target: '_blank', rel: 'noopener' }, fill(ctx.strings.download, { format }))]));
}

function replyView(ctx: StepContext, reply: Reply): HTMLElement {
  if (reply.type === 'text') return el('div', { class: 'reply' }, richText(reply.text));
  if (reply.type === 'checklist') {
    return el('div', { class: 'reply' }, el('p', {}, el('strong', {}, reply.title)), el('ul', {}, ...reply.items.map((item) => el('li', {}, richText(item.text)))));
  }
  if (reply.type === 'document') {
    return el('div', { class: 'reply' }, el('p', {}, el('strong', {}, reply.title)), el('div', { class: 'doc-text' }, reply.text), documentLinks(ctx, reply));
  }
  const link = SAFE_URL.test(reply.href) ? el('a', { href: reply.href, target: '_blank', rel: 'noopener noreferrer' }, reply.label) : reply.label;
  return el('div', { class: 'reply' }, el('p', {}, link));
}

function legalItems(view: StepView): Array<{ text: string; legal: LegalSource }> {
  return view.replies.flatMap((reply) => {
    if (reply.type === 'text') return reply.legal ? [{ text: reply.text, legal: reply.legal }] : [];
    if (reply.type === 'checklist') return reply.items.flatMap((item) => (item.legal ? [{ text: item.text, legal: item.legal }] : []));
    return [];
  });
}

function excerpt(text: string): string {
  const plain = text.replace(/\*\*|__?/g, '').replace(/\s+/g, ' ').trim();
  return plain.length > 90 ? `${plain.slice(0, 89).trimEnd()}…` : plain;
}

function legalAside(ctx: StepContext): HTMLElement {
  const s = ctx.strings;
  const items = legalItems(ctx.view).map(({ text, legal }) => {
    const source = legal.sourceUrl && /^https?:\/\//.test(legal.sourceUrl) ? el('a', { href: legal.sourceUrl, target: '_blank', rel: 'noopener noreferrer' }, legal.source) : legal.source;
    return el('li', {}, el('strong', {}, source), ` (${s.reviewed} ${legal.reviewed})`, el('br'), el('span', { class: 'excerpt' }, excerpt(text)));
  });
  const note = el('textarea', { id: 'step-note', name: 'step-note', rows: '5' });
  note.value = noteFor(ctx.conversation, ctx.step, ctx.question);
  note.addEventListener('input', () => saveNote(ctx.conversation, ctx.step, ctx.question, note.value));
  return el(
    'aside',
    { class: 'legal', 'aria-labelledby': 'legal-h' },
    el('h3', { id: 'legal-h' }, s.legalHeading),
    items.length > 0 ? el('ul', { id: 'legal-list' }, ...items) : el('p', { id: 'legal-list' }, s.noLegal),
    el('label', { for: 'step-note' }, fill(s.notesLabel, { n: ctx.step })),
    el('p', { class: 'privacy', id: 'note-hint' }, s.privacy),
    note,
  );
}

function button(label: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

function valueForm(ctx: StepContext, input: HTMLInputElement | HTMLTextAreaElement, label: string, toBody: (value: string) => TurnBody, optional: boolean): HTMLElement {
  const s = ctx.strings;
  const form = el('form', { class: 'answer-row', id: 'answer-form' }, el('div', { class: 'field' }, el('label', { for: input.id }, label), input), el('button', { type: 'submit', class: 'primary' }, s.send));
  if (optional) form.append(button(s.skip, () => ctx.handlers.answer({ action: 'skip' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.handlers.answer(toBody(input.value));
  });
  return form;
}

function promptView(ctx: StepContext): HTMLElement {
  const { prompt } = ctx.view;
  const s = ctx.strings;
  if (prompt.kind === 'choice' || prompt.kind === 'scale') {
    const choices = prompt.choices.map((c) => el('li', {}, button(c.label, () => ctx.handlers.answer({ choice: c.id }), { class: 'choice', 'data-choice': c.id })));
    return el('ul', { class: 'choices', 'aria-labelledby': 'step-question' }, ...choices);
  }
  if (prompt.kind === 'date') {
    const input = el('input', { type: 'date', id: 'answer-date', name: 'date', required: true });
    if (prompt.max) input.max = prompt.max;
    if (prompt.min) input.min = prompt.min;
    return valueForm(ctx, input, prompt.question ?? s.dateLabel, (value) => ({ date: value }), false);
  }
  if (prompt.kind === 'text') {
    const long = (prompt.maxLength ?? 0) > 200;
    const input = long ? el('textarea', { id: 'answer-text', name: 'text', rows: '3' }) : el('input', { type: 'text', id: 'answer-text', name: 'text', autocomplete: 'off' });
    if (prompt.maxLength) input.maxLength = prompt.maxLength;
    return valueForm(ctx, input, prompt.question ?? s.textLabel, (value) => ({ text: value }), prompt.optional === true);
  }
  return el('p', { class: 'done' }, s.done);
}

function historyView(ctx: StepContext): HTMLElement {
  const items = ctx.history.map((a) => el('li', {}, `${a.question} `, el('span', { class: 'citizen' }, `${ctx.strings.citizen}: ${a.answer}`)));
  return el('details', { class: 'history' }, el('summary', {}, ctx.strings.historyHeading), items.length > 0 ? el('ol', {}, ...items) : el('p', {}, ctx.strings.none));
}

export function renderStep(root: HTMLElement, ctx: StepContext): void {
  const s = ctx.strings;
  const { prompt } = ctx.view;
  const question = 'question' in prompt && prompt.question && prompt.kind !== 'date' && prompt.kind !== 'text' ? el('p', { class: 'question', id: 'step-question' }, prompt.question) : el('span', { id: 'step-question', hidden: true });
  const conversation = el(
    'div',
    { class: 'conversation' },
    el('h2', { id: 'step-h', tabindex: '-1' }, fill(s.stepHeading, { n: ctx.step })),
    el('div', { id: 'replies' }, ...ctx.view.replies.map((reply) => replyView(ctx, reply))),
    question,
    promptView(ctx),
    el(
      'div',
      { class: 'actions' },
      button(s.back, ctx.handlers.back, { id: 'back' }),
      button(s.finish, ctx.handlers.finish, { id: 'finish', class: 'primary' }),
      button(s.newSession, ctx.handlers.restart, { id: 'new-session' }),
    ),
  );
  root.replaceChildren(el('div', { class: 'layout' }, conversation, legalAside(ctx)), historyView(ctx));
  root.hidden = false;
  document.getElementById('step-h')?.focus();
}
