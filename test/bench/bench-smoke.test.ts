/**
 * The benchmarks (`npm run bench`) with tiny counts, so their code cannot rot:
 * every measurement runs and answers with finite, sensible numbers in the
 * shape bench/results.json promises. The numbers themselves mean nothing here.
 * Redis is measured when reachable (required when CI=true).
 */
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT, runBenchmarks, type BenchResults } from '../../bench/bench-all.js';
import { SMOKE_PLAN } from '../../bench/plan.js';
import { formatReport } from '../../bench/report.js';
import { redisAvailable, TEST_REDIS_URL } from '../stores/external-services.js';

/** Every number anywhere in `value`, with its path. */
function numbersIn(value: unknown, path = ''): Array<[string, number]> {
  if (typeof value === 'number') return [[path, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => numbersIn(inner, `${path}.${key}`));
}

describe('npm run bench, smoke-sized', () => {
  let results: BenchResults;

  it('runs every benchmark in one run', async () => {
    const withRedis = await redisAvailable();
    const plan = { ...SMOKE_PLAN, stores: withRedis ? SMOKE_PLAN.stores : SMOKE_PLAN.stores.filter((store) => store !== 'redis') };
    results = await runBenchmarks(plan, { root: REPOSITORY_ROOT, log: () => {}, redisUrl: TEST_REDIS_URL, requireRedis: withRedis });
    expect(Object.keys(results)).toEqual(expect.arrayContaining(['engineVsBotbuilder', 'complaintFlow', 'http', 'openLoop', 'memory', 'content', 'machine']));
    expect(results.smoke).toBe(true);
    const expectedTargets = ['bare GET (ceiling)', 'bare POST (baseline)', 'turn: memory', 'turn: memory, logs off', 'turn: sqlite', ...(withRedis ? ['turn: redis'] : [])];
    expect(results.http.map((row) => row.target)).toEqual(expectedTargets);
    const stores = ['memory', 'sqlite', ...(withRedis ? ['redis'] : [])];
    expect(results.openLoop.rows.map((row) => `${row.store}@${row.offeredPerSec}`)).toEqual(
      SMOKE_PLAN.openLoop.ratesPerSec.flatMap((rate) => stores.map((store) => `${store}@${rate}`)),
    );
  }, 60_000);

  it('gives only finite, non-negative numbers', () => {
    const numbers = numbersIn(results);
    expect(numbers.length).toBeGreaterThan(50);
    for (const [path, value] of numbers) {
      expect(Number.isFinite(value), path).toBe(true);
      expect(value, path).toBeGreaterThanOrEqual(0);
    }
  });

  it('measures both engines, the complaint journey and the JSON reference', () => {
    const engine = results.engineVsBotbuilder;
    expect(engine.medspillerTurnsPerSec).toBeGreaterThan(0);
    expect(engine.botbuilderTurnsPerSec).toBeGreaterThan(0);
    expect(engine.jsonRoundTripTurnsPerSec).toBeGreaterThan(0);
    expect(engine.ratio).toBeGreaterThan(0);
    expect(results.complaintFlow.usPerTurn).toBeGreaterThan(0);
    expect(Object.keys(results.complaintFlow.usByTurn)).toHaveLength(results.complaintFlow.turnsPerConversation);
  });

  it('answers every HTTP and open-loop request with success', () => {
    for (const row of results.http) {
      expect(row.failed, row.target).toBe(0);
      expect(row.requestsPerSec, row.target).toBeGreaterThan(0);
      expect(row.serverUsPerRequest, row.target).toBeGreaterThan(0);
      expect(row.p99Ms, row.target).toBeGreaterThanOrEqual(row.p50Ms);
    }
    expect(results.http.find((row) => row.target === 'bare POST (baseline)')?.ofBaseline).toBe(1);
    for (const row of results.openLoop.rows) {
      expect(row.failed, row.store).toBe(0);
      expect(row.achievedPerSec, row.store).toBeGreaterThan(0);
      expect(row.p99Ms, row.store).toBeGreaterThanOrEqual(row.p50Ms);
      expect(row.p99ByRun).toHaveLength(results.openLoop.runs);
    }
  });

  it('measures the heap of stored sessions on both engines', () => {
    const { medspillerFourStep, medspillerComplaint, botbuilderFourStep } = results.memory;
    for (const heap of [medspillerFourStep, medspillerComplaint, botbuilderFourStep]) {
      expect(heap.bytesPerSession).toBeGreaterThan(0);
      expect(heap.storedJsonBytes).toBeGreaterThan(0);
    }
    // A session holds at least its JSON text (one byte a character: the states are ASCII).
    expect(medspillerComplaint.bytesPerSession).toBeGreaterThan(medspillerComplaint.storedJsonBytes);
  });

  it('times the content loads and a hot reload', () => {
    const { fullBundle, syntheticOverlays, hotReloadMs } = results.content;
    expect(fullBundle.firstMs).toBeGreaterThan(0);
    expect(fullBundle.medianMs).toBeGreaterThan(0);
    expect(syntheticOverlays.municipalities).toBe(fullBundle.municipalities + SMOKE_PLAN.content.overlays);
    expect(hotReloadMs).toBeGreaterThan(0);
  });

  it('checks the targets and prints a table naming each section', () => {
    expect(results.targets.length).toBeGreaterThan(5);
    for (const target of results.targets) expect(typeof target.met).toBe('boolean');
    expect(results.machine.cpus).toBeGreaterThan(0);
    const report = formatReport(results);
    for (const title of ['Engine: four-step dialogue', 'HTTP turn', 'Open loop', 'Memory', 'Content', 'Targets']) expect(report).toContain(title);
  });
});
