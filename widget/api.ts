/**
 * The widget's client of the web API (DESIGN.md §4, contract). Every failure becomes
 * an ApiError with a kind the panel can explain in plain words; server messages
 * are never shown (they are English and meant for developers).
 */
import type { Prompt, Reply } from '../src/engine/types.js';

export type { Prompt, Reply };
export type Dir = 'ltr' | 'rtl';

export interface LocaleInfo {
  code: string;
  name: string;
  dir: Dir;
}

export interface TurnResult {
  replies: Reply[];
  prompt: Prompt;
  done: boolean;
  locale: string;
  dir?: Dir;
}

export interface Started extends TurnResult {
  id: string;
  locales?: LocaleInfo[];
  municipality?: string;
}

export type TranscriptEntry = { role: 'bot'; replies: Reply[]; prompt: Prompt } | { role: 'citizen'; text: string };

export interface Resumed {
  id: string;
  locale: string;
  municipality?: string;
  done: boolean;
  transcript: TranscriptEntry[];
  prompt: Prompt;
  dir?: Dir;
  locales?: LocaleInfo[];
}

export type Action = 'back' | 'restart' | 'help' | 'human' | 'repeat' | 'skip';
export type TurnBody = { choice: string } | { text: string } | { date: string } | { action: Action } | { locale: string };

/**
 * offline: no answer at all; gone: the conversation no longer exists; busy: rate limited;
 * stale: the server refused an answer that no longer fits (400, 409), e.g. a resent answer
 * it had already taken when the reply was lost.
 */
export type FailureKind = 'offline' | 'gone' | 'busy' | 'stale' | 'failed';

export class ApiError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly status = 0,
    /** How long the server asks us to wait (its Retry-After, in seconds), when it says. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`Medspiller API: ${kind}${status ? ` (${status})` : ''}`);
  }
}

const TIMEOUT_MS = 20_000;

/** Retry-After in seconds (the form our server sends); undefined when absent or in another form. */
export function retryAfterSeconds(header: string | null): number | undefined {
  const seconds = /^\s*\d+\s*$/.test(header ?? '') ? Number(header) : 0;
  return seconds > 0 ? seconds : undefined;
}

function failureKind(status: number): FailureKind {
  if (status === 404 || status === 410) return 'gone';
  if (status === 429) return 'busy';
  if (status === 400 || status === 409) return 'stale';
  return 'failed';
}

export interface Api {
  start(body: { municipality?: string; locale?: string; flow?: string }): Promise<Started>;
  /** `key`: the answer's Idempotency-Key, the same when it is sent again (see newTurnKey). */
  turn(id: string, body: TurnBody, key: string): Promise<TurnResult>;
  resume(id: string): Promise<Resumed>;
  remove(id: string): Promise<void>;
  /** A document as the server formats it for download ('txt'). */
  documentText(id: string, docId: string): Promise<string>;
  /** The address of a document as a file to save (Word, calendar). */
  documentUrl(id: string, docId: string, format: 'docx' | 'ics'): string;
}

/**
 * A new key for one answer: the server refuses a turn with the last turn's key (409), so an answer
 * sent again after its reply was lost is not taken twice. 16 random bytes, as hex (randomUUID needs
 * a secure context; getRandomValues works on any page).
 */
export function newTurnKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function createApi(base: string): Api {
  const url = (path: string) => new URL(path, base).href;

  async function call<T>(method: string, path: string, body?: unknown, as: 'json' | 'text' = 'json', extraHeaders: Record<string, string> = {}): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    let response: Response;
    try {
      response = await fetch(url(path), {
        method,
        credentials: 'omit',
        signal: controller.signal,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...extraHeaders },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError('offline');
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) throw new ApiError(failureKind(response.status), response.status, retryAfterSeconds(response.headers.get('retry-after')));
    if (response.status === 204) return undefined as T;
    try {
      return (await (as === 'json' ? response.json() : response.text())) as T;
    } catch {
      throw new ApiError('failed', response.status);
    }
  }

  const conversation = (id: string) => `conversations/${encodeURIComponent(id)}`;
  const document = (id: string, docId: string) => `${conversation(id)}/documents/${encodeURIComponent(docId)}`;
  return {
    start: (body) => call('POST', 'conversations', body),
    turn: (id, body, key) => call('POST', `${conversation(id)}/turns`, body, 'json', { 'idempotency-key': key }),
    resume: (id) => call('GET', conversation(id)),
    remove: (id) => call('DELETE', conversation(id)),
    documentText: (id, docId) => call('GET', `${document(id, docId)}?format=txt`, undefined, 'text'),
    documentUrl: (id, docId, format) => url(`${document(id, docId)}?format=${format}`),
  };
}
