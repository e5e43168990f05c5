/**
 * `medspiller graph <flow>`: prints a flow map as Mermaid (default), or as an
 * SVG drawn by Medspiller's own layout:
 *   medspiller graph complaint > complaint.mmd
 *   medspiller graph complaint --format svg > complaint.svg
 * The map is also served at /adviser/map/<flow>.
 */
import { buildFlowMap } from '../adviser/map-model.js';
import { flowMapToMermaid } from '../adviser/mermaid.js';
import { flowMapToSvg } from '../adviser/svg-map.js';
import type { Command } from './command.js';
import { adviserArgs } from './script.js';

const USAGE = 'medspiller graph <flow> [--locale da] [--municipality id] [--format mermaid|svg] [--content dir]';

export const graphCommand: Command = {
  name: 'graph',
  summary: 'print a flow map as Mermaid (or SVG), marking unreachable nodes and dead ends',
  usage: '<flow> [--locale da] [--municipality id] [--format mermaid|svg] [--content dir]',
  async run(args, io) {
    const parsed = await adviserArgs(args, io, ['mermaid', 'svg'], USAGE);
    if (typeof parsed === 'number') return parsed;
    const map = buildFlowMap(parsed.bundle, parsed)!;
    io.stdout.write(parsed.format === 'svg' ? `${flowMapToSvg(map)}\n` : flowMapToMermaid(map));
    return 0;
  },
};
