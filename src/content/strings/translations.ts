/**
 * Checks a translation read back from a translator against the string table:
 * unknown and repeated ids, template placeholders (`{deadline.date:date}` must keep
 * its path and format; only a fallback after `|` is prose and may be translated) and
 * Markdown link targets are checked; texts nobody translated are listed, so the
 * author knows what will be shown in the fallback language.
 *
 * Pure.
 */
import { templatePlaceholders } from '../../engine/template.js';
import type { StringUnit } from './string-table.js';

/** One translated text as read from a file, with where it was (for messages). */
export interface ReadEntry {
  where: string;
  id: string;
  text: string;
}

export interface ReadTranslations {
  entries: ReadEntry[];
  errors: string[];
}

export interface CheckedTranslations {
  /** Unit id → translated text, for every entry that passed. */
  texts: Map<string, string>;
  errors: string[];
  /** Units with neither a new nor an existing translation. */
  untranslated: StringUnit[];
}

function placeholderSignature(text: string): string[] {
  return templatePlaceholders(text)
    .map((p) => `{${p.path}${p.format ? `:${p.format}` : ''}${p.fallback !== undefined ? '|…' : ''}}`)
    .sort();
}

function linkTargets(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).sort();
}

function differ(a: string[], b: string[]): boolean {
  return a.length !== b.length || a.some((value, i) => value !== b[i]);
}

/** What is wrong with a translation of `unit`, if anything. */
export function translationProblem(unit: StringUnit, text: string): string | undefined {
  if (unit.kind !== 'text') return text.includes('{') ? 'a word list cannot hold placeholders' : undefined;
  const want = placeholderSignature(unit.source);
  const got = placeholderSignature(text);
  if (differ(want, got)) {
    const show = (list: string[]) => (list.length ? list.join(' ') : 'none');
    return `the placeholders must be kept exactly as in Danish: expected ${show(want)}, found ${show(got)}`;
  }
  if (differ(linkTargets(unit.source), linkTargets(text))) {
    return `the link targets must stay the same: expected ${linkTargets(unit.source).join(' ') || 'none'}`;
  }
  return undefined;
}

export function checkTranslations(units: StringUnit[], read: ReadTranslations): CheckedTranslations {
  const byId = new Map(units.map((u) => [u.id, u]));
  const texts = new Map<string, string>();
  const seen = new Map<string, string>();
  const errors = [...read.errors];
  for (const { where, id, text } of read.entries) {
    const unit = byId.get(id);
    if (!unit) {
      errors.push(`${where}: "${id}" is not a text in content/da/ (was the key renamed?)`);
      continue;
    }
    if (seen.has(id)) {
      errors.push(`${where}: "${id}" appears twice (first at ${seen.get(id)})`);
      continue;
    }
    seen.set(id, where);
    if (text.trim() === '') continue;
    const problem = translationProblem(unit, text);
    if (problem) errors.push(`${where}: "${id}": ${problem}`);
    else texts.set(id, unit.kind === 'text' ? text.replace(/\r\n?/g, '\n') : text);
  }
  const untranslated = units.filter((u) => u.kind === 'text' && !texts.has(u.id) && u.target === undefined);
  return { texts, errors, untranslated };
}
