/**
 * The contract every RequestStore adapter must pass. Run it for a new adapter with
 *   describeRequestStore('postgres', (now) => createPostgresRequestStore(db, { now }))
 * The factory is called once per test and must hand out an empty store.
 */
import { describe, expect, it } from 'vitest';
import type { AdviserRequest, RequestStore } from '../../src/stores/request-store.js';

export function request(overrides: Partial<AdviserRequest> = {}): AdviserRequest {
  return {
    id: 'req-1',
    conversationId: 'conv-1',
    municipality: 'demo',
    topic: 'complaint',
    name: 'Ada Jensen',
    phone: '+45 12 34 56 78',
    consent: true,
    createdAt: 1_000,
    expiresAt: 10_000,
    status: 'pending',
    attempts: 0,
    ...overrides,
  };
}

export function describeRequestStore(name: string, factory: (now: () => number) => RequestStore | Promise<RequestStore>) {
  describe(`RequestStore: ${name}`, () => {
    it('adds and gets a request exactly as given (no e-mail stays absent)', async () => {
      const store = await factory(() => 2_000);
      await store.add(request());
      expect(await store.get('req-1')).toEqual(request());
      expect(await store.get('unknown')).toBeUndefined();
      await expect(store.add(request())).rejects.toThrow();
      await store.close();
    });

    it('lists unexpired requests oldest first, filtered by status and municipality', async () => {
      let now = 2_000;
      const store = await factory(() => now);
      await store.add(request({ id: 'b', createdAt: 1_500 }));
      await store.add(request({ id: 'a', createdAt: 1_200, municipality: 'other' }));
      await store.add(request({ id: 'c', createdAt: 1_800, status: 'delivered' }));
      await store.add(request({ id: 'old', createdAt: 1_000, expiresAt: 3_000 }));
      expect((await store.list()).map((r) => r.id)).toEqual(['old', 'a', 'b', 'c']);
      expect((await store.list({ status: 'pending', municipality: 'demo' })).map((r) => r.id)).toEqual(['old', 'b']);
      expect((await store.list({ limit: 1 })).map((r) => r.id)).toEqual(['old']);
      now = 3_000;
      expect((await store.list()).map((r) => r.id)).toEqual(['a', 'b', 'c']);
      expect(await store.get('old')).toBeUndefined();
      expect(await store.purgeExpired(3_000)).toBe(1);
      await store.close();
    });

    it('orders requests made in the same millisecond by id in code-unit order, whatever the locale', async () => {
      const store = await factory(() => 2_000);
      // A locale-aware order (en_US, da_DK) would put "a-3" before "B-1".
      for (const id of ['b-2', 'a-3', 'B-1']) await store.add(request({ id, createdAt: 1_500 }));
      expect((await store.list()).map((r) => r.id)).toEqual(['B-1', 'a-3', 'b-2']);
      expect((await store.claimDue('worker', 2_000, 5_000, 10)).map((r) => r.id)).toEqual(['B-1', 'a-3', 'b-2']);
      await store.close();
    });

    it('records delivery attempts', async () => {
      const store = await factory(() => 2_000);
      await store.add(request());
      expect(await store.setStatus('req-1', 'failed', 1)).toBe(true);
      expect(await store.get('req-1')).toMatchObject({ status: 'failed', attempts: 1 });
      expect(await store.setStatus('missing', 'delivered', 1)).toBe(false);
      await store.close();
    });

    it('claims due requests oldest first, each once until its lease ends', async () => {
      const store = await factory(() => 2_000);
      await store.add(request({ id: 'late', createdAt: 1_300 }));
      await store.add(request({ id: 'early', createdAt: 1_100 }));
      await store.add(request({ id: 'waiting', createdAt: 1_000, nextAttemptAt: 2_500 }));
      await store.add(request({ id: 'done', createdAt: 1_000, status: 'delivered' }));
      await store.add(request({ id: 'gone', createdAt: 1_000, expiresAt: 2_000 }));
      expect((await store.claimDue('worker-a', 2_000, 5_000, 10)).map((r) => r.id)).toEqual(['early', 'late']);
      expect(await store.claimDue('worker-b', 2_000, 5_000, 10)).toEqual([]);
      expect((await store.claimDue('worker-b', 2_600, 5_000, 10)).map((r) => r.id)).toEqual(['waiting']);
      // The first worker's lease ran out (it crashed): another worker takes over.
      expect((await store.claimDue('worker-b', 7_000, 5_000, 1)).map((r) => r.id)).toEqual(['early']);
      await store.close();
    });

    it('records an attempt, releasing the claim, only for the claim holder', async () => {
      const store = await factory(() => 2_000);
      await store.add(request());
      const [claimed] = await store.claimDue('worker-a', 2_000, 60_000, 10);
      expect(claimed).toEqual(request());
      const retry = { status: 'pending' as const, attempts: 1, deliveredTo: ['slack'], nextAttemptAt: 2_030 };
      expect(await store.recordAttempt('req-1', 'worker-b', retry)).toBe(false);
      expect(await store.recordAttempt('req-1', 'worker-a', retry)).toBe(true);
      expect(await store.get('req-1')).toEqual(request({ attempts: 1, deliveredTo: ['slack'], nextAttemptAt: 2_030 }));
      expect(await store.recordAttempt('req-1', 'worker-a', retry)).toBe(false);
      expect(await store.claimDue('worker-a', 2_029, 60_000, 10)).toEqual([]);
      expect((await store.claimDue('worker-a', 2_030, 60_000, 10)).map((r) => r.deliveredTo)).toEqual([['slack']]);
      const delivered = { status: 'delivered' as const, attempts: 2, deliveredTo: ['slack', 'teams'] };
      expect(await store.recordAttempt('req-1', 'worker-a', delivered)).toBe(true);
      expect(await store.get('req-1')).toEqual(request({ status: 'delivered', attempts: 2, deliveredTo: ['slack', 'teams'] }));
      expect(await store.claimDue('worker-a', 9_999, 60_000, 10)).toEqual([]);
      await store.close();
    });

    it('erases every request of one conversation', async () => {
      const store = await factory(() => 2_000);
      await store.add(request({ id: 'x' }));
      await store.add(request({ id: 'y' }));
      await store.add(request({ id: 'z', conversationId: 'conv-2' }));
      expect(await store.deleteByConversation('conv-1')).toBe(2);
      expect((await store.list()).map((r) => r.id)).toEqual(['z']);
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
    });
  });
}
