/**
 * The unused-texts check: a text in content/<locale>/ that no flow uses (in
 * the base or any municipality) is a warning. Keys under `system.`, `survey.`
 * and `intent.` are used by other features and exempt. Whole-bundle: runs only
 * when every node passed the schema check. Pure.
 */
import type { CheckContext } from './check-context.js';
import { contentUses } from './content-uses.js';
import type { Problem } from './problem.js';
import { problemAt } from './source-file.js';
import { viewsWithDistinctFlows } from './views.js';

export const EXEMPT_PREFIXES = ['system.', 'survey.', 'intent.'] as const;

export function checkUnusedTexts(context: CheckContext): Problem[] {
  const used = new Set(viewsWithDistinctFlows(context.views).flatMap((view) => contentUses(view).map((use) => use.key)));
  const problems: Problem[] = [];
  for (const [locale, table] of context.model.texts) {
    for (const text of table.values()) {
      if (used.has(text.key) || EXEMPT_PREFIXES.some((prefix) => text.key.startsWith(prefix))) continue;
      const message = `text "${text.key}" (${locale}) is not used by any flow`;
      problems.push(problemAt(text.file, [text.key], 'warning', message, 'use it in a flow, or delete it', { key: true }));
    }
  }
  return problems;
}
