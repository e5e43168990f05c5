/**
 * `npm run bench`: every benchmark of issue 9 in one process run (see
 * bench-all.ts), a table on stdout and the numbers in bench/results.json.
 *
 *   npm run bench                  the full run (several minutes)
 *   npm run bench -- --smoke       tiny counts, to check it all works (also BENCH_SMOKE=1)
 *   npm run bench -- --out=FILE    write the results elsewhere (a smoke run writes to the
 *                                  temp folder by default, never over bench/results.json)
 *
 * Redis is measured when it answers at MEDSPILLER_BENCH_REDIS_URL (default
 * redis://127.0.0.1:6379); when it does not, it is skipped with the reason
 * printed, unless CI=true, where that is an error. Run it with --expose-gc
 * (the npm script does) so the heap numbers come from a clean heap.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPOSITORY_ROOT, runBenchmarks } from './bench-all.js';
import { DEFAULT_REDIS_URL } from './bench-apps.js';
import { FULL_PLAN, SMOKE_PLAN } from './plan.js';
import { formatReport } from './report.js';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke') || process.env.BENCH_SMOKE === '1';
const defaultOut = smoke ? join(tmpdir(), 'medspiller-bench-results.smoke.json') : join(REPOSITORY_ROOT, 'bench', 'results.json');
const out = args.find((arg) => arg.startsWith('--out='))?.slice('--out='.length) ?? defaultOut;

const results = await runBenchmarks(smoke ? SMOKE_PLAN : FULL_PLAN, {
  root: REPOSITORY_ROOT,
  log: (line) => process.stderr.write(`${line}\n`),
  redisUrl: DEFAULT_REDIS_URL,
  requireRedis: process.env.CI === 'true',
});
process.stdout.write(`${formatReport(results)}\n`);
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
process.stderr.write(`\nwrote ${out}\n`);
