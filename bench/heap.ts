/**
 * Heap measurements: the heap in use after full garbage collections. Needs a
 * callable `gc`: `npm run bench` passes --expose-gc; elsewhere (vitest) the
 * flag is set at run time and `gc` fetched from a fresh context, which V8
 * allows once the flag is on.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export type GcSource = 'expose-gc' | 'flag set at run time';

function findGc(): { gc: () => void; source: GcSource } {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return { gc: exposed, source: 'expose-gc' };
  setFlagsFromString('--expose-gc');
  return { gc: runInNewContext('gc') as () => void, source: 'flag set at run time' };
}

const found = findGc();
export const gcSource: GcSource = found.source;

const STABLE_BYTES = 64 * 1024;
const MAX_SETTLES = 20;

/**
 * Heap bytes in use once everything unreachable is collected. Collects until
 * two readings a few milliseconds apart agree: things closed just before (a
 * server's sockets, timers) are released over a few turns of the event loop.
 */
export async function settledHeapBytes(): Promise<number> {
  let last = Number.NaN;
  for (let i = 0; i < MAX_SETTLES; i++) {
    found.gc();
    const now = process.memoryUsage().heapUsed;
    if (Math.abs(now - last) < STABLE_BYTES) return now;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return last;
}
