/**
 * Runs one widget: starts or resumes the conversation, sends answers, shows
 * replies and failures, and moves focus.
 *
 * Focus after a turn goes to the first new bot message (the turn is focusable
 * with tabindex=-1), and the next Tab reaches the first choice or field. Why:
 * people read the new text before answering; screen magnifiers follow focus, so
 * they show the start of what is new (a long letter is not skipped); a screen
 * reader reads the turn from its start, in order, and then the labelled choices.
 * A turn that gets focus is not also announced by the live log (aria-live="off"
 * on it), so each message is spoken once. Turns that arrive without a focus
 * move (a language switch, or focus is elsewhere on the page) are announced by
 * the live log. Focus never moves when it is outside the widget.
 */
import { ApiError, newTurnKey, type Api, type Dir, type LocaleInfo, type Prompt, type TurnBody, type TurnResult } from './api.js';
import { buildChrome, newLog, type Chrome } from './chrome.js';
import type { WidgetConfig } from './config.js';
import { localToday } from './date-input.js';
import { closeConfirm, openConfirm } from './delete-confirm.js';
import { button, el } from './dom.js';
import { renderPrompt, type PromptHandlers } from './prompt.js';
import type { ReplyContext } from './replies.js';
import type { Session } from './session.js';
import { canSpeak, isSpeaking, onVoicesChanged, speak, stopSpeaking } from './speech.js';
import { fill, languageTag, stringsFor, type Strings } from './strings.js';
import { appendBot, appendCitizen, appendNote, prependNote, scrollToTurn } from './transcript.js';

/** Where focus goes when a turn has been shown. */
type FocusAfter = 'turn' | 'language' | 'none';

/** Only a slow answer shows "one moment": a quick one would just add noise for screen readers. */
const LOADING_DELAY_MS = 600;

/** "Try again in about …", rounded up to tens of seconds, or to minutes from a minute on. */
function waitText(s: Strings, seconds: number): string {
  if (seconds <= 50) return fill(s.waitSeconds, { n: String(Math.ceil(seconds / 10) * 10) });
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? s.waitMinute : fill(s.waitMinutes, { n: String(minutes) });
}

/** When the popup panel fills the screen: the same media query as in widget.css. */
const FULL_SCREEN_QUERY = '(max-width: 30em), (max-height: 30em)';

/** What Tab can reach in the panel. */
const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

/** Used when the API does not list its locales (e.g. on resume). */
const KNOWN_LOCALES: LocaleInfo[] = [
  { code: 'da', name: 'Dansk', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'da-LET', name: 'Let dansk', dir: 'ltr' },
];

export class Controller {
  private readonly chrome: Chrome;
  private s: Strings;
  private locale: string;
  private locales = KNOWN_LOCALES;
  private id?: string;
  private busy = false;
  private loaded = false;
  private lastText = '';
  private readonly fullScreen = matchMedia(FULL_SCREEN_QUERY);

  constructor(
    private readonly shadow: ShadowRoot,
    private readonly config: WidgetConfig,
    private readonly api: Api,
    private readonly session: Session,
  ) {
    this.locale = config.locale ?? 'da';
    this.s = stringsFor(this.locale);
    this.chrome = buildChrome(config.mode, this.s, {
      toggle: () => this.setOpen(this.chrome.panel.hidden !== false),
      back: () => this.act({ action: 'back' }, this.s.back),
      restart: () => this.act({ action: 'restart' }, this.s.restart),
      human: () => this.act({ action: 'human' }, this.s.human),
      read: () => this.readAloud(),
      remove: () => this.askDelete(),
    });
    onVoicesChanged(() => this.updateReadAloud());
    this.chrome.panel.addEventListener('keydown', (event) => this.onKey(event));
    this.fullScreen.addEventListener('change', () => this.updateModal());
    this.applyLocale(this.locale, 'ltr');
    shadow.append(this.chrome.root);
  }

  /** Popup: reopen if it was open before a reload. Inline: load at once, without taking focus. */
  init(): void {
    if (!this.config.municipality) console.warn('Medspiller: no data-municipality on the script tag; the default municipality is used.');
    if (this.config.mode === 'inline') void this.load(false);
    else if (this.session.load().open) this.setOpen(true, false);
  }

