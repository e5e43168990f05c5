/** RequestStore in process memory: for tests and `medspiller chat`. */
import { oldestFirst, type AdviserRequest, type RequestStore } from './request-store.js';

export function createMemoryRequestStore(options: { now?: () => number } = {}): RequestStore {
  const now = options.now ?? Date.now;
  const requests = new Map<string, AdviserRequest>();
  const claims = new Map<string, { owner: string; until: number }>();
  const live = () => [...requests.values()].filter((r) => r.expiresAt > now());

  return {
    kind: 'memory',
    async add(request) {
      if (requests.has(request.id)) throw new Error(`request ${request.id} already exists`);
      requests.set(request.id, structuredClone(request));
    },
    async get(id) {
      const request = requests.get(id);
      return request && request.expiresAt > now() ? structuredClone(request) : undefined;
    },
    async list(filter = {}) {
      return live()
        .filter((r) => (!filter.status || r.status === filter.status) && (!filter.municipality || r.municipality === filter.municipality))
        .sort(oldestFirst)
        .slice(0, filter.limit ?? 100)
        .map((r) => structuredClone(r));
    },
    async setStatus(id, status, attempts) {
      const request = requests.get(id);
      if (!request || request.expiresAt <= now()) return false;
      requests.set(id, { ...request, status, attempts });
      return true;
    },
    async claimDue(owner, at, leaseMs, limit) {
      const due = [...requests.values()]
        .filter((r) => r.status === 'pending' && r.expiresAt > at && (r.nextAttemptAt ?? 0) <= at && (claims.get(r.id)?.until ?? 0) <= at)
        .sort(oldestFirst)
        .slice(0, limit);
      for (const r of due) claims.set(r.id, { owner, until: at + leaseMs });
      return due.map((r) => structuredClone(r));
    },
    async recordAttempt(id, owner, outcome) {
      const request = requests.get(id);
      if (!request || request.expiresAt <= now() || claims.get(id)?.owner !== owner) return false;
      claims.delete(id);
      const next: AdviserRequest = { ...request, status: outcome.status, attempts: outcome.attempts };
      delete next.deliveredTo;
      delete next.nextAttemptAt;
      if (outcome.deliveredTo.length > 0) next.deliveredTo = [...outcome.deliveredTo];
      if (outcome.nextAttemptAt !== undefined) next.nextAttemptAt = outcome.nextAttemptAt;
      requests.set(id, next);
      return true;
    },
    async deleteByConversation(conversationId) {
      let deleted = 0;
      for (const [id, request] of requests) {
        if (request.conversationId === conversationId) {
          requests.delete(id);
          claims.delete(id);
          deleted++;
        }
      }
      return deleted;
    },
    async purgeExpired(at) {
      let purged = 0;
      for (const [id, request] of requests) {
        if (request.expiresAt <= at) {
          requests.delete(id);
          purged++;
        }
      }
      return purged;
    },
    async ping() {},
    async close() {
      requests.clear();
    },
  };
}
