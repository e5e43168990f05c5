/**
 * The guided session talks to the same web API as the citizen's widget
 * (/api/v1/conversations …), plus the adviser summary. Notes are never sent.
 */
import type { ConversationView, StartView, TurnBody, TurnView } from '../../conversation/types.js';
import type { HandoverSummary } from '../summary.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { accept: 'application/json' }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
  if (!response.ok) throw new ApiError(response.status, data.error?.message ?? response.statusText);
  return data as T;
}

const base = '/api/v1/conversations';
const idPath = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const api = {
  start: (options: { flow: string; municipality: string; locale: string }) => call<StartView>('POST', base, options),
  turn: (id: string, body: TurnBody) => call<TurnView>('POST', `${idPath(id)}/turns`, body),
  get: (id: string) => call<ConversationView>('GET', idPath(id)),
  erase: (id: string) => call<void>('DELETE', idPath(id)),
  summary: (id: string, flow: string) =>
    call<HandoverSummary>('GET', `/api/adviser/conversations/${encodeURIComponent(id)}/summary?flow=${encodeURIComponent(flow)}`),
};
