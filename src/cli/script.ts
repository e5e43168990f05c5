/**
 * `medspiller script <flow>`: prints a flow as an adviser's script, in Markdown
 * (default) or as a printable HTML page:
 *   medspiller script complaint --format html --municipality nordby > klage.html
 * The same script is served at /adviser/script/<flow>.
 */
import { parseArgs } from 'node:util';
import { scriptToHtml } from '../adviser/script-html.js';
import { scriptToMarkdown } from '../adviser/script-markdown.js';
import { buildScript, scriptPlace } from '../adviser/script-model.js';
import type { Bundle } from '../engine/types.js';
import { writeLine, type CliIo, type Command } from './command.js';
import { contentDirOrReport } from './load-config.js';
import { loadContentOrReport } from './load-content.js';

export interface AdviserArgs {
  flow: string;
  locale?: string;
  municipality?: string;
  format?: string;
  bundle: Bundle;
}

/**
 * Parses `<flow> [--locale] [--municipality] [--format] [--content dir]` and loads the content.
 * Writes what is wrong to stderr and returns an exit code instead when it cannot go on.
 */
export async function adviserArgs(args: string[], io: CliIo, formats: readonly string[], usage: string): Promise<AdviserArgs | number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { locale: { type: 'string' }, municipality: { type: 'string' }, format: { type: 'string' }, content: { type: 'string' } },
    });
  } catch (error) {
    writeLine(io.stderr, `${(error as Error).message}\nUsage: ${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    writeLine(io.stderr, `Name one flow.\nUsage: ${usage}`);
    return 2;
  }
  if (values.format !== undefined && !formats.includes(values.format)) {
    writeLine(io.stderr, `--format: expected one of ${formats.join(', ')}, got "${values.format}"`);
    return 2;
  }
  const dir = contentDirOrReport(io, values.content);
  if (dir === undefined) return 2;
  const { bundle } = await loadContentOrReport(dir, io.stderr);
  if (!bundle) return 1;
  const flow = positionals[0]!;
  const { place } = scriptPlace(bundle, { flow, municipality: values.municipality });
  if (!place.flows[flow]) {
    writeLine(io.stderr, `There is no flow named "${flow}". Known flows: ${Object.keys(place.flows).join(', ')}.`);
    return 1;
  }
  return { flow, locale: values.locale, municipality: values.municipality, format: values.format, bundle };
}

const USAGE = 'medspiller script <flow> [--locale da] [--municipality id] [--format md|html] [--content dir]';

export const scriptCommand: Command = {
  name: 'script',
  summary: 'print a flow as a script for advisers (Markdown or printable HTML)',
  usage: '<flow> [--locale da] [--municipality id] [--format md|html] [--content dir]',
  async run(args, io) {
    const parsed = await adviserArgs(args, io, ['md', 'html'], USAGE);
    if (typeof parsed === 'number') return parsed;
    const script = buildScript(parsed.bundle, parsed)!;
    io.stdout.write(parsed.format === 'html' ? scriptToHtml(script) : scriptToMarkdown(script));
    return 0;
  },
};
