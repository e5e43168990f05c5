/**
 * The content-key check: every key a flow uses has a text in `da` and in every
 * locale without a `fallback` in settings.yaml (a locale with a fallback shows
 * the fallback's text instead). Runs per view, so a municipality's own texts
 * and nodes are checked together. Pure.
 */
import { DEFAULT_LOCALE } from '../engine/types.js';
import type { CheckContext } from './check-context.js';
import { contentUses, fileForKey, type ContentUse } from './content-uses.js';
import type { Problem } from './problem.js';
import { problemAt } from './source-file.js';
import { didYouMean } from './suggest.js';
import type { View } from './views.js';

export function checkContentKeys(view: View, context: CheckContext): Problem[] {
  const required = requiredLocales(context).filter((locale) => context.model.localeFolders.has(locale));
  const problems: Problem[] = [];
  for (const use of contentUses(view)) {
    const missing = required.filter((locale) => !view.texts.get(locale)?.has(use.key));
    if (missing.length > 0) problems.push(missingText(view, use, missing));
  }
  return problems;
}

/** `da` and every declared locale with no fallback. */
export function requiredLocales(context: CheckContext): string[] {
  const declared = Object.entries(context.settings.locales);
  return [DEFAULT_LOCALE, ...declared.filter(([locale, info]) => locale !== DEFAULT_LOCALE && !info.fallback).map(([locale]) => locale)];
}

function missingText(view: View, use: ContentUse, locales: string[]): Problem {
  const first = locales[0]!;
  const table = view.texts.get(first);
  const own = view.municipality && use.file.path.startsWith(`content/municipalities/${view.municipality.id}/`);
  const where = own ? `a file in content/municipalities/${view.municipality!.id}/${first}/` : (fileForKey(table, use.key) ?? `a file in content/${first}/`);
  const add = `add it to ${where}${locales.length > 1 ? ' (and to the other locales listed)' : ''}`;
  // A key that some locale has is a missing translation, not a misspelling.
  const translated = [...view.texts.values()].some((t) => t.has(use.key));
  const hint = translated ? add : (didYouMean(use.key, table?.keys() ?? []) ?? add);
  return problemAt(use.file, use.path, 'error', `content key "${use.key}" has no text in ${locales.join(', ')}`, hint);
}
