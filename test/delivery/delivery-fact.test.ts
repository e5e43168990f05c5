import { describe, expect, it } from 'vitest';
import { adviserDeliveryTargets } from '../../src/channels/chat-channels.js';
import { loadConfig } from '../../src/config.js';
import { ADVISER_DELIVERY_FACT, withAdviserDeliveryFact } from '../../src/delivery/delivery-fact.js';
import { evaluate } from '../../src/engine/conditions.js';
import { fixtureBundle, fixtureContent } from '../conversation/fixture-bundle.js';

const condition = { slot: `municipality.facts.${ADVISER_DELIVERY_FACT}`, exists: true };

function delivers(content: { current(): ReturnType<typeof fixtureBundle> }): boolean {
  return evaluate(condition, { values: { municipality: content.current().municipalities.demo!.municipality }, today: '2026-11-23' });
}

describe('the adviser_delivery fact', () => {
  it('is set for every municipality when requests are delivered, keeping the bundle version', () => {
    const content = withAdviserDeliveryFact(fixtureContent(), ['slack', 'teams']);
    expect(content.current().municipalities.demo!.municipality.facts).toEqual({ adviser_delivery: 'slack,teams' });
    expect(content.current().version).toBe('fixture-1');
    expect(content.current()).toBe(content.current());
    expect(delivers(content)).toBe(true);
  });

  it('is absent when nothing delivers, even if a municipality file claims it', () => {
    const bundle = fixtureBundle();
    bundle.municipalities.demo!.municipality.facts = { adviser_delivery: 'yes', response_time: '2 hverdage' };
    const content = withAdviserDeliveryFact(fixtureContent(bundle), []);
    expect(content.current().municipalities.demo!.municipality.facts).toEqual({ response_time: '2 hverdage' });
    expect(delivers(content)).toBe(false);
    expect(bundle.municipalities.demo!.municipality.facts).toEqual({ adviser_delivery: 'yes', response_time: '2 hverdage' });
  });

  it('follows a content reload', () => {
    const source = fixtureContent();
    const content = withAdviserDeliveryFact(source, ['slack']);
    const before = content.current();
    source.swap(fixtureBundle('fixture-2'));
    expect(content.current()).not.toBe(before);
    expect(content.current().version).toBe('fixture-2');
    expect(delivers(content)).toBe(true);
  });

  it('names the targets the configuration sets', () => {
    const env = { SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef', SLACK_BOT_TOKEN: 'xoxb-1-2-x' };
    expect(adviserDeliveryTargets(loadConfig(env))).toEqual([]);
    expect(adviserDeliveryTargets(loadConfig({ ...env, MEDSPILLER_ADVISER_SLACK_CHANNEL: 'C0ADVISERS' }))).toEqual(['slack']);
  });
});
