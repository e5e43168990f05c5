/**
 * Templates in content texts: `{path}`, `{path:format}`, `{path|fallback}` and
 * `{path:format|fallback}`. A path is a slot (`decision_date`, `deadline.date`)
 * or the read-only municipality (`municipality.contacts.citizen_service.phone`).
 * Formats: `date` ("mandag 3. marts 2026"), `date-short` ("3. marts 2026").
 * A value that is missing renders its fallback, or "…" so the gap is visible.
 *
 * Pure.
 */
import type { Locale, SlotValue } from './types.js';
import { formatDate, isIsoDate } from './dates.js';

const PLACEHOLDER = /\{([a-z][a-z0-9_]*(?:\.[a-zA-Z0-9_]+)*)(?::([a-z-]+))?(?:\|([^{}]*))?\}/g;

export const TEMPLATE_FORMATS = ['date', 'date-short'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

export interface Placeholder {
  path: string;
  format?: string;
  fallback?: string;
  /** Offset of the `{` in the text, for error positions. */
  index: number;
  /** The placeholder as written, braces included. */
  raw: string;
}

/** Every placeholder in a text, for static checks (unknown slots, unknown formats). */
export function templatePlaceholders(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    found.push({ path: m[1]!, format: m[2], fallback: m[3], index: m.index ?? 0, raw: m[0] });
  }
  return found;
}

/** Reads a dotted path from a nested value; undefined when any step is missing. */
export function readPath(root: Record<string, unknown>, path: string): unknown {
  // Most paths are one slot name: no need to split them.
  if (!path.includes('.')) return root[path];
  let value: unknown = root;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

// First-strong isolate … pop directional isolate (Unicode bidi, UAX #9).
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * `isolate` is for right-to-left text: each value filled in is set apart from the words around it,
 * so a phone number such as "70 00 00 00" keeps its order (in Arabic text its digit groups would
 * otherwise be drawn right to left: "00 00 00 70") and a Latin name does not pull punctuation over.
 */
export function renderTemplate(text: string, values: Record<string, unknown>, locale: Locale, isolate = false): string {
  return text.replace(PLACEHOLDER, (_whole, path: string, format: string | undefined, fallback: string | undefined) => {
    const value = readPath(values, path);
    if (value === undefined || value === null || value === '') return fallback ?? '…';
    const shown = formatValue(value as SlotValue, format, locale);
    return isolate ? FSI + shown + PDI : shown;
  });
}

function formatValue(value: SlotValue, format: string | undefined, locale: Locale): string {
  if ((format === 'date' || format === 'date-short') && typeof value === 'string' && isIsoDate(value)) {
    return formatDate(value, locale, format === 'date' ? 'long' : 'short');
  }
  if (typeof value === 'object') return Array.isArray(value) ? value.join(', ') : '…';
  return String(value);
}
