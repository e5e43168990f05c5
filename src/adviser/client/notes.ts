/**
 * The adviser's private notes, per step of one conversation, kept in this
 * browser tab's sessionStorage only (gone when the tab closes) and never sent
 * to the server. A note belongs to a step number and its question, so going
 * back and answering differently does not attach it to another question.
 */
const PREFIX = 'medspiller.adviser.';

export interface StepNote {
  step: number;
  question: string;
  text: string;
}

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage disabled: notes live only until the page reloads
  }
}

const memory = new Map<string, string>();

function read(key: string): string | null {
  return storage()?.getItem(PREFIX + key) ?? memory.get(key) ?? null;
}

function write(key: string, value: string | null): void {
  const store = storage();
  if (value === null) {
    store?.removeItem(PREFIX + key);
    memory.delete(key);
  } else if (store) store.setItem(PREFIX + key, value);
  else memory.set(key, value);
}

export function loadNotes(conversation: string): StepNote[] {
  try {
    const parsed = JSON.parse(read(`notes.${conversation}`) ?? '[]') as StepNote[];
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

export function noteFor(conversation: string, step: number, question: string): string {
  return loadNotes(conversation).find((n) => n.step === step && n.question === question)?.text ?? '';
}

export function saveNote(conversation: string, step: number, question: string, text: string): void {
  const others = loadNotes(conversation).filter((n) => !(n.step === step && n.question === question));
  const notes = text.trim() === '' ? others : [...others, { step, question, text }];
  notes.sort((a, b) => a.step - b.step);
  write(`notes.${conversation}`, notes.length > 0 ? JSON.stringify(notes) : null);
}

export function clearNotes(conversation: string): void {
  write(`notes.${conversation}`, null);
}

export interface CurrentSession {
  id: string;
  flow: string;
}

export function currentSession(): CurrentSession | undefined {
  try {
    const parsed = JSON.parse(read('current') ?? 'null') as CurrentSession | null;
    return parsed && typeof parsed.id === 'string' && typeof parsed.flow === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function rememberSession(session: CurrentSession | undefined): void {
  write('current', session ? JSON.stringify(session) : null);
}
