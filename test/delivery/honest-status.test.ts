import { describe, expect, it } from 'vitest';
import { withDeploymentFacts } from '../../src/delivery/deployment-facts.js';
import { startConversation, step } from '../../src/engine/index.js';
import type { Bundle, Input, StepResult } from '../../src/engine/types.js';
import { realBundle } from '../adviser/real-bundle.js';

const clock = { now: new Date('2026-03-10T10:00:00Z') };

/** The adviser request of test/transcripts/adviser-request.yaml, up to "send". */
function requestAdviser(bundle: Bundle): StepResult {
  const inputs: Input[] = [
    { type: 'choice', id: 'request' },
    { type: 'choice', id: 'yes' },
    { type: 'text', text: 'Ada Jensen' },
    { type: 'choice', id: 'phone' },
    { type: 'text', text: '12 34 56 78' },
    { type: 'choice', id: 'decision' },
    { type: 'choice', id: 'send' },
  ];
  return inputs.reduce((result, input) => step(bundle, result.state, input, clock), startConversation(bundle, { flow: 'adviser' }, clock));
}

function said(result: StepResult): string {
  return result.replies.map((r) => (r.type === 'text' ? r.text : '')).join(' ');
}

describe('the status a citizen sees after asking for an adviser', () => {
  it('says the request is on its way only when delivery to advisers is set up', async () => {
    const bundle = await realBundle();
    const delivered = requestAdviser(withDeploymentFacts({ current: () => bundle }, { adviserDelivery: ['slack'], requestTtlMs: 30 * 86_400_000 }).current());
    expect(delivered.effects.map((e) => e.name)).toEqual(['storeAdviserRequest']);
    expect(said(delivered)).toContain('bliver nu sendt til en rådgiver');

    const notDelivered = requestAdviser(withDeploymentFacts({ current: () => bundle }, { adviserDelivery: [], requestTtlMs: 30 * 86_400_000 }).current());
    expect(said(notDelivered)).toContain('Vi har gemt din besked');
    expect(said(notDelivered)).not.toContain('bliver nu sendt');
  });
});
