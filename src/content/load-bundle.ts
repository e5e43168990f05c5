/**
 * `loadBundle(dir)`: reads `<dir>/flows/` and `<dir>/content/`, validates and
 * checks everything, and returns every problem found (sorted by file and
 * line) with the Bundle when there are no errors. Never throws.
 */
import type { Bundle } from '../engine/types.js';
import { buildBundle } from './build-bundle.js';
import { hasErrors, sortProblems, uniqueProblems, type Problem } from './problem.js';
import { readModel } from './read-model.js';
import { runChecks } from './run-checks.js';

export interface LoadOptions {
  /** "Today" for the review-age check; defaults to the current time. */
  now?: Date;
  /** Effect names `do:` may use (the conversation layer's registry); unchecked when undefined. */
  knownEffects?: readonly string[];
  /** Compute function names (the engine's COMPUTE_FUNCTIONS); unchecked when undefined. */
  knownComputes?: readonly string[];
  /** Nodes the system flow must have because the engine shows them by itself; unchecked when undefined. */
  requiredSystemNodes?: readonly string[];
  /** Keys Danish must have because the engine shows them by itself; unchecked when undefined. */
  requiredTextKeys?: readonly string[];
  /** Question keys a municipality's `survey.questions` may name; unchecked when undefined. */
  knownSurveyQuestions?: readonly string[];
}

export interface LoadResult {
  bundle?: Bundle;
  problems: Problem[];
}

export async function loadBundle(dir: string, opts: LoadOptions = {}): Promise<LoadResult> {
  try {
    const { model, problems } = await readModel(dir);
    const options = { ...opts, now: opts.now ?? new Date() };
    problems.push(...runChecks(model, options));
    const all = sortProblems(uniqueProblems(problems));
    if (hasErrors(all) || !model.usable) return { problems: all };
    return { bundle: buildBundle(model), problems: all };
  } catch (error) {
    // A bug in the loader must not take a running server down: report it like any problem.
    const message = `the content could not be checked: ${(error as Error).message}`;
    return { problems: [{ severity: 'error', file: '.', line: 1, column: 1, message, hint: 'please report this as a bug in Medspiller' }] };
  }
}
