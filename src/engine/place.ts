/**
 * The content a conversation's municipality sees; an unknown municipality (a
 * stale session, a removed overlay) gets the default municipality's.
 *
 * Pure.
 */
import type { Bundle, ResolvedMunicipality } from './types.js';

export function placeOf(bundle: Bundle, municipality: string | undefined): ResolvedMunicipality {
  return bundle.municipalities[municipality ?? ''] ?? bundle.municipalities[bundle.defaultMunicipality]!;
}
