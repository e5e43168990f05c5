/**
 * The answer area for the current prompt (contract: choice | scale | date | text | none).
 * Choices are real buttons in a labelled group, with a folded field to type instead; the
 * date and text fields are labelled, described by the question and a hint, and report
 * problems in an alert.
 */
import type { Prompt } from './api.js';
import { parseDateText } from '../src/engine/date-text.js';
import { formatDate } from './date-input.js';
import { button, el, uid } from './dom.js';
import { fill, type Strings } from './strings.js';

export interface PromptHandlers {
  choose(id: string, label: string): void;
  answerText(text: string): void;
  answerDate(iso: string, shown: string): void;
  skip(): void;
  restart(): void;
}

export interface PromptContext {
  s: Strings;
  lang: string;
  today: string;
  /** Id of the question's message in the log, when the prompt has a question. */
  questionId?: string;
}

/** The API refuses longer texts (400); the field stops there instead. */
const TEXT_MAX_LENGTH = 2000;

function choiceGroup(prompt: Extract<Prompt, { kind: 'choice' | 'scale' }>, ctx: PromptContext, h: PromptHandlers): HTMLElement {
  const group = el('div', {
    role: 'group',
    className: `ms-choices${prompt.kind === 'scale' ? ' ms-scale' : ''}`,
    'aria-labelledby': ctx.questionId,
    'aria-label': ctx.questionId ? undefined : ctx.s.choices,
  });
  for (const choice of prompt.choices) group.append(button(choice.label, () => h.choose(choice.id, choice.label)));
  // A layout box only (it reuses the choices' column): the typed answer is no choice of the group.
  return el('div', { className: 'ms-choices' }, group, ...typeInstead(ctx, h));
}

/**
 * A way to type at a choice question: the bot invites it ("skriv hjælp", "skriv menneske",
 * "skriv et af valgene"), and the server reads typos and those words. Folded behind a small
 * disclosure button, so the choices stay the main path for citizens who find typing hard.
 */
function typeInstead(ctx: PromptContext, h: PromptHandlers): HTMLElement[] {
  const { s } = ctx;
  const f = field(s.typeOwnLabel, ctx, s.typeOwnHint, ({ input, showError }) => {
    const text = input.value.trim();
    if (!text) return showError(s.textRequired);
    h.answerText(text);
  });
  f.input.maxLength = TEXT_MAX_LENGTH;
  f.form.id = uid('type-instead');
  f.form.hidden = true;
  const toggle = button(
    s.typeOwn,
    () => {
      const open = f.form.hidden;
      f.form.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      if (open) f.input.focus();
    },
    { className: 'ms-secondary', 'aria-expanded': 'false', 'aria-controls': f.form.id },
  );
  return [toggle, f.form];
}

interface Field {
  form: HTMLFormElement;
  input: HTMLInputElement;
  showError(message: string): void;
}

/** A form with a labelled input, an optional hint and an alert for problems. */
function field(label: string, ctx: PromptContext, hint: string | undefined, onSubmit: (f: Field) => void): Field {
  const inputId = uid('input');
  const hintId = hint ? uid('hint') : undefined;
  const errorId = uid('error');
  const input = el('input', {
    id: inputId,
    type: 'text',
    autocomplete: 'off',
    'aria-describedby': [ctx.questionId, hintId, errorId].filter(Boolean).join(' '),
  });
  const error = el('p', { id: errorId, className: 'ms-error', role: 'alert' });
  const form = el('form', { className: 'ms-field', novalidate: true }, el('label', { for: inputId }, label));
  if (hint) form.append(el('p', { id: hintId, className: 'ms-hint' }, hint));
  const row = el('div', { className: 'ms-row' }, input, el('button', { type: 'submit' }, ctx.s.send));
  form.append(row, error);
  const f: Field = {
    form,
    input,
    showError(message) {
      error.textContent = message;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    },
  };
  input.addEventListener('input', () => {
    error.textContent = '';
    input.removeAttribute('aria-invalid');
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(f);
  });
  return f;
}

function dateField(prompt: Extract<Prompt, { kind: 'date' }>, ctx: PromptContext, h: PromptHandlers): HTMLElement {
  const { s, lang } = ctx;
  // The day picked in the calendar, kept as the calendar gives it: the field shows it in the
  // citizen's language (e.g. Arabic month names), which the parser need not read back.
  let picked: { iso: string; shown: string } | undefined;
  const f = field(s.date, ctx, s.dateHint, ({ input, showError }) => {
    const iso = picked && input.value === picked.shown ? picked.iso : parseDateText(input.value, ctx.today);
    if (!iso) return showError(s.dateInvalid);
    if (prompt.max && iso > prompt.max) return showError(fill(s.dateAfter, { date: formatDate(prompt.max, lang) }));
    if (prompt.min && iso < prompt.min) return showError(fill(s.dateBefore, { date: formatDate(prompt.min, lang) }));
    h.answerDate(iso, formatDate(iso, lang));
  });
  f.input.inputMode = 'text';
  const calendarId = uid('calendar');
  const calendar = el('input', { id: calendarId, type: 'date', min: prompt.min, max: prompt.max });
  calendar.addEventListener('change', () => {
    if (!calendar.value) return;
    picked = { iso: calendar.value, shown: formatDate(calendar.value, lang) };
    f.input.value = picked.shown;
    f.input.dispatchEvent(new Event('input'));
  });
  f.form.append(el('div', { className: 'ms-calendar' }, el('label', { for: calendarId }, s.dateCalendar), calendar));
  return f.form;
}

const INPUT_TYPES: Record<string, { type: string; autocomplete: string }> = {
  name: { type: 'text', autocomplete: 'name' },
  tel: { type: 'tel', autocomplete: 'tel' },
  email: { type: 'email', autocomplete: 'email' },
};

function textField(prompt: Extract<Prompt, { kind: 'text' }>, ctx: PromptContext, h: PromptHandlers): HTMLElement {
  const f = field(ctx.s.answer, ctx, undefined, ({ input, showError }) => {
    const text = input.value.trim();
    if (!text && !prompt.optional) return showError(ctx.s.textRequired);
    if (text) h.answerText(text);
    else h.skip();
  });
  const kind = INPUT_TYPES[prompt.inputMode ?? ''];
  if (kind) {
    f.input.type = kind.type;
    f.input.autocomplete = kind.autocomplete as AutoFill;
  }
  f.input.maxLength = prompt.maxLength ?? TEXT_MAX_LENGTH;
  if (prompt.optional) f.form.append(button(ctx.s.skip, h.skip, { className: 'ms-secondary' }));
  return f.form;
}

export function renderPrompt(prompt: Prompt, ctx: PromptContext, h: PromptHandlers): HTMLElement {
  switch (prompt.kind) {
    case 'choice':
    case 'scale':
      return choiceGroup(prompt, ctx, h);
    case 'date':
      return dateField(prompt, ctx, h);
    case 'text':
      return textField(prompt, ctx, h);
    case 'none':
      return el('div', { className: 'ms-done' }, el('p', {}, ctx.s.done), button(ctx.s.restart, h.restart));
  }
}
