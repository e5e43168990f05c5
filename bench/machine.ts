/**
 * The machine a run measured, and how busy the rest of it was meanwhile: the
 * CPU time every other process used (from /proc/stat, Linux only), as a share
 * of all cores. Redis, when measured, counts as "other".
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { round } from './stats.js';

export interface Machine {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started and ended. */
  loadAverageStart: number;
  loadAverageEnd: number;
  /** Share of all cores' time used by other processes during the run (null where /proc/stat is missing). */
  othersCpuShare: number | null;
  seconds: number;
}

interface Snapshot {
  at: number;
  loadAverage: number;
  /** Busy and total jiffies of all cores, or undefined off Linux. */
  busy?: number;
  total?: number;
  /** This process's CPU µs. */
  ownUs: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux Node runs on

function procStat(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const busy = user! + nice! + system! + irq! + softirq! + steal!;
    return { busy, total: busy + idle! + iowait! };
  } catch {
    return undefined;
  }
}

export function snapshotMachine(): Snapshot {
  const usage = process.cpuUsage();
  return { at: Date.now(), loadAverage: loadavg()[0]!, ...procStat(), ownUs: usage.user + usage.system };
}

export function describeMachine(start: Snapshot): Machine {
  const end = snapshotMachine();
  let othersCpuShare: number | null = null;
  if (start.busy !== undefined && end.busy !== undefined && end.total! > start.total!) {
    const ownTicks = ((end.ownUs - start.ownUs) / 1e6) * TICKS_PER_SECOND;
    othersCpuShare = round(Math.max(0, end.busy - start.busy - ownTicks) / (end.total! - start.total!), 3);
  }
  const cores = cpus();
  return {
    date: new Date(end.at).toISOString(),
    cpus: cores.length,
    cpuModel: cores[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageStart: round(start.loadAverage, 2),
    loadAverageEnd: round(end.loadAverage, 2),
    othersCpuShare,
    seconds: Math.round((end.at - start.at) / 1000),
  };
}
