import { describe, expect, it } from 'vitest';
import { botWasAdded, toInbound } from '../../../src/channels/teams/teams-inbound.js';
import { activity, CONVERSATION } from './teams-fixture.js';

const ADA = { platform: 'teams', parts: ['msteams', '2d4c6e8a-0b1c-4d2e-8f3a-5b6c7d8e9f01', CONVERSATION, '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b'] };

describe('toInbound (recorded activities)', () => {
  it('a message: its text, for the person in this chat', () => {
    expect(toInbound(activity('message.json'))).toEqual({ address: ADA, inbound: { type: 'text', text: 'Hej' } });
  });

  it('a card button (Action.Submit as messageBack): the choice in its data, not the echoed label', () => {
    expect(toInbound(activity('card-action.json'))).toEqual({ address: ADA, inbound: { type: 'choice', id: 'date' } });
  });

  it('an Action.Execute invoke: the choice in its data', () => {
    expect(toInbound(activity('invoke-card-action.json'))).toEqual({ address: ADA, inbound: { type: 'choice', id: 'letter' } });
  });

  it('a date card and a skip button', () => {
    const date = { ...activity('card-action.json'), text: undefined, value: { medspiller: 'date', date: '2026-11-02' } };
    expect(toInbound(date)?.inbound).toEqual({ type: 'date', value: '2026-11-02' });
    const skip = { ...activity('card-action.json'), value: { medspiller: 'skip' } };
    expect(toInbound(skip)?.inbound).toEqual({ type: 'action', action: 'skip' });
  });

  it('the bot installed in a personal chat: greet the person who installed it', () => {
    expect(toInbound(activity('conversation-update.json'))).toEqual({ address: ADA, inbound: { type: 'start' } });
  });

  it('the bot added to a team channel: nobody to greet, but noticed', () => {
    const added = activity('bot-added-to-channel.json');
    expect(toInbound(added)).toBeUndefined();
    expect(botWasAdded(added)).toBe(true);
    expect(botWasAdded(activity('message.json'))).toBe(false);
  });

  it('"medspiller <flow>" starts a flow; a mention of the bot in a channel is not part of the text', () => {
    const command = { ...activity('message.json'), text: 'medspiller Staff-Survey' };
    expect(toInbound(command)?.inbound).toEqual({ type: 'start', flow: 'staff-survey' });
    expect(toInbound({ ...activity('message.json'), text: '/medspiller' })?.inbound).toEqual({ type: 'start' });
    const mention = {
      ...activity('message.json'),
      text: '<at>Medspiller</at> 2.11.2026',
      entities: [{ type: 'mention', text: '<at>Medspiller</at>', mentioned: { id: '28:8e5a9b1c-2d3e-4f50-9a6b-7c8d9e0f1a2b', name: 'Medspiller' } }],
    };
    expect(toInbound(mention)?.inbound).toEqual({ type: 'text', text: '2.11.2026' });
  });

  it('leaves typing, reactions, other invokes and bots alone', () => {
    const base = activity('message.json');
    const others: Array<Record<string, any>> = [
      { ...base, type: 'typing' },
      { ...base, type: 'messageReaction' },
      { ...activity('invoke-card-action.json'), name: 'composeExtension/query' },
      { ...base, from: { id: '28:other-bot', role: 'bot' } },
    ];
    for (const other of others) {
      expect(toInbound(other)).toBeUndefined();
    }
  });
});
