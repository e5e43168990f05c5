/**
 * A tiny client for the web API that works the same over `app.inject` and over
 * real HTTP (a server in a child process), so one scripted conversation can be
 * walked either way.
 */
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

export interface ApiResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: any;
}

export type Api = (method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResponse>;

export function injectApi(app: FastifyInstance): Api {
  return async (method, url, body, headers = {}) => {
    const response = await app.inject({ method, url, headers, ...(body !== undefined && { payload: body as object }) });
    return { status: response.statusCode, headers: response.headers, body: parse(response.body) };
  };
}

export function fetchApi(base: string): Api {
  return async (method, url, body, headers = {}) => {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, headers: Object.fromEntries(response.headers), body: parse(await response.text()) };
  };
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

/** Answers one turn and insists it was accepted. */
export async function answer(api: Api, id: string, body: unknown): Promise<any> {
  const response = await api('POST', `/api/v1/conversations/${id}/turns`, body);
  if (response.status !== 200) throw new Error(`turn ${JSON.stringify(body)} got ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** The citizen's side of a transcript. */
export async function citizenLines(api: Api, id: string): Promise<string[]> {
  const { body } = await api('GET', `/api/v1/conversations/${id}`);
  return (body.transcript as { role: string; text?: string }[]).filter((e) => e.role === 'citizen').map((e) => e.text!);
}

/**
 * The real content's request for an adviser, first half: to the name question.
 * (menu → adviser → request → consent yes → name)
 */
export const ADVISER_FIRST_HALF = [{ choice: 'adviser' }, { choice: 'request' }, { choice: 'yes' }];
/** Second half: name, phone, topic, send. */
export const ADVISER_SECOND_HALF = [
  { text: 'Ida Hansen' },
  { choice: 'phone' },
  { text: '12345678' },
  { choice: 'decision' },
  { choice: 'send' },
];

/**
 * The real flows and content (the repository's). MEDSPILLER_TEST_CONTENT_DIR may
 * point at another copy, e.g. while the working tree's content is mid-edit.
 */
export const REAL_CONTENT_DIR = process.env.MEDSPILLER_TEST_CONTENT_DIR ?? fileURLToPath(new URL('../../', import.meta.url));
