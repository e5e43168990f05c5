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

/** Heap bytes in use once everything unreachable is collected (twice: weak references and finalisers settle). */
export function settledHeapBytes(): number {
  found.gc();
  found.gc();
  return process.memoryUsage().heapUsed;
}
