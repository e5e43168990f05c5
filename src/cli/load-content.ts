/**
 * Loads flows/ and content/ for a command, printing every problem as
 * `file:line:column  message` to stderr. Returns the bundle, or undefined when
 * there are errors (the caller exits non-zero).
 */
import { loadBundle, formatProblem, sortProblems, summarizeProblems, type Problem } from '../content/index.js';
import { CONTENT_NAMES } from '../conversation/content-names.js';
import type { Bundle } from '../engine/types.js';
import { writeLine } from './command.js';

export async function loadContentOrReport(
  dir: string,
  stderr: NodeJS.WritableStream,
): Promise<{ bundle?: Bundle; problems: Problem[] }> {
  const { bundle, problems } = await loadBundle(dir, CONTENT_NAMES);
  for (const problem of sortProblems(problems)) writeLine(stderr, formatProblem(problem));
  if (!bundle) writeLine(stderr, `\nThe content in ${dir} has problems (${summarizeProblems(problems)}).`);
  return { bundle, problems };
}
