/**
 * The guided-session page (/adviser): the adviser picks a flow, municipality
 * and language, steps through the conversation with the citizen through the
 * public web API, sees the legal basis of every step, keeps private notes in
 * this browser tab, and ends with a summary to hand over. The session survives
 * a page reload (its id is kept in sessionStorage).
 */
import type { TurnBody } from '../../conversation/types.js';
import type { GuidedConfig } from '../guided-page.js';
import { answeredSteps, questionOf } from '../transcript-answers.js';
import { api, ApiError } from './api.js';
import { byId, fill } from './dom.js';
import { clearNotes, currentSession, loadNotes, rememberSession, type CurrentSession } from './notes.js';
import { renderStep, type StepView } from './session-view.js';
import { renderSummary } from './summary-view.js';

const config = JSON.parse(byId('adviser-config').textContent ?? '{}') as GuidedConfig;
const s = config.strings;
const setup = byId<HTMLElement>('setup');
const sessionRoot = byId<HTMLElement>('session');
const summaryRoot = byId<HTMLElement>('summary');
let session: CurrentSession | undefined;
let busy = false;

function status(message: string): void {
  byId('status').textContent = message;
}

async function guard(work: () => Promise<void>): Promise<void> {
  if (busy) return;
  busy = true;
  status('');
  try {
    await work();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) endSession();
    status(fill(s.error, { message: error instanceof Error ? error.message : String(error) }));
  } finally {
    busy = false;
  }
}

async function show(view: StepView): Promise<void> {
  const current = session!;
  const conversation = await api.get(current.id);
  const history = answeredSteps(conversation.transcript);
  renderStep(sessionRoot, {
    strings: s,
    conversation: current.id,
    step: history.length + 1,
    question: questionOf(view.replies, view.prompt),
    view,
    history,
    handlers: { answer, back: () => answer({ action: 'back' }), finish, restart: endSession },
  });
  summaryRoot.hidden = true;
  setup.hidden = true;
}

function answer(body: TurnBody): void {
  void guard(async () => show(await api.turn(session!.id, body)));
}

function today(): string {
  return new Intl.DateTimeFormat(s.lang === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long' }).format(new Date());
}

function finish(): void {
  void guard(async () => {
    const current = session!;
    const summary = await api.summary(current.id, current.flow);
    sessionRoot.hidden = true;
    renderSummary(
      summaryRoot,
      { summary, notes: loadNotes(current.id), strings: s, date: today() },
      {
        erase: async () => {
          await api.erase(current.id);
          status(s.deleted);
        },
        clearNotes: () => {
          clearNotes(current.id);
          status(s.notesCleared);
        },
        restart: endSession,
        status,
      },
    );
  });
}

function endSession(): void {
  session = undefined;
  rememberSession(undefined);
  sessionRoot.hidden = true;
  summaryRoot.hidden = true;
  setup.hidden = false;
  byId('setup-h').setAttribute('tabindex', '-1');
  byId('setup-h').focus();
}

function selected(id: string): string {
  return byId<HTMLSelectElement>(id).value;
}

function updateLinks(): void {
  const query = `?municipality=${encodeURIComponent(selected('municipality'))}&locale=${encodeURIComponent(selected('locale'))}`;
  const flow = encodeURIComponent(selected('flow'));
  byId<HTMLAnchorElement>('script-link').href = `/adviser/script/${flow}${query}&format=html`;
  byId<HTMLAnchorElement>('map-link').href = `/adviser/map/${flow}${query}`;
}

byId('setup-form').addEventListener('change', updateLinks);
byId('setup-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void guard(async () => {
    const flow = selected('flow');
    const started = await api.start({ flow, municipality: selected('municipality'), locale: selected('locale') });
    session = { id: started.id, flow };
    rememberSession(session);
    await show(started);
  });
});

async function resume(): Promise<void> {
  const saved = currentSession();
  if (!saved) return;
  session = saved;
  await guard(async () => {
    const conversation = await api.get(saved.id);
    const last = conversation.transcript.at(-1);
    const view = last?.role === 'bot' ? { replies: last.replies, prompt: conversation.prompt, done: conversation.done } : { replies: [], prompt: conversation.prompt, done: conversation.done };
    await show(view);
  });
}

void resume();
