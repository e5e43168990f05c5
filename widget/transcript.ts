/**
 * Adds turns to the conversation log. The log is a polite live region: only what
 * is appended is announced, so a turn is read once and the history never again.
 * The citizen's own words are not announced back to them, nor is a turn that
 * gets focus (aria-live="off" on it).
 */
import type { Prompt, Reply } from './api.js';
import { el, uid } from './dom.js';
import { renderReply, replyText, type ReplyContext } from './replies.js';

export interface BotTurn {
  element: HTMLElement;
  /** Id of the question's message, to label the answer area with. */
  questionId?: string;
  /** The turn as plain text, for "Læs op". */
  text: string;
}

function question(prompt: Prompt): string | undefined {
  return prompt.kind === 'none' ? undefined : prompt.question;
}

/** A reply shown in a fallback language (English in an Arabic conversation) is read with that language's voice. */
function inItsLanguage(element: HTMLElement, reply: Reply): HTMLElement {
  if (reply.lang) {
    element.lang = reply.lang;
    element.dir = reply.dir ?? 'ltr';
  }
  return element;
}

/** `quiet`: the turn will get focus, which reads it, so the live log must not read it too. */
export function appendBot(log: HTMLElement, replies: Reply[], prompt: Prompt, ctx: ReplyContext, quiet: boolean): BotTurn {
  const turn = el('div', { className: 'ms-turn ms-bot', lang: ctx.lang, 'aria-live': quiet ? 'off' : undefined });
  for (const reply of replies) turn.append(inItsLanguage(renderReply(reply, ctx), reply));
  const asked = question(prompt);
  let questionId: string | undefined;
  if (asked) {
    questionId = uid('question');
    const language = 'lang' in prompt && prompt.lang ? { lang: prompt.lang, dir: prompt.dir ?? 'ltr' } : {};
    turn.append(el('p', { id: questionId, className: 'ms-msg ms-question', ...language }, asked));
  }
  log.append(turn);
  const parts = replies.map((r) => replyText(r, ctx.s));
  if (asked) parts.push(asked);
  if (prompt.kind === 'choice' || prompt.kind === 'scale') parts.push(prompt.choices.map((c) => c.label).join('. '));
  return { element: turn, questionId, text: parts.join('\n') };
}

export function appendCitizen(log: HTMLElement, text: string, lang: string, you: string): void {
  log.append(
    el(
      'div',
      { className: 'ms-turn ms-citizen', lang, 'aria-live': 'off' },
      el('p', { className: 'ms-msg' }, el('span', { className: 'ms-sr' }, `${you}: `), text),
    ),
  );
}

/** A note from the widget itself (deleted, expired), announced like a bot turn. */
export function appendNote(log: HTMLElement, text: string, lang: string): HTMLElement {
  const note = el('p', { className: 'ms-note', lang }, text);
  log.append(note);
  return note;
}

/** A note from the widget itself (expired, moved on) at the top of the turn it explains. */
export function prependNote(turn: HTMLElement, text: string): void {
  turn.prepend(el('p', { className: 'ms-note' }, text));
}

/** Scrolls the conversation (not the host page) so `element` is at its top. */
export function scrollToTurn(scroller: HTMLElement, element: HTMLElement): void {
  scroller.scrollTop = Math.max(0, element.offsetTop - 8);
}
