/**
 * Runs every benchmark of issue 9 in one process run, in an order chosen for
 * the measurements' sake: content first (so its first load is a start-up's
 * cold load), then the in-process engine measurements, then the servers,
 * which run on this thread while one worker thread generates load, and the
 * heap per session last.
 */
import { join } from 'node:path';
import { createContentSource } from '../src/content/index.js';
import { CONTENT_NAMES } from '../src/conversation/content-names.js';
import { silentLogger } from '../src/logger.js';
import type { ClosableContent } from '../src/server.js';
import {
  redisReachable,
  startBareApp,
  startBenchApp,
  type BenchApp,
  type BenchAppOptions,
  type BenchServer,
  type StoreKind,
} from './bench-apps.js';
import { benchContent, type ContentResult } from './content-bench.js';
import { benchComplaintFlow, benchEngineVsBotbuilder, JOURNEY_NOW, type ComplaintFlowCost, type EngineVsBotbuilder } from './engine-bench.js';
import { benchHttp, type HttpRow } from './http-bench.js';
import { describeMachine, snapshotMachine, type Machine } from './machine.js';
import { benchMemory, type MemoryResult } from './memory-bench.js';
import { benchOpenLoop, type OpenLoopRow } from './open-loop-bench.js';
import type { BenchPlan } from './plan.js';
import { startLoadRunner, type LoadRunner } from './run-load.js';
import { checkTargets, type TargetCheck } from './targets.js';

export interface OpenLoopResult {
  conversations: number;
  /** The target's rate first. */
  ratesPerSec: number[];
  durationSec: number;
  runs: number;
  /** One row per rate and store. */
  rows: OpenLoopRow[];
}

export interface BenchResults {
  smoke: boolean;
  engineVsBotbuilder: EngineVsBotbuilder;
  complaintFlow: ComplaintFlowCost;
  http: HttpRow[];
  openLoop: OpenLoopResult;
  memory: MemoryResult;
  content: ContentResult;
  /** Stores not measured, with the reason (Redis not reachable). */
  skipped: string[];
  targets: TargetCheck[];
  machine: Machine;
}

export interface RunOptions {
  /** The repository root: its flows/ and content/ are the real bundle. */
  root: string;
  /** Progress lines (never results): stderr under `npm run bench`. */
  log: (line: string) => void;
  redisUrl?: string;
  /** Fail instead of skipping when Redis is not reachable (CI). */
  requireRedis: boolean;
}

async function storesToMeasure(plan: BenchPlan, options: RunOptions, log: (line: string) => void, skipped: string[]): Promise<StoreKind[]> {
  if (!plan.stores.includes('redis') || (await redisReachable(options.redisUrl))) return plan.stores;
  const reason = `redis: not reachable at ${options.redisUrl ?? 'the default URL'}`;
  if (options.requireRedis) throw new Error(`${reason}, and it is required (CI=true)`);
  skipped.push(reason);
  log(`skipping ${reason}`);
  return plan.stores.filter((store) => store !== 'redis');
}

/** Starts the apps (and the bare server) into `servers` as it goes, so the caller can close whatever started. */
async function startServers(plan: BenchPlan, log: (line: string) => void, options: RunOptions, stores: StoreKind[], content: ClosableContent, servers: BenchServer[]) {
  const apps: BenchApp[] = [];
  const prepare = { conversations: Math.max(plan.http.conversations, plan.openLoop.conversations), redisUrl: options.redisUrl };
  const start = async (kind: StoreKind, extra: Partial<BenchAppOptions> = {}) => {
    const started = performance.now();
    const app = await startBenchApp(kind, content, { ...prepare, ...extra });
    servers.push(app);
    apps.push(app);
    log(`  ${app.name}: ${prepare.conversations} conversations prepared in ${Math.round(performance.now() - started)} ms`);
  };
  for (const kind of stores) {
    await start(kind);
    if (kind === 'memory' && plan.http.logsOffVariant) await start(kind, { logLevel: 'silent', name: 'memory, logs off' });
  }
  const bare = await startBareApp(apps[0]!.sampleReply);
  servers.push(bare);
  return { apps, bare };
}

export async function runBenchmarks(plan: BenchPlan, options: RunOptions): Promise<BenchResults> {
  const machineAtStart = snapshotMachine();
  const log = (line: string) => options.log(`[${((performance.now() - began) / 1000).toFixed(1).padStart(5)} s] ${line}`);
  const began = performance.now();
  const skipped: string[] = [];

  log('content: full bundle, hot reload, synthetic overlays');
  const contentResult = await benchContent(options.root, CONTENT_NAMES, plan.content);
  const content = await createContentSource(options.root, { watch: false, logger: silentLogger(), loadOptions: CONTENT_NAMES });
  try {
    log(`engine: four-step dialogue, ${plan.engine.conversations} conversations × ${plan.engine.rounds} rounds on each engine`);
    const engineVsBotbuilder = await benchEngineVsBotbuilder(plan.engine.conversations, plan.engine.rounds, { now: JOURNEY_NOW });
    log('engine: complaint journey, typed answers');
    const complaintFlow = benchComplaintFlow(content.current(), plan.complaintFlow.conversations, plan.complaintFlow.rounds);
    const stores = await storesToMeasure(plan, options, log, skipped);
    const { http, openLoop } = await benchServers(plan, options, log, stores, content);
    // Last, on a heap the servers have left: it fills the heap with 100,000s of sessions, which would
    // otherwise leave the servers a bigger heap to collect than a real service has.
    log('memory: heap per idle session');
    const memory = await benchMemory(content.current(), plan.memory);
    log('done');
    const results = { smoke: plan.smoke, engineVsBotbuilder, complaintFlow, http, openLoop, memory, content: contentResult, skipped };
    return { ...results, targets: checkTargets(results), machine: describeMachine(machineAtStart) };
  } finally {
    content.close();
  }
}

/** The HTTP and open-loop measurements: the servers on this thread, the load from one worker thread. */
async function benchServers(plan: BenchPlan, options: RunOptions, log: (line: string) => void, stores: StoreKind[], content: ClosableContent) {
  log('http: starting servers');
  const servers: BenchServer[] = [];
  let runner: LoadRunner | undefined;
  try {
    const { apps, bare } = await startServers(plan, log, options, stores, content, servers);
    runner = await startLoadRunner();
    log(`http: autocannon at ${plan.http.connections.join(', ')} connections, ${plan.http.rounds} rounds of ${plan.http.durationSec} s`);
    const http = await benchHttp(runner, apps, bare, plan.http);
    const { openLoop: ol } = plan;
    log(`open loop: ${ol.ratesPerSec.join(' and ')}/s over ${ol.conversations} conversations, ${ol.runs} runs of ${ol.durationSec} s`);
    const measured = apps.filter((app) => (stores as string[]).includes(app.name));
    const rows = await benchOpenLoop(runner, measured, ol);
    const openLoop: OpenLoopResult = { conversations: ol.conversations, ratesPerSec: ol.ratesPerSec, durationSec: ol.durationSec, runs: ol.runs, rows };
    return { http, openLoop };
  } finally {
    await runner?.close();
    for (const server of servers) await server.close();
  }
}

export const REPOSITORY_ROOT = join(import.meta.dirname, '..');
