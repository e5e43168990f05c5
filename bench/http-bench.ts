/**
 * HTTP turn against bare Fastify, with autocannon (closed loop) at several
 * connection counts: every target runs in every round, in the same process, so
 * the ratios compare like with like under the same machine load.
 *
 * Besides what the client sees (req/s, p50, p99), each row has the server's own
 * cost of a request: the main thread's busy time (event-loop utilisation)
 * divided by the requests answered. The servers all run on the main thread and
 * the client on another, so this number hardly moves when the client or a
 * neighbour on the machine takes CPU, where req/s does.
 */
import { performance } from 'node:perf_hooks';
import { baselinePath, CEILING_PATH, TURN_BODY, type BenchApp, type BenchServer } from './bench-apps.js';
import type { AutocannonOutcome } from './load-worker.js';
import type { LoadRunner } from './run-load.js';
import { median, round } from './stats.js';

export interface HttpOptions {
  connections: number[];
  durationSec: number;
  rounds: number;
}

export interface HttpRow {
  target: string;
  connections: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Main-thread busy µs per request answered (median over rounds). */
  serverUsPerRequest: number;
  /** Non-2xx answers and socket errors summed over the rounds: must be 0 for the numbers to mean anything. */
  failed: number;
  /** Median over rounds of req/s divided by the like-for-like POST baseline's in the same round. */
  ofBaseline: number;
  ofCeiling: number;
}

interface Target {
  name: string;
  origin: string;
  method: 'GET' | 'POST';
  paths: string[];
  body?: string;
}

interface Sample extends AutocannonOutcome {
  serverUsPerRequest: number;
}

const CEILING = 'bare GET (ceiling)';
const BASELINE = 'bare POST (baseline)';

function targetsOf(apps: BenchApp[], bare: BenchServer): Target[] {
  const ids = apps[0]?.conversationIds ?? ['x'];
  return [
    { name: CEILING, origin: bare.origin, method: 'GET', paths: [CEILING_PATH] },
    { name: BASELINE, origin: bare.origin, method: 'POST', paths: ids.map(baselinePath), body: TURN_BODY },
    ...apps.map((app): Target => ({ name: `turn: ${app.name}`, origin: app.origin, method: 'POST', paths: app.turnPaths, body: TURN_BODY })),
  ];
}

async function load(runner: LoadRunner, target: Target, connections: number, durationSec: number): Promise<Sample> {
  const { origin, method, paths, body } = target;
  const before = performance.eventLoopUtilization();
  const outcome = await runner.run({ kind: 'autocannon', origin, method, paths, body, connections, durationSec });
  const busyMs = performance.eventLoopUtilization(before).active;
  return { ...outcome, serverUsPerRequest: outcome.total > 0 ? (busyMs * 1000) / outcome.total : Number.NaN };
}

export async function benchHttp(runner: LoadRunner, apps: BenchApp[], bare: BenchServer, options: HttpOptions): Promise<HttpRow[]> {
  const targets = targetsOf(apps, bare);
  for (const target of targets) await load(runner, target, options.connections[0]!, Math.min(1, options.durationSec));
  const samples = new Map<string, Sample[]>();
  const key = (target: string, connections: number) => `${target}@${connections}`;
  for (let round = 0; round < options.rounds; round++) {
    for (const connections of options.connections) {
      for (const target of targets) {
        const sample = await load(runner, target, connections, options.durationSec);
        samples.set(key(target.name, connections), [...(samples.get(key(target.name, connections)) ?? []), sample]);
      }
    }
  }
  return options.connections.flatMap((connections) => {
    const of = (name: string) => samples.get(key(name, connections))!;
    const ratioTo = (mine: Sample[], base: Sample[]) => round(median(mine.map((m, i) => m.requestsPerSec / base[i]!.requestsPerSec)), 3);
    return targets.map((target): HttpRow => {
      const mine = of(target.name);
      return {
        target: target.name,
        connections,
        requestsPerSec: Math.round(median(mine.map((m) => m.requestsPerSec))),
        p50Ms: median(mine.map((m) => m.p50Ms)),
        p99Ms: median(mine.map((m) => m.p99Ms)),
        serverUsPerRequest: Math.round(median(mine.map((m) => m.serverUsPerRequest))),
        failed: mine.reduce((sum, m) => sum + m.non2xx + m.errors, 0),
        ofBaseline: ratioTo(mine, of(BASELINE)),
        ofCeiling: ratioTo(mine, of(CEILING)),
      };
    });
  });
}
