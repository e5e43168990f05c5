/**
 * The load generators, run in a worker thread so the server under test keeps
 * the main thread to itself (the client's JavaScript would otherwise share its
 * event loop and skew both throughput and latency). On two cores the worker
 * gets one and the server the other, as a client on another machine would;
 * Redis, when measured, shares them with both.
 *
 *  - autocannon (closed loop): `connections` keep-alive connections, each
 *    sending its next request when the last one is answered; every request
 *    picks the next path in turn, so consecutive turns go to different
 *    conversations.
 *  - open loop: requests are due at evenly spaced instants whatever the
 *    server does, and latency is timed from when each was DUE, so a stall
 *    shows up in the latency of every request it delays.
 */
import { Agent, request } from 'node:http';
import { parentPort } from 'node:worker_threads';
import autocannon from 'autocannon';
import { percentile } from './stats.js';

export interface AutocannonJob {
  kind: 'autocannon';
  origin: string;
  method: 'GET' | 'POST';
  paths: string[];
  body?: string;
  connections: number;
  durationSec: number;
}

export interface AutocannonOutcome {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
}

export interface OpenLoopJob {
  kind: 'open-loop';
  origin: string;
  paths: string[];
  body: string;
  ratePerSec: number;
  durationSec: number;
  /** Requests due in this first stretch warm up the server and are not counted. */
  warmupSec: number;
  sockets: number;
}

export interface OpenLoopOutcome {
  offered: number;
  completed: number;
  achievedPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  /** How late the driver itself sent requests (p99): latency below this cannot be told apart from the driver. */
  sendLagP99Ms: number;
}

export type LoadJob = AutocannonJob | OpenLoopJob;

async function runAutocannon(job: AutocannonJob): Promise<AutocannonOutcome> {
  let next = 0;
  const options = {
    url: job.origin,
    connections: job.connections,
    duration: job.durationSec,
    // autocannon stops at its first sample tick after the duration: short runs (the smoke test) tick sooner.
    sampleInt: Math.min(1000, job.durationSec * 1000),
    requests: [
      {
        method: job.method,
        ...(job.body !== undefined && { body: job.body, headers: { 'content-type': 'application/json' } }),
        setupRequest: (req: object) => ({ ...req, path: job.paths[next++ % job.paths.length]! }),
      },
    ],
  };
  // Off the main thread autocannon hands back its histograms encoded; this decodes them.
  const result = autocannon.aggregateResult([await autocannon(options)], options);
  return {
    // Only the latency histogram survives aggregation off the main thread; the count of requests does.
    requestsPerSec: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

function runOpenLoop(job: OpenLoopJob): Promise<OpenLoopOutcome> {
  const url = new URL(job.origin);
  const agent = new Agent({ keepAlive: true, maxSockets: job.sockets });
  const intervalMs = 1000 / job.ratePerSec;
  const total = Math.round(job.ratePerSec * (job.warmupSec + job.durationSec));
  const counted = Math.round(job.ratePerSec * job.warmupSec);
  const latencies: number[] = [];
  const lags: number[] = [];
  let sent = 0;
  let settled = 0;
  let non2xx = 0;
  let errors = 0;
  const begin = performance.now() + 20;
  const firstCountedDue = begin + counted * intervalMs;
  let lastEnd = firstCountedDue;

  return new Promise((resolve) => {
    const settle = (index: number, due: number, ok: boolean | 'error') => {
      if (index >= counted) {
        lastEnd = performance.now();
        if (ok === 'error') errors++;
        else {
          if (!ok) non2xx++;
          latencies.push(lastEnd - due);
        }
      }
      if (++settled === total) {
        agent.destroy();
        const seconds = (lastEnd - firstCountedDue) / 1000;
        resolve(summarise(latencies, lags, { offered: total - counted, seconds, non2xx, errors }));
      }
    };
    const fire = (index: number, due: number) => {
      if (index >= counted) lags.push(performance.now() - due);
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: job.paths[index % job.paths.length],
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(job.body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => settle(index, due, res.statusCode! >= 200 && res.statusCode! < 300));
        },
      );
      req.on('error', () => settle(index, due, 'error'));
      req.end(job.body);
    };
    const pump = () => {
      const now = performance.now();
      while (sent < total && begin + sent * intervalMs <= now) {
        fire(sent, begin + sent * intervalMs);
        sent++;
      }
      if (sent < total) setTimeout(pump, Math.max(0, begin + sent * intervalMs - performance.now()));
    };
    setTimeout(pump, 20);
  });
}

interface Counts {
  offered: number;
  seconds: number;
  non2xx: number;
  errors: number;
}

function summarise(latencies: number[], lags: number[], { offered, seconds, non2xx, errors }: Counts): OpenLoopOutcome {
  latencies.sort((a, b) => a - b);
  lags.sort((a, b) => a - b);
  return {
    offered,
    completed: latencies.length,
    achievedPerSec: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p90Ms: percentile(latencies, 90),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? Number.NaN,
    non2xx,
    errors,
    sendLagP99Ms: percentile(lags, 99),
  };
}

// One worker serves every job of a run, one job at a time: started once, so no job's numbers include a start-up.
if (parentPort) {
  const port = parentPort;
  port.on('message', (job: LoadJob) => {
    const running = job.kind === 'autocannon' ? runAutocannon(job) : runOpenLoop(job);
    running.then(
      (outcome) => port.postMessage({ outcome }),
      (error: unknown) => port.postMessage({ error: (error as Error).message }),
    );
  });
  port.postMessage({ ready: true });
}
