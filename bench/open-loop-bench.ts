/**
 * Latency under a given load, open loop: for each rate, that many help turns a
 * second, evenly spaced and spread round-robin over `conversations`
 * conversations, for `durationSec` (after a warm-up), on each store; `runs`
 * runs, median reported. Latency is timed from when each request was due (see
 * load-worker.ts). The first rate is the target's; a lower one shows the
 * latency at a load the machine can carry.
 */
import { performance } from 'node:perf_hooks';
import { TURN_BODY, type BenchApp } from './bench-apps.js';
import type { OpenLoopOutcome } from './load-worker.js';
import type { LoadRunner } from './run-load.js';
import { median, round } from './stats.js';

export interface OpenLoopOptions {
  conversations: number;
  ratesPerSec: number[];
  durationSec: number;
  warmupSec: number;
  runs: number;
}

export interface OpenLoopRow {
  store: string;
  conversations: number;
  offeredPerSec: number;
  durationSec: number;
  achievedPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** p99 of each run, in order: the median of these is p99Ms. */
  p99ByRun: number[];
  maxMs: number;
  failed: number;
  /** The driver's own lateness (p99, median of runs): the floor of what it can measure. */
  sendLagP99Ms: number;
  /** Share of the time the server's thread was busy (median of runs): near 1, requests queue. */
  serverBusy: number;
}

type Outcome = OpenLoopOutcome & { serverBusy: number };

export async function benchOpenLoop(runner: LoadRunner, apps: BenchApp[], options: OpenLoopOptions): Promise<OpenLoopRow[]> {
  const { conversations, durationSec, warmupSec } = options;
  const rows: OpenLoopRow[] = [];
  for (const ratePerSec of options.ratesPerSec) {
    const outcomes = new Map<string, Outcome[]>(apps.map((app) => [app.name, []]));
    // Runs alternate between the stores, so a burst of load from elsewhere on the machine hits them all.
    for (let run = 0; run < options.runs; run++) {
      for (const app of apps) {
        const paths = app.turnPaths.slice(0, conversations);
        if (paths.length < conversations) throw new Error(`${app.name}: only ${paths.length} conversations prepared`);
        const job = { kind: 'open-loop', origin: app.origin, paths, body: TURN_BODY, ratePerSec, durationSec, warmupSec, sockets: conversations } as const;
        const before = performance.eventLoopUtilization();
        const outcome = await runner.run(job);
        outcomes.get(app.name)!.push({ ...outcome, serverBusy: performance.eventLoopUtilization(before).utilization });
      }
    }
    rows.push(...apps.map((app) => summarise(app.name, ratePerSec, options, outcomes.get(app.name)!)));
  }
  return rows;
}

function summarise(store: string, offeredPerSec: number, options: OpenLoopOptions, runs: Outcome[]): OpenLoopRow {
  return {
    store,
    conversations: options.conversations,
    offeredPerSec,
    durationSec: options.durationSec,
    achievedPerSec: Math.round(median(runs.map((r) => r.achievedPerSec))),
    p50Ms: round(median(runs.map((r) => r.p50Ms)), 2),
    p99Ms: round(median(runs.map((r) => r.p99Ms)), 2),
    p99ByRun: runs.map((r) => round(r.p99Ms, 2)),
    maxMs: round(Math.max(...runs.map((r) => r.maxMs)), 1),
    failed: runs.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
    sendLagP99Ms: round(median(runs.map((r) => r.sendLagP99Ms)), 2),
    serverBusy: round(median(runs.map((r) => r.serverBusy)), 2),
  };
}
