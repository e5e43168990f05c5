import { describe, expect, it } from 'vitest';
import { adviserDeliveryTargets } from '../../src/channels/chat-channels.js';
import { loadConfig } from '../../src/config.js';
import { ADVISER_DELIVERY_FACT, withDeploymentFacts } from '../../src/delivery/deployment-facts.js';
import { evaluate } from '../../src/engine/conditions.js';
import { renderTemplate } from '../../src/engine/index.js';
import { fixtureBundle, fixtureContent } from '../conversation/fixture-bundle.js';

const DAY = 86_400_000;
const condition = { slot: `municipality.facts.${ADVISER_DELIVERY_FACT}`, exists: true };

function delivers(content: { current(): ReturnType<typeof fixtureBundle> }): boolean {
  return evaluate(condition, { values: { municipality: content.current().municipalities.demo!.municipality }, today: '2026-11-23' });
}

describe('the deployment facts', () => {
  it('sets adviser_delivery for every municipality when requests are delivered, keeping the bundle version', () => {
    const content = withDeploymentFacts(fixtureContent(), { adviserDelivery: ['slack', 'teams'], requestTtlMs: 30 * DAY });
    expect(content.current().municipalities.demo!.municipality.facts).toEqual({ adviser_delivery: 'slack,teams', request_days: '30' });
    expect(content.current().version).toBe('fixture-1');
    expect(content.current()).toBe(content.current());
    expect(delivers(content)).toBe(true);
  });

  it('leaves adviser_delivery out when nothing delivers, even if a municipality file claims it', () => {
    const bundle = fixtureBundle();
    bundle.municipalities.demo!.municipality.facts = { adviser_delivery: 'yes', request_days: '365', response_time: '2 hverdage' };
    const content = withDeploymentFacts(fixtureContent(bundle), { adviserDelivery: [], requestTtlMs: 30 * DAY });
    expect(content.current().municipalities.demo!.municipality.facts).toEqual({ request_days: '30', response_time: '2 hverdage' });
    expect(delivers(content)).toBe(false);
    expect(bundle.municipalities.demo!.municipality.facts).toEqual({ adviser_delivery: 'yes', request_days: '365', response_time: '2 hverdage' });
  });

  it('promises the retention the store keeps, in whole days rounded up', () => {
    const days = (requestTtlMs: number) =>
      renderTemplate(
        'Vi sletter dem efter {municipality.facts.request_days|30} dage.',
        { municipality: withDeploymentFacts(fixtureContent(), { adviserDelivery: [], requestTtlMs }).current().municipalities.demo!.municipality },
        'da',
      );
    expect(days(loadConfig({}).requestTtlMs)).toBe('Vi sletter dem efter 30 dage.');
    expect(days(loadConfig({ MEDSPILLER_REQUEST_TTL: '14d' }).requestTtlMs)).toBe('Vi sletter dem efter 14 dage.');
    expect(days(36 * 3_600_000)).toBe('Vi sletter dem efter 2 dage.');
  });

  it('follows a content reload', () => {
    const source = fixtureContent();
    const content = withDeploymentFacts(source, { adviserDelivery: ['slack'], requestTtlMs: 30 * DAY });
    const before = content.current();
    source.swap(fixtureBundle('fixture-2'));
    expect(content.current()).not.toBe(before);
    expect(content.current().version).toBe('fixture-2');
    expect(delivers(content)).toBe(true);
  });

  it('names the delivery targets the configuration sets', () => {
    const env = { SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef', SLACK_BOT_TOKEN: 'xoxb-1-2-x' };
    expect(adviserDeliveryTargets(loadConfig(env))).toEqual([]);
    expect(adviserDeliveryTargets(loadConfig({ ...env, MEDSPILLER_ADVISER_SLACK_CHANNEL: 'C0ADVISERS' }))).toEqual(['slack']);
  });
});
