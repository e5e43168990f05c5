/**
 * The content a conversation's municipality sees, in a language the bundle has; an unknown municipality (a
 * stale session, a removed overlay) gets the default municipality's. Only the
 * bundle's own municipalities count: an id like "constructor" or "toString"
 * is unknown, not a property every object has.
 *
 * Pure.
 */
import { DEFAULT_LOCALE, type Bundle, type Locale, type ResolvedMunicipality } from './types.js';

/** `municipality` when the bundle has it, else the default municipality's id. */
export function knownMunicipality(bundle: Bundle, municipality: string | undefined): string {
  return municipality !== undefined && Object.hasOwn(bundle.municipalities, municipality) ? municipality : bundle.defaultMunicipality;
}

/** `locale` when the bundle has it, else the default locale. */
export function knownLocale(bundle: Bundle, locale: Locale | undefined): Locale {
  return locale !== undefined && bundle.locales.includes(locale) ? locale : DEFAULT_LOCALE;
}

export function placeOf(bundle: Bundle, municipality: string | undefined): ResolvedMunicipality {
  return bundle.municipalities[knownMunicipality(bundle, municipality)]!;
}
