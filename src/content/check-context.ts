/**
 * What every check gets: the validated model, its views (base and one per
 * municipality) and the caller's options. Checks are pure functions of this.
 */
import type { BundleModel } from './model.js';
import type { Problem } from './problem.js';
import type { SettingsFile } from './schema.js';
import type { View } from './views.js';

export interface CheckOptions {
  /** "Today" for the review-age check. */
  now: Date;
  /** Effect names `do:` may use; unchecked when undefined. */
  knownEffects?: readonly string[];
  /** Compute function names `compute: { fn }` may use; unchecked when undefined. */
  knownComputes?: readonly string[];
  /** Nodes the system flow must have (the engine shows them by itself); unchecked when undefined. */
  requiredSystemNodes?: readonly string[];
  /** Keys Danish must have (the engine shows them by itself); unchecked when undefined. */
  requiredTextKeys?: readonly string[];
  /** Question keys a municipality's `survey.questions` may name; unchecked when undefined. */
  knownSurveyQuestions?: readonly string[];
}

export interface CheckContext {
  model: BundleModel;
  settings: SettingsFile;
  views: View[];
  options: CheckOptions;
}

/** A check of one view (run for the base and for every municipality). */
export type ViewCheck = (view: View, context: CheckContext) => Problem[];
/** A check of the whole bundle at once. */
export type BundleCheck = (context: CheckContext) => Problem[];
