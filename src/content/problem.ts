/**
 * Problems found in flows/ and content/: what is wrong, where (file, line,
 * column, all 1-based; file relative to the bundle folder) and what to do.
 * Example: `flows/complaint.yaml:42:11  next "advocat_intro" is not a node of flow "complaint"  (hint: Did you mean "advocate_intro"?)`
 *
 * Pure.
 */

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
}

/** `file:line:column  message  (hint: …)`; a warning's message starts with "warning: ". */
export function formatProblem(p: Problem): string {
  const message = p.severity === 'warning' ? `warning: ${p.message}` : p.message;
  const hint = p.hint ? `  (hint: ${p.hint})` : '';
  return `${p.file}:${p.line}:${p.column}  ${message}${hint}`;
}

/** All problems, one a line, sorted by file, line and column. */
export function formatProblems(problems: readonly Problem[]): string {
  return sortProblems(problems).map(formatProblem).join('\n');
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.message, b.message),
  );
}

/** A summary for the end of `medspiller check`, e.g. "2 errors, 1 warning". */
export function summarizeProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** 1 when any problem is an error, 0 with warnings only (or none). */
export function checkExitCode(problems: readonly Problem[]): 0 | 1 {
  return hasErrors(problems) ? 1 : 0;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Drops repeats of the same problem (checks run once per municipality and may find the same thing). */
export function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.severity}|${p.file}|${p.line}|${p.column}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
