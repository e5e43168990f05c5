/**
 * The template check: a placeholder's format (`{decision_date:date}`) must be
 * one the engine knows. Checks every text in every locale, base and
 * municipality. Pure.
 */
import { TEMPLATE_FORMATS, templatePlaceholders } from '../engine/template.js';
import type { CheckContext } from './check-context.js';
import type { TextModel } from './model.js';
import type { Problem } from './problem.js';
import { problemAt } from './source-file.js';
import { didYouMean } from './suggest.js';

const FORMATS: readonly string[] = TEMPLATE_FORMATS;

export function checkTemplates(context: CheckContext): Problem[] {
  const tables = [context.model.texts, ...[...context.model.municipalities.values()].map((m) => m.texts)];
  return tables.flatMap((texts) => [...texts.values()].flatMap((table) => [...table.values()].flatMap(templateProblems)));
}

function templateProblems(text: TextModel): Problem[] {
  const source = text.entry?.text;
  if (!source) return [];
  return templatePlaceholders(source)
    .filter((p) => p.format !== undefined && !FORMATS.includes(p.format))
    .map((p) => {
      const raw = `{${p.path}:${p.format}${p.fallback !== undefined ? `|${p.fallback}` : ''}}`;
      const message = `{${p.path}:${p.format}} uses the unknown format "${p.format}"`;
      const hint = didYouMean(p.format!, FORMATS) ?? `formats are: ${FORMATS.join(', ')}`;
      return problemAt(text.file, text.textPath, 'error', message, hint, { find: raw });
    });
}
