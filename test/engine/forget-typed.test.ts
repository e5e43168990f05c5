/** "Nej, slet det" in the adviser flow: what the citizen typed is gone from the stored log, not only from the slots. */
import { describe, expect, it } from 'vitest';
import { replay, startConversation, step } from '../../src/engine/index.js';
import { FORGOTTEN } from '../../src/engine/step.js';
import type { ConversationState, Input } from '../../src/engine/types.js';
import { realBundle } from '../adviser/real-bundle.js';

const clock = { now: new Date('2026-11-20T10:00:00Z') };
const NAME = 'Karen Prøvesen';
const EMAIL = 'karen@example.dk';

async function atConfirm() {
  const bundle = await realBundle();
  let state: ConversationState = startConversation(bundle, { municipality: 'demo', locale: 'da' }, clock).state;
  const answers: Input[] = [
    { type: 'choice', id: 'adviser' },
    { type: 'choice', id: 'request' },
    { type: 'choice', id: 'yes' },
    { type: 'text', text: NAME },
    { type: 'choice', id: 'email' },
    { type: 'text', text: EMAIL },
    { type: 'choice', id: 'other' },
  ];
  for (const input of answers) state = step(bundle, state, input, clock).state;
  expect(state.node).toBe('confirm');
  expect(JSON.stringify(state.log)).toContain(NAME);
  return { bundle, state };
}

describe('forgetting what the citizen typed', () => {
  it('cancelling the request removes the typed name and e-mail from the log, and the replay still ends where the turn did', async () => {
    const { bundle, state } = await atConfirm();
    const cancelled = step(bundle, state, { type: 'choice', id: 'cancel' }, clock);
    const stored = JSON.stringify(cancelled.state);
    expect(stored).not.toContain(NAME);
    expect(stored).not.toContain(EMAIL);
    expect(cancelled.state.log.filter((entry) => entry[1] === 'text').map((entry) => entry[2])).toEqual([FORGOTTEN, FORGOTTEN]);
    expect(cancelled.state.slots).toMatchObject({ contact_name: null, contact_email: null, consent: 'no' });
    const replayed = replay(bundle, cancelled.state.log, cancelled.state, 0);
    expect(replayed.state).toMatchObject({ flow: cancelled.state.flow, node: cancelled.state.node, slots: cancelled.state.slots });
    expect(JSON.stringify(replayed.transcript)).not.toContain(NAME);
  });

  it('typing the cancel keeps the typed answers forgotten too; sending keeps them', async () => {
    const { bundle, state } = await atConfirm();
    expect(JSON.stringify(step(bundle, state, { type: 'text', text: 'nej slet det' }, clock).state)).not.toContain(NAME);
    expect(JSON.stringify(step(bundle, state, { type: 'choice', id: 'send' }, clock).state)).toContain(NAME);
  });
});
