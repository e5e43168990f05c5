/**
 * "Slet samtale" asks first, inline in the panel (not window.confirm): a labelled
 * group with the question and two buttons. Focus goes to "No, keep it", the
 * harmless choice, so a double press of Enter deletes nothing.
 */
import { button, el, uid } from './dom.js';
import type { Strings } from './strings.js';

export interface ConfirmParts {
  confirm: HTMLElement;
  tools: HTMLElement;
  remove: HTMLElement;
}

export function openConfirm(parts: ConfirmParts, s: Strings, onYes: () => void): void {
  const textId = uid('confirm');
  const keep = button(s.deleteNo, () => closeConfirm(parts));
  const yes = button(s.deleteYes, onYes, { className: 'ms-danger' });
  parts.confirm.replaceChildren(el('p', { id: textId }, s.deleteAsk), el('div', { className: 'ms-row' }, yes, keep));
  parts.confirm.setAttribute('role', 'group');
  parts.confirm.setAttribute('aria-labelledby', textId);
  parts.confirm.hidden = false;
  parts.tools.hidden = true;
  keep.focus();
}

/** Closes the question; focus returns to "Slet samtale" unless the conversation is gone. */
export function closeConfirm(parts: ConfirmParts, returnFocus = true): void {
  parts.confirm.hidden = true;
  parts.confirm.replaceChildren();
  parts.tools.hidden = !returnFocus;
  if (returnFocus) parts.remove.focus();
}
