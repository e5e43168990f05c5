/**
 * Content texts as a script shows them: the municipality's own details filled
 * in (its name, phone numbers), the citizen's answers left as visible fields
 * (`{deadline.date:date}`), and the legal source and note behind the text.
 *
 * Pure.
 */
import { findEntry, legalSource, renderTemplate, templatePlaceholders } from '../engine/index.js';
import type { Bundle, LegalSource, Locale, ResolvedMunicipality } from '../engine/types.js';

export interface ScriptText {
  key: string;
  text: string;
  /** No locale in the chain has this key: `text` is the key itself. */
  missing?: true;
  legal?: LegalSource;
  /** The content file's note for translators and advisers. */
  note?: string;
}

export type TextLookup = (key: string) => ScriptText;

function placeholderSource(p: { path: string; format?: string; fallback?: string }): string {
  return `{${p.path}${p.format ? `:${p.format}` : ''}${p.fallback !== undefined ? `|${p.fallback}` : ''}}`;
}

/** Fills `{municipality.*}` placeholders; every other placeholder stays as written. */
function fillMunicipality(text: string, place: ResolvedMunicipality, locale: Locale): string {
  let out = '';
  let at = 0;
  for (const placeholder of templatePlaceholders(text)) {
    const source = placeholderSource(placeholder);
    out += text.slice(at, placeholder.index);
    out += placeholder.path.startsWith('municipality.')
      ? renderTemplate(source, { municipality: place.municipality }, locale)
      : source;
    at = placeholder.index + source.length;
  }
  return out + text.slice(at);
}

/** Slot fields a text leaves for the conversation to fill (municipality fields excluded). */
export function slotFields(text: string): string[] {
  return templatePlaceholders(text)
    .filter((p) => !p.path.startsWith('municipality.'))
    .map(placeholderSource);
}

export function textLookup(bundle: Bundle, place: ResolvedMunicipality, locale: Locale): TextLookup {
  const cache = new Map<string, ScriptText>();
  return (key) => {
    const cached = cache.get(key);
    if (cached) return cached;
    const entry = findEntry(bundle, place, locale, key);
    let found: ScriptText = { key, text: key, missing: true };
    if (entry) {
      found = { key, text: fillMunicipality(entry.text, place, locale) };
      const legal = legalSource(place, key, entry);
      if (legal) found.legal = legal;
      if (entry.note) found.note = entry.note;
    }
    cache.set(key, found);
    return found;
  };
}
