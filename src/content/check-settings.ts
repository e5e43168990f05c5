/**
 * The settings check: content/settings.yaml names an existing main flow and
 * default municipality, declares `da`, and every locale's fallback and
 * folder exist. Pure.
 */
import { DEFAULT_LOCALE } from '../engine/types.js';
import type { CheckContext } from './check-context.js';
import type { Problem } from './problem.js';
import { problemAt } from './source-file.js';
import { didYouMean } from './suggest.js';

export function checkSettings(context: CheckContext): Problem[] {
  const { model, settings } = context;
  const file = model.settings!.file;
  const problems: Problem[] = [];
  if (!model.flows.has(settings.mainFlow)) {
    const hint = didYouMean(settings.mainFlow, model.flows.keys()) ?? 'name a flow from flows/';
    problems.push(problemAt(file, ['mainFlow'], 'error', `mainFlow "${settings.mainFlow}" is not a flow`, hint));
  }
  if (!model.municipalities.has(settings.defaultMunicipality)) {
    const hint = didYouMean(settings.defaultMunicipality, model.municipalities.keys()) ?? 'name a folder in content/municipalities/';
    problems.push(problemAt(file, ['defaultMunicipality'], 'error', `defaultMunicipality "${settings.defaultMunicipality}" is not a municipality`, hint));
  }
  if (!(DEFAULT_LOCALE in settings.locales)) {
    problems.push(problemAt(file, ['locales'], 'error', `locales must include "${DEFAULT_LOCALE}"`, 'Danish is the language every text exists in', { key: true }));
  }
  for (const [locale, info] of Object.entries(settings.locales)) {
    if (info.fallback !== undefined && !(info.fallback in settings.locales)) {
      const hint = didYouMean(info.fallback, Object.keys(settings.locales)) ?? 'name a locale listed under locales:';
      problems.push(problemAt(file, ['locales', locale, 'fallback'], 'error', `fallback "${info.fallback}" is not a locale`, hint));
    }
    if (!info.fallback && !model.localeFolders.has(locale)) {
      const message = `locale "${locale}" has no folder content/${locale}/`;
      problems.push(problemAt(file, ['locales', locale], 'error', message, 'create the folder with its texts, or give the locale a fallback', { key: true }));
    }
  }
  return problems;
}
