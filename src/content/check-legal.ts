/**
 * The legal-text check: a text with `legal: true`, or whose text cites a "§",
 * must carry `source` and `reviewed`. A translation inherits both from the `da`
 * text of the same key (a municipality's text from its own `da` text, then the
 * base `da` text), so only the `da` text needs them. A `reviewed` date older
 * than settings' reviewMaxAgeDays is a warning; one after today (in Denmark,
 * where the editors are) is an error: the age check would trust it for years.
 * Pure.
 */
import { todayInDenmark } from '../engine/dates.js';
import { DEFAULT_LOCALE } from '../engine/types.js';
import type { CheckContext } from './check-context.js';
import type { TextModel, TextTables } from './model.js';
import type { Problem } from './problem.js';
import { problemAt } from './source-file.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export function checkLegal(context: CheckContext): Problem[] {
  const { model } = context;
  const tables: Array<{ texts: TextTables; parent?: TextTables }> = [
    { texts: model.texts },
    ...[...model.municipalities.values()].map((m) => ({ texts: m.texts, parent: model.texts })),
  ];
  const problems: Problem[] = [];
  for (const { texts, parent } of tables) {
    for (const table of texts.values()) {
      for (const text of table.values()) problems.push(...legalProblems(context, text, [texts, parent]));
    }
  }
  return problems;
}

function legalProblems(context: CheckContext, text: TextModel, lookups: Array<TextTables | undefined>): Problem[] {
  const entry = text.entry;
  if (!entry) return [];
  const problems = reviewedProblems(context, text);
  if (!entry.legal && !entry.text.includes('§')) return problems;
  const danish = lookups.map((t) => t?.get(DEFAULT_LOCALE)?.get(text.key)?.entry).filter((e) => e !== undefined);
  const source = entry.source ?? danish.find((e) => e.source)?.source;
  const reviewed = entry.reviewed ?? danish.find((e) => e.reviewed)?.reviewed;
  const missing = [source ? undefined : 'source', reviewed ? undefined : 'reviewed'].filter((m) => m !== undefined);
  if (missing.length === 0) return problems;
  const why = entry.legal ? 'is marked legal' : 'cites a §';
  const where = text.locale === DEFAULT_LOCALE ? '' : ` (here or in the da text)`;
  const message = `text "${text.key}" ${why} but has no ${missing.join(' and ')}`;
  const hint = `add source: (law and section, e.g. "Forvaltningsloven § 9") and reviewed: (the date it was checked, YYYY-MM-DD)${where}`;
  return [...problems, problemAt(text.file, [text.key], 'error', message, hint, { key: true })];
}

function reviewedProblems(context: CheckContext, text: TextModel): Problem[] {
  const reviewed = text.entry?.reviewed;
  if (!reviewed) return [];
  const time = Date.parse(`${reviewed}T00:00:00Z`);
  const at = [text.key, 'reviewed'];
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== reviewed) {
    return [problemAt(text.file, at, 'error', `reviewed "${reviewed}" is not a real date`, 'write the date as YYYY-MM-DD, e.g. 2026-03-01')];
  }
  if (reviewed > todayInDenmark(context.options.now)) {
    return [problemAt(text.file, at, 'error', `reviewed "${reviewed}" is in the future`, 'write the date you checked the text')];
  }
  const maxDays = context.settings.reviewMaxAgeDays;
  const ageDays = Math.floor((context.options.now.getTime() - time) / DAY_MS);
  if (ageDays <= maxDays) return [];
  const message = `text "${text.key}" was last reviewed ${reviewed}, more than ${maxDays} days ago`;
  return [problemAt(text.file, at, 'warning', message, 'check the text against the law again, then update reviewed:')];
}
