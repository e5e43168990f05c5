/**
 * The widget's frame: launcher (popup mode), panel, header with language switch,
 * the conversation log, the answer area, the error area and the tool bar.
 * Labels are registered so a language switch can relabel everything in place.
 */
import type { LocaleInfo } from './api.js';
import { button, el, uid } from './dom.js';
import type { StringKey, Strings } from './strings.js';

export interface Chrome {
  root: HTMLElement;
  launcher?: HTMLButtonElement;
  panel: HTMLElement;
  title: HTMLElement;
  langs: HTMLElement;
  /** The scrolling part: the log and, after it, the answer area. */
  scroll: HTMLElement;
  log: HTMLElement;
  status: HTMLElement;
  problem: HTMLElement;
  answer: HTMLElement;
  confirm: HTMLElement;
  tools: HTMLElement;
  read: HTMLButtonElement;
  remove: HTMLButtonElement;
  relabel(s: Strings): void;
  setLocales(locales: LocaleInfo[], current: string, onPick: (code: string) => void): void;
}

export interface ChromeHandlers {
  toggle(): void;
  back(): void;
  restart(): void;
  human(): void;
  read(): void;
  remove(): void;
}

type Labelled = [HTMLElement, StringKey, 'text' | 'aria-label'];

export function newLog(s: Strings): HTMLElement {
  return el('div', { className: 'ms-log', role: 'log', 'aria-live': 'polite', 'aria-label': s.log });
}

export function buildChrome(mode: 'popup' | 'inline', s: Strings, h: ChromeHandlers): Chrome {
  const labelled: Labelled[] = [];
  const label = <T extends HTMLElement>(node: T, key: StringKey, how: Labelled[2] = 'text'): T => {
    labelled.push([node, key, how]);
    return node;
  };
  const panelId = uid('panel');
  const titleId = uid('title');
  const title = label(el('h2', { id: titleId, tabindex: '-1' }, s.title), 'title');
  const heading = el('div', { className: 'ms-heading' }, title, label(el('p', {}, s.subtitle), 'subtitle'));
  const header = el('div', { className: 'ms-header' }, heading);
  if (mode === 'popup') {
    header.append(label(button('×', h.toggle, { className: 'ms-close', 'aria-label': s.close }), 'close', 'aria-label'));
  }
  const langs = label(el('div', { className: 'ms-langs', role: 'group', 'aria-label': s.language }), 'language', 'aria-label');
  const log = newLog(s);
  const status = el('p', { className: 'ms-status', role: 'status' });
  const problem = el('div', { className: 'ms-problem' });
  const answer = el('div', { className: 'ms-answer' });
  const confirm = el('div', { className: 'ms-confirm', hidden: true });
  const scroll = el('div', { className: 'ms-scroll' }, log, status, problem, answer, confirm);
  const read = label(button(s.read, h.read, { className: 'ms-secondary' }), 'read');
  const remove = label(button(s.delete, h.remove, { className: 'ms-secondary ms-danger' }), 'delete');
  // Hidden until a conversation has loaded: before that, its buttons could do nothing.
  const tools = el(
    'div',
    { className: 'ms-tools', hidden: true },
    label(button(s.back, h.back, { className: 'ms-secondary' }), 'back'),
    label(button(s.restart, h.restart, { className: 'ms-secondary' }), 'restart'),
    label(button(s.human, h.human, { className: 'ms-secondary' }), 'human'),
    read,
    remove,
  );
  const panel = el(
    'section',
    { id: panelId, className: 'ms-panel', 'aria-labelledby': titleId, role: mode === 'popup' ? 'dialog' : undefined },
    header,
    langs,
    scroll,
    tools,
  );
  const root = el('div', { className: `ms-root ms-${mode}` });
  let launcher: HTMLButtonElement | undefined;
  if (mode === 'popup') {
    panel.hidden = true;
    launcher = button('', h.toggle, { className: 'ms-launcher', 'aria-expanded': 'false', 'aria-controls': panelId });
    launcher.append(el('span', { className: 'ms-bubble', 'aria-hidden': 'true' }), label(el('span', {}, s.open), 'open'));
    root.append(panel, launcher);
  } else root.append(panel);

  return {
    root,
    launcher,
    panel,
    title,
    langs,
    scroll,
    log,
    status,
    problem,
    answer,
    confirm,
    tools,
    read,
    remove,
    relabel(next) {
      for (const [node, key, how] of labelled) {
        if (how === 'text') node.textContent = next[key];
        else node.setAttribute('aria-label', next[key]);
      }
      this.log.setAttribute('aria-label', next.log);
    },
    setLocales(locales, current, onPick) {
      langs.replaceChildren(
        ...locales.map((l) =>
          button(l.name, () => onPick(l.code), { lang: l.code.split('-')[0], 'aria-pressed': String(l.code === current) }),
        ),
      );
      langs.hidden = locales.length < 2;
    },
  };
}