  setOpen(open: boolean, moveFocus = true): void {
    const { panel, launcher } = this.chrome;
    panel.hidden = !open;
    this.updateModal();
    launcher?.setAttribute('aria-expanded', String(open));
    this.session.save({ ...this.session.load(), open });
    if (!open) {
      stopSpeaking();
      launcher?.focus();
      return;
    }
    const turns = this.chrome.log.querySelectorAll<HTMLElement>('.ms-bot');
    const last = this.loaded ? turns[turns.length - 1] : undefined;
    if (moveFocus && last) this.focusTurn(last);
    else if (moveFocus) this.chrome.title.focus();
    if (!this.loaded) void this.load(moveFocus);
  }

  /** True while the open popup covers the whole page: then nothing behind it can be used. */
  private isModal(): boolean {
    return this.config.mode === 'popup' && !this.chrome.panel.hidden && this.fullScreen.matches;
  }

  /**
   * A panel that covers the page is a modal dialog and hides the launcher behind it, so Tab
   * cannot reach the launcher or the host page unseen (WCAG 2.1.2, 2.4.11). Beside the page it
   * is not: the page stays usable.
   */
  private updateModal(): void {
    const { panel, launcher, title } = this.chrome;
    const modal = this.isModal();
    if (modal) panel.setAttribute('aria-modal', 'true');
    else panel.removeAttribute('aria-modal');
    if (!launcher) return;
    const hadFocus = this.shadow.activeElement === launcher;
    launcher.hidden = modal;
    if (modal && hadFocus) title.focus();
  }

  /** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
  private keepTabInside(event: KeyboardEvent): void {
    const reachable = [...this.chrome.panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (node) => !(node as HTMLButtonElement).disabled && node.getClientRects().length > 0,
    );
    const active = this.shadow.activeElement;
    const first = reachable[0];
    const last = reachable[reachable.length - 1];
    if (!active || !first || !last) return;
    const follows = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    const leaving = event.shiftKey ? !reachable.some((node) => follows(node, active)) : !reachable.some((node) => follows(active, node));
    if (!leaving) return;
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }

  private async load(moveFocus: boolean): Promise<void> {
    const id = this.session.load().id;
    await this.run(() => (id ? this.resume(id, moveFocus) : this.start(moveFocus)), moveFocus);
  }

  private async start(moveFocus: boolean, note?: string): Promise<void> {
    const { municipality, locale, flow } = this.config;
    const started = await this.api.start({ municipality, locale, flow }).catch((error: unknown) => {
      if (!flow || !(error instanceof ApiError) || error.status !== 400) throw error;
      console.warn(`Medspiller: data-flow "${flow}" is unknown; starting at the main menu.`);
      return this.api.start({ municipality, locale });
    });
    if (municipality && started.municipality && started.municipality !== municipality) {
      console.warn(`Medspiller: municipality "${municipality}" is unknown; "${started.municipality}" is used.`);
    }
    this.id = started.id;
    this.session.save({ ...this.session.load(), id: started.id });
    if (started.locales?.length) this.locales = started.locales;
    this.applyLocale(started.locale, started.dir);
    const log = newLog(this.s);
    const turn = appendBot(log, started.replies, started.prompt, this.replyContext(), true);
    // Inside the turn, so the focus that reads the greeting reads the note first.
    if (note) prependNote(turn.element, note);
    this.lastText = turn.text;
    this.swapLog(log, started.prompt, turn.questionId);
    if (moveFocus) this.focusTurn(turn.element);
  }

  private async resume(id: string, moveFocus: boolean, note?: string): Promise<void> {
    let view;
    try {
      view = await this.api.resume(id);
    } catch (error) {
      if (!(error instanceof ApiError) || error.kind !== 'gone') throw error;
      this.session.save({ open: this.session.load().open });
      return this.start(moveFocus, this.s.expired);
    }
    this.id = view.id;
    if (view.locales?.length) this.locales = view.locales;
    this.applyLocale(view.locale, view.dir);
    const log = newLog(this.s);
    let last: ReturnType<typeof appendBot> | undefined;
    for (const entry of view.transcript) {
      if (entry.role === 'citizen') appendCitizen(log, entry.text, languageTag(this.locale), this.s.you);
      else last = appendBot(log, entry.replies, entry.prompt, this.replyContext(), true);
    }
    if (note && last) prependNote(last.element, note);
    this.lastText = last?.text ?? '';
    this.swapLog(log, view.prompt, last?.questionId);
    if (last && moveFocus) this.focusTurn(last.element);
    else if (last) scrollToTurn(this.chrome.scroll, last.element);
  }

  /**
   * A started or restored conversation is built apart from the page and swapped
   * in whole: a live region does not announce what it holds when it arrives.
   */
  private swapLog(log: HTMLElement, prompt: Prompt, questionId: string | undefined): void {
    this.chrome.log.replaceWith(log);
    this.chrome.log = log;
    this.loaded = true;
    this.showPrompt(prompt, questionId);
  }

