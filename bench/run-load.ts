/**
 * The load generator: one worker thread (see load-worker.ts) that runs load
 * jobs one after the other and answers with what it measured. Started once per
 * benchmark run; the caller closes it.
 */
import { Worker } from 'node:worker_threads';
import type { AutocannonJob, AutocannonOutcome, LoadJob, OpenLoopJob, OpenLoopOutcome } from './load-worker.js';

// The worker is TypeScript: it registers tsx's loader itself, which works under `npm run bench` and vitest alike.
const WORKER_URL = new URL('./load-worker.ts', import.meta.url).href;
const BOOTSTRAP = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); });`;

export interface LoadRunner {
  run(job: AutocannonJob): Promise<AutocannonOutcome>;
  run(job: OpenLoopJob): Promise<OpenLoopOutcome>;
  close(): Promise<void>;
}

type Reply = { ready: true } | { outcome: AutocannonOutcome | OpenLoopOutcome } | { error: string };

export async function startLoadRunner(): Promise<LoadRunner> {
  const worker = new Worker(BOOTSTRAP, { eval: true });
  let pending: { resolve(reply: Reply): void; reject(error: Error): void } | undefined;
  const failAll = (error: Error) => {
    pending?.reject(error);
    pending = undefined;
  };
  worker.on('message', (reply: Reply) => {
    pending?.resolve(reply);
    pending = undefined;
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the load worker exited with code ${code}`)));
  const next = () => new Promise<Reply>((resolve, reject) => (pending = { resolve, reject }));

  await next(); // { ready: true }
  let queue: Promise<unknown> = Promise.resolve();
  const runOne = async (job: LoadJob): Promise<AutocannonOutcome | OpenLoopOutcome> => {
    const reply = next();
    worker.postMessage(job);
    const answer = await reply;
    if ('error' in answer) throw new Error(`load job failed: ${answer.error}`);
    if (!('outcome' in answer)) throw new Error('the load worker answered out of turn');
    return answer.outcome;
  };
  // Jobs run one at a time: two at once would share the client's core and measure each other.
  function run(job: AutocannonJob): Promise<AutocannonOutcome>;
  function run(job: OpenLoopJob): Promise<OpenLoopOutcome>;
  function run(job: LoadJob): Promise<AutocannonOutcome | OpenLoopOutcome> {
    const running = queue.then(() => runOne(job));
    queue = running.catch(() => {});
    return running;
  }
  return {
    run,
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
