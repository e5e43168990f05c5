/**
 * SessionStore in process memory: for tests, `medspiller chat` and demos.
 * States are stored as JSON text so a caller can never change a stored state
 * by mutating an object, and so it behaves like every serialising store.
 */
import type { ConversationState } from '../engine/types.js';
import type { SessionRecord, SessionStore } from './session-store.js';

interface Entry {
  json: string;
  version: number;
  expiresAt: number;
}

export function createMemorySessionStore(options: { now?: () => number } = {}): SessionStore {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  const live = (id: string): Entry | undefined => {
    const entry = entries.get(id);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(id);
      return undefined;
    }
    return entry;
  };
  const record = (id: string, entry: Entry): SessionRecord => ({
    id,
    state: JSON.parse(entry.json) as ConversationState,
    version: entry.version,
    expiresAt: entry.expiresAt,
  });

  return {
    kind: 'memory',
    async load(id) {
      const entry = live(id);
      return entry && record(id, entry);
    },
    async create(id, state, ttlMs) {
      if (live(id)) throw new Error(`session ${id} already exists`);
      const entry = { json: JSON.stringify(state), version: 1, expiresAt: now() + ttlMs };
      entries.set(id, entry);
      return record(id, entry);
    },
    async save(id, state, expectedVersion, ttlMs) {
      const entry = live(id);
      if (!entry || entry.version !== expectedVersion) return undefined;
      const next = { json: JSON.stringify(state), version: expectedVersion + 1, expiresAt: now() + ttlMs };
      entries.set(id, next);
      // The caller's state is what was stored: parsing it back would only cost time (a turn's load parses once).
      return { id, state, version: next.version, expiresAt: next.expiresAt };
    },
    async delete(id) {
      const existed = live(id) !== undefined;
      entries.delete(id);
      return existed;
    },
    async purgeExpired(at) {
      let purged = 0;
      for (const [id, entry] of entries) {
        if (entry.expiresAt <= at) {
          entries.delete(id);
          purged++;
        }
      }
      return purged;
    },
    async countActive(at) {
      return [...entries.values()].filter((entry) => entry.expiresAt > at).length;
    },
    async ping() {},
    async close() {
      entries.clear();
    },
  };
}
