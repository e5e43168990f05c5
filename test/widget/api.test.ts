import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createApi, newTurnKey, retryAfterSeconds } from '../../widget/api.js';

function failWith(status: number, headers: Record<string, string> = {}) {
  vi.stubGlobal('fetch', async () => new Response('{"error":{"code":"x","message":"x"}}', { status, headers }));
  return createApi('https://medspiller.example/api/v1/')
    .turn('abc', { choice: 'yes' }, 'key-00000001')
    .then(
      () => undefined,
      (error: unknown) => error as ApiError,
    );
}

describe('the widget API client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('calls a refused answer (400, 409) stale, so the widget reloads the conversation instead of retrying it', async () => {
    expect(await failWith(400)).toMatchObject({ kind: 'stale', status: 400 });
    expect(await failWith(409)).toMatchObject({ kind: 'stale', status: 409 });
    expect(await failWith(404)).toMatchObject({ kind: 'gone' });
    expect(await failWith(500)).toMatchObject({ kind: 'failed' });
  });

  it('sends each answer with its Idempotency-Key, and makes a new random key for each answer', async () => {
    const sent: Array<string | null> = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      sent.push(new Headers(init.headers).get('idempotency-key'));
      return new Response('{}', { status: 200 });
    });
    await createApi('https://medspiller.example/api/v1/').turn('abc', { choice: 'yes' }, 'key-00000001');
    expect(sent).toEqual(['key-00000001']);
    const keys = new Set(Array.from({ length: 100 }, newTurnKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });

  it('passes on how long a rate-limited client must wait', async () => {
    expect(await failWith(429, { 'retry-after': '57' })).toMatchObject({ kind: 'busy', retryAfterSeconds: 57 });
    expect((await failWith(429))?.retryAfterSeconds).toBeUndefined();
  });

  it('reads Retry-After in seconds and ignores what it cannot use', () => {
    expect(retryAfterSeconds(' 57 ')).toBe(57);
    expect(retryAfterSeconds('0')).toBeUndefined();
    expect(retryAfterSeconds('soon')).toBeUndefined();
    expect(retryAfterSeconds(null)).toBeUndefined();
  });
});
