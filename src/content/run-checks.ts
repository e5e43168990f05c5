/**
 * Runs the static checks over a validated model. Checks of one view run for
 * the base and for each municipality that changes something; a problem only a
 * municipality has is labelled with it. Cross-file checks need every file to
 * be usable, whole-graph checks need every node to be valid (otherwise their
 * findings would be noise from the files that already have errors). Pure.
 */
import { checkContentKeys } from './check-content-keys.js';
import type { BundleCheck, CheckContext, CheckOptions, ViewCheck } from './check-context.js';
import { checkDeadEnds } from './check-dead-ends.js';
import { checkEngineNeeds } from './check-engine-needs.js';
import { checkSurveyQuestions } from './check-survey-questions.js';
import { checkLegal } from './check-legal.js';
import { checkNames } from './check-names.js';
import { checkOverlays } from './check-overlays.js';
import { checkReachability } from './check-reachability.js';
import { checkSettings } from './check-settings.js';
import { checkSlots } from './check-slots.js';
import { checkTargets } from './check-targets.js';
import { checkTemplates } from './check-templates.js';
import { checkUnusedTexts } from './check-unused-texts.js';
import type { BundleModel } from './model.js';
import type { Problem } from './problem.js';
import { allViews, changesBase, type View } from './views.js';

export function runChecks(model: BundleModel, options: CheckOptions): Problem[] {
  if (!model.usable || !model.settings) return [];
  const context: CheckContext = { model, settings: model.settings.data, views: allViews(model), options };
  const viewChecks: ViewCheck[] = [checkTargets, checkDeadEnds, checkContentKeys, checkNames, checkEngineNeeds];
  const bundleChecks: BundleCheck[] = [checkSettings, checkOverlays, checkLegal, checkTemplates, checkSurveyQuestions];
  if (model.complete) {
    viewChecks.push(checkSlots);
    bundleChecks.push(checkReachability, checkUnusedTexts);
  }
  return [...bundleChecks.flatMap((check) => check(context)), ...viewProblems(context, viewChecks)];
}

function viewProblems(context: CheckContext, checks: ViewCheck[]): Problem[] {
  const [base, ...municipalities] = context.views as [View, ...View[]];
  const baseProblems = checks.flatMap((check) => check(base, context));
  const seen = new Set(baseProblems.map(problemKey));
  const extra = municipalities.filter(changesBase).flatMap((view) =>
    checks
      .flatMap((check) => check(view, context))
      .filter((p) => !seen.has(problemKey(p)))
      .map((p) => labelled(p, view.municipality!.id)),
  );
  return [...baseProblems, ...extra];
}

function labelled(problem: Problem, municipality: string): Problem {
  if (problem.file.startsWith(`content/municipalities/${municipality}/`)) return problem;
  return { ...problem, message: `${problem.message} (in municipality "${municipality}")` };
}

function problemKey(p: Problem): string {
  return `${p.file}|${p.line}|${p.column}|${p.message}`;
}
