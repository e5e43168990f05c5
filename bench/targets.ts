/**
 * The targets of issue 9, checked against a run's results. A target whose
 * measurement is missing (Redis away, say) is left out rather than failed.
 */
import type { BenchResults } from './bench-all.js';

export interface TargetCheck {
  name: string;
  target: string;
  measured: number;
  unit: string;
  met: boolean;
}

const KIB = 1024;

export function checkTargets(results: Omit<BenchResults, 'targets' | 'machine'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (name: string, target: string, measured: number | undefined, unit: string, met: (value: number) => boolean) => {
    if (measured !== undefined && Number.isFinite(measured)) checks.push({ name, target, measured, unit, met: met(measured) });
  };
  add('engine vs botbuilder-dialogs (turns/s ratio)', '≥ 50×', results.engineVsBotbuilder.ratio, '×', (v) => v >= 50);
  const turnAt50 = (target: string) => results.http.find((row) => row.target === target && row.connections === 50)?.ofBaseline;
  add('HTTP turn, memory, of the like-for-like POST (50 conn.)', '≥ 0.80', turnAt50('turn: memory'), '', (v) => v >= 0.8);
  add('HTTP turn, SQLite, of the like-for-like POST (50 conn.)', '≥ 0.60', turnAt50('turn: sqlite'), '', (v) => v >= 0.6);
  for (const row of results.openLoop.rows.filter((r) => r.offeredPerSec === results.openLoop.ratesPerSec[0])) {
    add(`open loop p99, ${row.store} (${row.conversations} conv., ${row.offeredPerSec}/s, median of ${row.p99ByRun.length})`, '≤ 10 ms', row.p99Ms, 'ms', (v) => v <= 10);
  }
  const { memory, content } = results;
  add('heap per idle session, four-step dialogue', '≤ 1 KiB', memory.medspillerFourStep.bytesPerSession, 'B', (v) => v <= KIB);
  add('heap per idle session, complaint journey', '≤ 1 KiB', memory.medspillerComplaint.bytesPerSession, 'B', (v) => v <= KIB);
  add('full bundle load + validation, first in the process', '< 300 ms', content.fullBundle.firstMs, 'ms', (v) => v < 300);
  add('full bundle load + validation, warm (median)', '< 300 ms', content.fullBundle.medianMs, 'ms', (v) => v < 300);
  add(`${content.syntheticOverlays.municipalities - content.fullBundle.municipalities} overlays, warm (median)`, '< 1000 ms', content.syntheticOverlays.medianMs, 'ms', (v) => v < 1000);
  return checks;
}
