/** The benchmark results as plain-text tables, for the terminal. Pure. */
import type { BenchResults } from './bench-all.js';

type Cell = string | number | null | undefined;

function table(title: string, header: string[], rows: Cell[][]): string {
  const text = rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '–' : String(cell))));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [`\n${title}`, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n');
}

const n = (value: number) => Math.round(value).toLocaleString('en-US');

export function formatReport(r: BenchResults): string {
  const e = r.engineVsBotbuilder;
  const c = r.complaintFlow;
  const m = r.memory;
  const sections = [
    table(`Engine: four-step dialogue, ${n(e.conversations)} conversations × ${e.rounds} rounds, JSON round trip of the state every turn`, ['engine', 'turns/s', 'µs/turn'], [
      ['Medspiller', n(e.medspillerTurnsPerSec), (1e6 / e.medspillerTurnsPerSec).toFixed(1)],
      ['botbuilder-dialogs', n(e.botbuilderTurnsPerSec), (1e6 / e.botbuilderTurnsPerSec).toFixed(1)],
      ['JSON round trip alone', n(e.jsonRoundTripTurnsPerSec), (1e6 / e.jsonRoundTripTurnsPerSec).toFixed(1)],
      ['ratio Medspiller / botbuilder', `${e.ratio.toFixed(1)}×`, ''],
    ]),
    table(`Engine: complaint journey typed as free text, ${n(c.conversations)} conversations × ${c.turnsPerConversation} turns`, ['turn', 'µs'], [
      ...Object.entries(c.usByTurn),
      ['mean per turn', c.usPerTurn],
    ]),
    table('HTTP turn ({"action":"help"}) against bare Fastify, autocannon', ['target', 'conn.', 'req/s', 'p50 ms', 'p99 ms', 'server µs/req', 'of POST', 'of GET', 'failed'], r.http.map((row) => [
      row.target, row.connections, n(row.requestsPerSec), row.p50Ms, row.p99Ms, row.serverUsPerRequest, row.ofBaseline.toFixed(2), row.ofCeiling.toFixed(2), row.failed,
    ])),
    table(`Open loop: turns offered evenly over ${n(r.openLoop.conversations)} conversations, ${r.openLoop.runs} runs of ${r.openLoop.durationSec} s each`, ['store', 'offered/s', 'achieved/s', 'p50 ms', 'p99 ms (median)', 'p99 by run', 'max ms', 'server busy', 'driver lag p99', 'failed'], r.openLoop.rows.map((row) => [
      row.store, n(row.offeredPerSec), n(row.achievedPerSec), row.p50Ms, row.p99Ms, row.p99ByRun.join(' / '), row.maxMs, row.serverBusy, row.sendLagP99Ms, row.failed,
    ])),
    table(`Memory: heap per idle session mid-journey (gc: ${m.gc})`, ['sessions', 'count', 'bytes/session', 'stored JSON bytes'], [
      ['Medspiller memory store, four-step at the yes/no', n(m.medspillerFourStep.conversations), m.medspillerFourStep.bytesPerSession, m.medspillerFourStep.storedJsonBytes],
      ['Medspiller memory store, complaint at its options', n(m.medspillerComplaint.conversations), m.medspillerComplaint.bytesPerSession, m.medspillerComplaint.storedJsonBytes],
      ['botbuilder ConversationState, four-step at the yes/no', n(m.botbuilderFourStep.conversations), m.botbuilderFourStep.bytesPerSession, m.botbuilderFourStep.storedJsonBytes],
    ]),
    table('Content', ['what', 'first ms', 'median ms', 'municipalities', 'warnings'], [
      ['full bundle: load + validate', r.content.fullBundle.firstMs, r.content.fullBundle.medianMs, r.content.fullBundle.municipalities, r.content.fullBundle.warnings],
      ['synthetic overlays bundle', r.content.syntheticOverlays.firstMs, r.content.syntheticOverlays.medianMs, r.content.syntheticOverlays.municipalities, r.content.syntheticOverlays.warnings],
      ['hot reload (reload() after an edit)', '', r.content.hotReloadMs, '', ''],
    ]),
    table('Targets (issue 9)', ['target', 'wanted', 'measured', 'met'], r.targets.map((t) => [t.name, t.target, `${t.measured}${t.unit}`, t.met ? 'yes' : 'NO'])),
  ];
  const mc = r.machine;
  const others = mc.othersCpuShare === null ? 'unknown' : `${Math.round(mc.othersCpuShare * 100)}% of all cores`;
  sections.push(
    `\nMachine: ${mc.cpus} × ${mc.cpuModel}, ${mc.memoryGiB} GiB, Node ${mc.node}, ${mc.platform}; ${mc.date}, ${mc.seconds} s.` +
      `\nOther processes used ${others} meanwhile; load average ${mc.loadAverageStart} → ${mc.loadAverageEnd}.` +
      (r.skipped.length ? `\nSkipped: ${r.skipped.join('; ')}.` : '') +
      (r.smoke ? '\nSMOKE RUN: tiny counts, the numbers mean nothing.' : ''),
  );
  return sections.join('\n');
}
