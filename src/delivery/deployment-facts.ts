/**
 * Lets the content tell the citizen the truth about this deployment, whatever a
 * municipality file says. Two facts are set on every municipality:
 *
 * - `municipality.facts.adviser_delivery`: the delivery targets (e.g. "slack"), only
 *   when this deployment delivers adviser requests; absent otherwise. A flow writes:
 *     - { text: adviser.request_sent,      if: { slot: municipality.facts.adviser_delivery, exists: true } }
 *     - { text: adviser.request_saved_only, if: { slot: municipality.facts.adviser_delivery, exists: false } }
 * - `municipality.facts.request_days`: how many days an adviser request is kept
 *   (MEDSPILLER_REQUEST_TTL, rounded up), so the promise made when asking for
 *   consent matches what the store does: "{municipality.facts.request_days|30} dage".
 *
 * Pure wrapper: the bundle keeps its version (conversations are not restarted),
 * and the decorated bundle is made once per loaded bundle.
 */
import type { ContentProvider } from '../conversation/types.js';
import type { Bundle } from '../engine/types.js';

export const ADVISER_DELIVERY_FACT = 'adviser_delivery';
export const REQUEST_DAYS_FACT = 'request_days';
const DAY_MS = 86_400_000;

export interface DeploymentFacts {
  /** The names of the configured delivery targets; none → adviser_delivery is absent everywhere. */
  adviserDelivery: string[];
  /** How long an adviser request is kept (MEDSPILLER_REQUEST_TTL). */
  requestTtlMs: number;
}

function decorate(bundle: Bundle, facts: Record<string, string | undefined>): Bundle {
  const municipalities = Object.fromEntries(
    Object.entries(bundle.municipalities).map(([id, place]) => {
      const merged = { ...place.municipality.facts };
      for (const [name, value] of Object.entries(facts)) {
        if (value === undefined) delete merged[name];
        else merged[name] = value;
      }
      return [id, { ...place, municipality: { ...place.municipality, facts: merged } }];
    }),
  );
  return { ...bundle, municipalities };
}

export function withDeploymentFacts(content: ContentProvider, deployment: DeploymentFacts): ContentProvider {
  const facts = {
    [ADVISER_DELIVERY_FACT]: deployment.adviserDelivery.length > 0 ? deployment.adviserDelivery.join(',') : undefined,
    [REQUEST_DAYS_FACT]: String(Math.max(1, Math.ceil(deployment.requestTtlMs / DAY_MS))),
  };
  const decorated = new WeakMap<Bundle, Bundle>();
  return {
    current() {
      const bundle = content.current();
      let result = decorated.get(bundle);
      if (!result) {
        result = decorate(bundle, facts);
        decorated.set(bundle, result);
      }
      return result;
    },
  };
}
