/**
 * A flow's script as a file for a chat platform (Slack's `/medspiller script
 * <flow>`): Markdown with a file name and a title, or, for a missing or unknown
 * flow, a message naming the flows there are. Neutral: the channel decides how
 * to post it.
 *
 * Pure.
 */
import { localeChain } from '../engine/index.js';
import type { Bundle } from '../engine/types.js';
import { scriptToMarkdown } from './script-markdown.js';
import { buildScript, scriptPlace, type ScriptOptions } from './script-model.js';
import { adviserStrings, fill } from './strings.js';

export interface ScriptFile {
  filename: string;
  title: string;
  content: string;
}

export function scriptForChat(bundle: Bundle, flow: string | undefined, options: Omit<ScriptOptions, 'flow'> & { command: string }): ScriptFile | { message: string } {
  const { place, locale } = scriptPlace(bundle, { ...options, flow: flow ?? '' });
  const strings = adviserStrings(localeChain(bundle, locale));
  const flows = Object.keys(place.flows).join(', ');
  if (!flow) return { message: fill(strings.chat.usage, { command: options.command, flows }) };
  const script = buildScript(bundle, { ...options, flow });
  if (!script) return { message: fill(strings.chat.unknown, { flow, flows }) };
  return {
    filename: fill(strings.chat.filename, { flow: flow.replace(/[^A-Za-z0-9_-]/g, '_') }),
    title: fill(strings.scriptTitle, { title: script.title }),
    content: scriptToMarkdown(script),
  };
}
