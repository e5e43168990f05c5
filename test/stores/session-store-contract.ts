/**
 * The contract every SessionStore adapter must pass. Run it for a new adapter with
 *   describeSessionStore('redis', () => createRedisSessionStore(url))
 * The factory is called once per test and the store closed after it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationState } from '../../src/engine/types.js';
import type { SessionStore } from '../../src/stores/session-store.js';

export function sampleState(overrides: Partial<ConversationState> = {}): ConversationState {
  return {
    v: 2,
    flow: 'complaint',
    node: 'ask_decision_date',
    slots: {
      topic: 'hjaelpemidler',
      decision_date: '2026-03-02',
      deadline: { date: '2026-03-30', passed: false, days: [1, 2, 3] },
      note: 'Æblegrød — “quotes”, emoji 🙂, tab\tand newline\n',
      nothing: null,
      count: 0,
      ok: true,
    },
    locale: 'da',
    municipality: 'demo',
    contentVersion: 'abc123',
    log: [
      [1_700_000_000_000, 'start', null, { survey_offered: true }],
      [1_700_000_001_000, 'choice', 'complaint'],
      [1_700_000_002_000, 'text', 'tilbage'],
    ],
    done: false,
    page: 0,
    ...overrides,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let counter = 0;
const freshId = () => `contract-${process.pid}-${Date.now()}-${counter++}-AAAAAAAAAAAA`;

export function describeSessionStore(name: string, factory: () => SessionStore | Promise<SessionStore>): void {
  describe(`SessionStore contract: ${name}`, () => {
    let store: SessionStore;
    const HOUR = 3_600_000;

    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    it('creates a session with version 1 and loads it back', async () => {
      const id = freshId();
      const created = await store.create(id, sampleState(), HOUR);
      expect(created.version).toBe(1);
      expect(created.id).toBe(id);
      const loaded = await store.load(id);
      expect(loaded?.version).toBe(1);
      expect(loaded?.state).toEqual(sampleState());
      expect(loaded!.expiresAt).toBeGreaterThan(Date.now());
    });

    it('keeps the state exactly through a JSON round trip', async () => {
      const id = freshId();
      const state = sampleState();
      await store.create(id, state, HOUR);
      const loaded = await store.load(id);
      expect(JSON.stringify(loaded?.state)).toBe(JSON.stringify(state));
    });

    it('does not let a caller change a stored state by mutating objects', async () => {
      const id = freshId();
      const state = sampleState();
      const created = await store.create(id, state, HOUR);
      state.slots.topic = 'changed';
      created.state.slots.topic = 'changed too';
      (await store.load(id))!.state.slots.topic = 'and again';
      expect((await store.load(id))?.state.slots.topic).toBe('hjaelpemidler');
    });

    it('does not let a caller change a saved state by mutating objects after the save', async () => {
      const id = freshId();
      await store.create(id, sampleState(), HOUR);
      const state = sampleState({ node: 'second' });
      const saved = await store.save(id, state, 1, HOUR);
      state.slots.topic = 'changed';
      saved!.state.node = 'changed too';
      const loaded = await store.load(id);
      expect(loaded?.state.node).toBe('second');
      expect(loaded?.state.slots.topic).toBe('hjaelpemidler');
    });

    it('returns undefined for an unknown id', async () => {
      expect(await store.load(freshId())).toBeUndefined();
    });

    it('refuses to create an id that exists', async () => {
      const id = freshId();
      await store.create(id, sampleState(), HOUR);
      await expect(store.create(id, sampleState(), HOUR)).rejects.toThrow();
    });

    it('saves with compare-and-set: the expected version wins once, a stale version is refused', async () => {
      const id = freshId();
      await store.create(id, sampleState(), HOUR);
      const saved = await store.save(id, sampleState({ node: 'second' }), 1, HOUR);
      expect(saved?.version).toBe(2);
      expect(saved?.state.node).toBe('second');
      expect(await store.save(id, sampleState({ node: 'stale' }), 1, HOUR)).toBeUndefined();
      const loaded = await store.load(id);
      expect(loaded?.version).toBe(2);
      expect(loaded?.state.node).toBe('second');
    });

    it('lets exactly one of two racing saves win', async () => {
      const id = freshId();
      await store.create(id, sampleState(), HOUR);
      const results = await Promise.all([
        store.save(id, sampleState({ node: 'a' }), 1, HOUR),
        store.save(id, sampleState({ node: 'b' }), 1, HOUR),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await store.load(id))?.version).toBe(2);
    });

    it('refuses to save a session that does not exist', async () => {
      expect(await store.save(freshId(), sampleState(), 1, HOUR)).toBeUndefined();
    });

    it('expires a session after its ttl', async () => {
      const id = freshId();
      // Generous margins: a loaded CI machine may take tens of milliseconds per call.
      await store.create(id, sampleState(), 400);
      expect(await store.load(id)).toBeDefined();
      await sleep(600);
      expect(await store.load(id)).toBeUndefined();
      expect(await store.save(id, sampleState(), 1, HOUR)).toBeUndefined();
    });

    it('extends the ttl on every save (idle expiry)', async () => {
      const id = freshId();
      await store.create(id, sampleState(), 500);
      await sleep(100);
      expect(await store.save(id, sampleState(), 1, HOUR)).toBeDefined();
      await sleep(600);
      expect((await store.load(id))?.version).toBe(2);
    });

    it('lets an expired id be created again', async () => {
      const id = freshId();
      await store.create(id, sampleState(), 20);
      await sleep(50);
      const again = await store.create(id, sampleState({ node: 'new' }), HOUR);
      expect(again.version).toBe(1);
      expect((await store.load(id))?.state.node).toBe('new');
    });

    it('deletes a session, reporting whether there was one', async () => {
      const id = freshId();
      await store.create(id, sampleState(), HOUR);
      expect(await store.delete(id)).toBe(true);
      expect(await store.load(id)).toBeUndefined();
      expect(await store.delete(id)).toBe(false);
      expect(await store.save(id, sampleState(), 1, HOUR)).toBeUndefined();
    });

    it('purges expired sessions and keeps live ones', async () => {
      const shortLived = freshId();
      const longLived = freshId();
      await store.create(shortLived, sampleState(), 20);
      await store.create(longLived, sampleState(), HOUR);
      await sleep(50);
      const purged = await store.purgeExpired(Date.now());
      expect(purged).toBeGreaterThanOrEqual(0); // stores with native expiry may report 0
      expect(await store.load(shortLived)).toBeUndefined();
      expect(await store.load(longLived)).toBeDefined();
    });

    it('counts live sessions, when it can count', async () => {
      if (!store.countActive) return;
      const before = await store.countActive(Date.now());
      await store.create(freshId(), sampleState(), HOUR);
      await store.create(freshId(), sampleState(), HOUR);
      expect(await store.countActive(Date.now())).toBe(before + 2);
      expect(await store.countActive(Date.now() + 2 * HOUR)).toBe(0);
    });

    it('answers ping while open', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
