/**
 * `medspiller check [dir]`: validates flows/ and content/ and prints every
 * problem as `file:line:column  message  (hint: …)`, then a summary line.
 * Exit code 1 when there is an error, 0 with warnings only.
 */
import { checkExitCode, formatProblem, loadBundle, sortProblems, summarizeProblems } from '../content/index.js';
import { writeLine, type Command } from './command.js';
import { contentDirOrReport } from './load-config.js';
import { CONTENT_NAMES } from '../conversation/content-names.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'check flows/ and content/ for problems (exit 1 on errors)',
  usage: '[dir]',
  async run(args, io) {
    const dir = contentDirOrReport(io, args[0]);
    if (dir === undefined) return 2;
    const { bundle, problems } = await loadBundle(dir, CONTENT_NAMES);
    for (const problem of sortProblems(problems)) writeLine(io.stdout, formatProblem(problem));
    if (problems.length) writeLine(io.stdout);
    const found = bundle
      ? ` in ${Object.keys(bundle.municipalities[bundle.defaultMunicipality]?.flows ?? {}).length} flows, ${bundle.locales.length} locales, ${Object.keys(bundle.municipalities).length} municipalities`
      : '';
    writeLine(io.stdout, `${summarizeProblems(problems)}${found}.`);
    return checkExitCode(problems);
  },
};
