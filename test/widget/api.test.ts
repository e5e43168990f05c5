import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createApi, retryAfterSeconds } from '../../widget/api.js';

function failWith(status: number, headers: Record<string, string> = {}) {
  vi.stubGlobal('fetch', async () => new Response('{"error":{"code":"x","message":"x"}}', { status, headers }));
  return createApi('https://medspiller.example/api/v1/')
    .turn('abc', { choice: 'yes' })
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