  /** Runs a request with the busy state, a "one moment" status when slow, and failure handling. */
  private async run(task: () => Promise<void>, moveFocus: boolean): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const { problem, status } = this.chrome;
    problem.replaceChildren();
    // A notice such as "you can try again now" is about the request this one replaces.
    status.textContent = '';
    const slow = setTimeout(() => (status.textContent = this.s.loading), LOADING_DELAY_MS);
    try {
      await task();
    } catch (error) {
      this.fail(error, () => void this.run(task, true), moveFocus);
    } finally {
      clearTimeout(slow);
      if (status.textContent === this.s.loading) status.textContent = '';
      this.busy = false;
    }
  }

  private act(body: TurnBody, echo?: string, focusAfter: FocusAfter = 'turn'): void {
    if (!this.id) return;
    const id = this.id;
    // Made once: Retry sends the answer again with the same key.
    const key = newTurnKey();
    void this.run(async () => {
      let result: TurnResult;
      try {
        result = await this.api.turn(id, body, key);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        // Retrying would be refused forever: show what the server has instead.
        if (error.kind === 'stale') return this.resume(id, this.focusInside(), this.s.movedOn);
        if (error.kind !== 'gone') throw error;
        this.session.save({ open: true });
        return this.start(this.focusInside(), this.s.expired);
      }
      if (echo) appendCitizen(this.chrome.log, echo, languageTag(this.locale), this.s.you);
      this.show(result, this.focusInside() ? focusAfter : 'none');
    }, focusAfter !== 'none');
  }

  private show(result: TurnResult, focusAfter: FocusAfter): void {
    this.applyLocale(result.locale, result.dir);
    const quiet = focusAfter === 'turn';
    const turn = appendBot(this.chrome.log, result.replies, result.prompt, this.replyContext(), quiet);
    this.lastText = turn.text;
    this.showPrompt(result.prompt, turn.questionId);
    if (quiet) this.focusTurn(turn.element);
    else scrollToTurn(this.chrome.scroll, turn.element);
    if (focusAfter === 'language') this.chrome.langs.querySelector<HTMLElement>('[aria-pressed="true"]')?.focus();
  }

  private focusTurn(turn: HTMLElement): void {
    turn.tabIndex = -1;
    scrollToTurn(this.chrome.scroll, turn);
    turn.focus({ preventScroll: true });
  }

  private showPrompt(prompt: Prompt, questionId?: string): void {
    const handlers: PromptHandlers = {
      choose: (choice, label) => this.act({ choice }, label),
      answerText: (text) => this.act({ text }, text),
      answerDate: (date, shown) => this.act({ date }, shown),
      skip: () => this.act({ action: 'skip' }, this.s.skip),
      restart: () => this.act({ action: 'restart' }, this.s.restart),
    };
    const today = localToday(new Date());
    this.chrome.answer.replaceChildren(renderPrompt(prompt, { s: this.s, lang: languageTag(this.locale), today, questionId }, handlers));
    this.chrome.tools.hidden = false;
  }

  /** True when focus is in the widget, or was lost because the focused button went away. */
  private focusInside(): boolean {
    const active = document.activeElement;
    return active === null || active === document.body || active === this.shadow.host;
  }

  private fail(error: unknown, retry: () => void, moveFocus: boolean): void {
    const kind = error instanceof ApiError ? error.kind : 'failed';
    const wait = error instanceof ApiError && kind === 'busy' ? error.retryAfterSeconds : undefined;
    let message = kind === 'offline' ? this.s.offline : kind === 'busy' ? this.s.busy : this.s.failed;
    if (wait) message += ` ${waitText(this.s, wait)}`;
    // aria-disabled, not disabled: the button keeps focus and stays findable while it waits.
    const again = button(
      this.s.retry,
      () => {
        if (again.getAttribute('aria-disabled') !== 'true') retry();
      },
      { 'aria-disabled': wait ? 'true' : undefined },
    );
    const alert = el('div', { role: 'alert', className: 'ms-alert' }, el('p', { className: 'ms-error' }, message), this.contactLine());
    this.chrome.problem.replaceChildren(alert, again);
    if (moveFocus) again.focus();
    if (wait) {
      setTimeout(() => {
        if (!again.isConnected) return;
        again.removeAttribute('aria-disabled');
        this.chrome.status.textContent = this.s.retryNow;
      }, wait * 1000);
    }
  }

  /** A way to a person that needs no server: the number from data-phone, or where to find one. */
  private contactLine(): HTMLElement {
    const { phone } = this.config;
    if (!phone) return el('p', {}, this.s.callCitizenService);
    const [before = '', after = ''] = this.s.callPhone.split('{phone}');
    // dir="ltr": the digit groups of a number would otherwise be reordered in right-to-left text.
    return el('p', {}, before, el('a', { href: `tel:${phone.replace(/[^\d+]/g, '')}`, dir: 'ltr' }, phone), after);
  }

  private applyLocale(locale: string, dir: Dir | undefined): void {
    this.locale = locale;
    this.s = stringsFor(locale);
    const direction = dir ?? this.locales.find((l) => l.code === locale)?.dir ?? 'ltr';
    this.chrome.root.lang = languageTag(locale);
    this.chrome.root.dir = direction;
    this.chrome.relabel(this.s);
    this.updateReadAloud();
    this.chrome.setLocales(this.locales, locale, (code) => {
      if (code !== this.locale) this.act({ locale: code }, undefined, 'language');
    });
  }

  private replyContext(): ReplyContext {
    const id = this.id;
    return {
      s: this.s,
      lang: languageTag(this.locale),
      documentText: (docId) => (id ? this.api.documentText(id, docId).catch(() => undefined) : Promise.resolve(undefined)),
      documentUrl: (docId, format) => (id ? this.api.documentUrl(id, docId, format) : undefined),
      notify: (message) => (this.chrome.status.textContent = message),
    };
  }

  /** "Læs op" only where a voice on the device speaks the conversation's language. */
  private updateReadAloud(): void {
    this.chrome.read.hidden = !canSpeak(languageTag(this.locale));
  }

  private readAloud(): void {
    const { read } = this.chrome;
    if (isSpeaking()) return stopSpeaking();
    if (!this.lastText) return;
    read.textContent = this.s.stopReading;
    speak(this.lastText, languageTag(this.locale), () => (read.textContent = this.s.read));
  }

  private askDelete(): void {
    openConfirm(this.chrome, this.s, () => this.confirmDelete());
  }

  private confirmDelete(): void {
    const id = this.id;
    void this.run(async () => {
      // Already gone (expired): nothing is stored, which is what the citizen asked for.
      const alreadyGone = (error: unknown) => {
        if (!(error instanceof ApiError) || error.kind !== 'gone') throw error;
      };
      if (id) await this.api.remove(id).catch(alreadyGone);
      stopSpeaking();
      this.id = undefined;
      this.loaded = false;
      this.lastText = '';
      this.session.save({ open: this.session.load().open });
      closeConfirm(this.chrome, false);
      this.chrome.log.replaceChildren();
      appendNote(this.chrome.log, this.s.deleted, languageTag(this.locale));
      const again = button(this.s.newChat, () => void this.run(() => this.start(true), true));
      this.chrome.answer.replaceChildren(again);
      again.focus();
    }, true);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'Tab' && this.isModal()) return this.keepTabInside(event);
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if ((event.target as HTMLElement | null)?.getAttribute?.('type') === 'date') return;
    if (!this.chrome.confirm.hidden) return closeConfirm(this.chrome);
    if (isSpeaking()) return stopSpeaking();
    if (this.config.mode === 'popup') this.setOpen(false);
  }
}
