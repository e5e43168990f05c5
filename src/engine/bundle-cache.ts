/**
 * Values worked out once per bundle and locale: a bundle never changes once built, and the same
 * ones are needed on every turn. Only the bundle's own locales are kept, since any string may be
 * asked for and the cache must not grow with them.
 *
 * Pure: it keeps the results of pure functions.
 */
import type { Bundle, Locale } from './types.js';

export type BundleLocaleCache<T> = WeakMap<Bundle, Map<Locale, T>>;

/** `build(bundle, locale)`, from the cache when it was worked out before. A named function, not a closure: this runs on every turn. */
export function perBundleLocale<T>(cache: BundleLocaleCache<T>, bundle: Bundle, locale: Locale, build: (bundle: Bundle, locale: Locale) => T): T {
  let byLocale = cache.get(bundle);
  if (!byLocale) cache.set(bundle, (byLocale = new Map()));
  let value = byLocale.get(locale);
  if (value === undefined) {
    value = build(bundle, locale);
    if (bundle.locales.includes(locale)) byLocale.set(locale, value);
  }
  return value;
}
