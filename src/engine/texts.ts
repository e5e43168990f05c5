/**
 * Looks texts up by key for a locale, following the locale's fallback chain and
 * finally Danish, and attaches the legal source a text (or its Danish original) carries.
 *
 * Pure.
 */
import { perBundleLocale, type BundleLocaleCache } from './bundle-cache.js';
import { DEFAULT_LOCALE } from './types.js';
import type { Bundle, ContentEntry, LegalSource, Locale, ResolvedMunicipality } from './types.js';

// Every text lookup follows the chain: it is worked out once per bundle and locale.
const chains: BundleLocaleCache<readonly Locale[]> = new WeakMap();

export function localeChain(bundle: Bundle, locale: Locale): readonly Locale[] {
  return perBundleLocale(chains, bundle, locale, chainOf);
}

function chainOf(bundle: Bundle, locale: Locale): Locale[] {
  const chain: Locale[] = [];
  for (let current: Locale | undefined = locale; current && !chain.includes(current); ) {
    chain.push(current);
    current = bundle.localeInfo[current]?.fallback;
  }
  if (!chain.includes(DEFAULT_LOCALE)) chain.push(DEFAULT_LOCALE);
  return chain;
}

export function findEntry(
  bundle: Bundle,
  place: ResolvedMunicipality,
  locale: Locale,
  key: string,
): ContentEntry | undefined {
  const found = entryLocale(bundle, place, locale, key);
  return found === undefined ? undefined : place.texts[found]![key];
}

/** The locale whose table has `key`: the conversation's own, or one it falls back to. */
export function entryLocale(bundle: Bundle, place: ResolvedMunicipality, locale: Locale, key: string): Locale | undefined {
  for (const candidate of localeChain(bundle, locale)) {
    if (place.texts[candidate]?.[key]) return candidate;
  }
  return undefined;
}

/** A translation inherits the source of the Danish original: the law is the same. */
export function legalSource(place: ResolvedMunicipality, key: string, entry: ContentEntry): LegalSource | undefined {
  const original = place.texts[DEFAULT_LOCALE]?.[key];
  const source = entry.source ?? original?.source;
  const reviewed = entry.reviewed ?? original?.reviewed;
  if (!source || !reviewed) return undefined;
  const sourceUrl = entry.sourceUrl ?? original?.sourceUrl;
  return sourceUrl ? { source, sourceUrl, reviewed } : { source, reviewed };
}
