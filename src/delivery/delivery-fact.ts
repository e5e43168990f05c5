/**
 * Lets the content tell the citizen the truth about an adviser request: the fact
 * `municipality.facts.adviser_delivery` is set (to the targets, e.g. "slack") only
 * when this deployment delivers requests to the advisers' channel, and is removed
 * otherwise, whatever a municipality file says. A flow writes, for example:
 *
 *   - { text: adviser.request_sent,      if: { slot: municipality.facts.adviser_delivery, exists: true } }
 *   - { text: adviser.request_saved_only, if: { slot: municipality.facts.adviser_delivery, exists: false } }
 *
 * Pure wrapper: the bundle keeps its version (conversations are not restarted),
 * and the decorated bundle is made once per loaded bundle.
 */
import type { ContentProvider } from '../conversation/types.js';
import type { Bundle } from '../engine/types.js';

export const ADVISER_DELIVERY_FACT = 'adviser_delivery';

function decorate(bundle: Bundle, value: string | undefined): Bundle {
  const municipalities = Object.fromEntries(
    Object.entries(bundle.municipalities).map(([id, place]) => {
      const facts = { ...place.municipality.facts };
      delete facts[ADVISER_DELIVERY_FACT];
      if (value) facts[ADVISER_DELIVERY_FACT] = value;
      return [id, { ...place, municipality: { ...place.municipality, facts } }];
    }),
  );
  return { ...bundle, municipalities };
}

/** `targets`: the names of the configured delivery targets; none → the fact is absent everywhere. */
export function withAdviserDeliveryFact(content: ContentProvider, targets: string[]): ContentProvider {
  const value = targets.length > 0 ? targets.join(',') : undefined;
  const decorated = new WeakMap<Bundle, Bundle>();
  return {
    current() {
      const bundle = content.current();
      let result = decorated.get(bundle);
      if (!result) {
        result = decorate(bundle, value);
        decorated.set(bundle, result);
      }
      return result;
    },
  };
}
