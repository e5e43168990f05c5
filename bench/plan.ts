/**
 * How much each benchmark does: the full plan (`npm run bench`) and the smoke
 * plan (`npm run bench -- --smoke`, BENCH_SMOKE=1, and the test that keeps the
 * benchmark code from rotting), which runs every code path with tiny counts.
 */
import type { StoreKind } from './bench-apps.js';
import type { ContentOptions } from './content-bench.js';
import type { HttpOptions } from './http-bench.js';
import type { MemoryOptions } from './memory-bench.js';
import type { OpenLoopOptions } from './open-loop-bench.js';

export interface Rounds {
  conversations: number;
  rounds: number;
}

export interface BenchPlan {
  smoke: boolean;
  engine: Rounds;
  complaintFlow: Rounds;
  http: HttpOptions & {
    /** Conversations prepared on each app (open loop uses the first `openLoop.conversations`). */
    conversations: number;
    /** Also measure the memory store with logging off, to show what the request logs cost. */
    logsOffVariant: boolean;
  };
  openLoop: OpenLoopOptions;
  memory: MemoryOptions;
  content: ContentOptions;
  /** Stores measured over HTTP; Redis is dropped (with a printed reason) when it is not reachable. */
  stores: StoreKind[];
}

export const FULL_PLAN: BenchPlan = {
  smoke: false,
  engine: { conversations: 10_000, rounds: 3 },
  complaintFlow: { conversations: 2_000, rounds: 3 },
  http: { conversations: 1_000, connections: [50, 200], durationSec: 5, rounds: 3, logsOffVariant: true },
  openLoop: { conversations: 1_000, ratesPerSec: [3_000, 1_000], durationSec: 10, warmupSec: 2, runs: 3 },
  memory: { conversations: 100_000, complaintConversations: 100_000, botbuilderConversations: 20_000 },
  content: { repeats: 5, overlays: 100 },
  stores: ['memory', 'sqlite', 'redis'],
};

export const SMOKE_PLAN: BenchPlan = {
  smoke: true,
  engine: { conversations: 20, rounds: 1 },
  complaintFlow: { conversations: 10, rounds: 1 },
  http: { conversations: 20, connections: [4], durationSec: 0.3, rounds: 1, logsOffVariant: true },
  openLoop: { conversations: 20, ratesPerSec: [100, 50], durationSec: 0.3, warmupSec: 0.1, runs: 1 },
  // Enough sessions that the heap's growth stands out from its noise.
  memory: { conversations: 2_000, complaintConversations: 1_000, botbuilderConversations: 300 },
  content: { repeats: 1, overlays: 3 },
  stores: ['memory', 'sqlite', 'redis'],
};
