import { describe, expect, it } from 'vitest';
import { toInbound } from '../../../src/channels/slack/slack-inbound.js';
import { parseSlackBody } from '../../../src/channels/slack/slack-plugin.js';
import { fixtureJson, fixtureText } from './slack-fixture.js';

describe('toInbound (recorded payloads)', () => {
  it('message.im: the text, in the direct message', () => {
    expect(toInbound(fixtureJson('message-im.json'))).toEqual({
      kind: 'message',
      place: { team: 'T0MEDSPIL', channel: 'D0DMCITIZN' },
      user: 'U0CITIZEN1',
      inbound: { type: 'text', text: 'Hej' },
    });
  });

  it('app_mention: the text without the mention, in the thread the mention starts', () => {
    expect(toInbound(fixtureJson('app-mention.json'))).toEqual({
      kind: 'message',
      place: { team: 'T0MEDSPIL', channel: 'C0ADVISERS', thread: '1764152460.000200' },
      user: 'U0ADVISER1',
      inbound: { type: 'text', text: 'hej' },
    });
    const inThread = fixtureJson('app-mention.json');
    inThread.event.thread_ts = '1764150000.000001';
    expect(toInbound(inThread)).toMatchObject({ place: { thread: '1764150000.000001' } });
  });

  it('block_actions: the button pressed, and the message to mark answered', () => {
    const body = parseSlackBody(new URLSearchParams({ payload: JSON.stringify(fixtureJson('block-actions.json')) }).toString(), 'application/x-www-form-urlencoded')!;
    expect(toInbound(body)).toEqual({
      kind: 'message',
      place: { team: 'T0MEDSPIL', channel: 'D0DMCITIZN' },
      user: 'U0CITIZEN1',
      inbound: { type: 'choice', id: 'date' },
      answered: { ts: '1764152401.000300', blocks: fixtureJson('block-actions.json').message.blocks, label: 'Regn en frist ud' },
    });
  });

  it('block_actions from a date picker: the date', () => {
    expect(toInbound(fixtureJson('datepicker-action.json'))).toMatchObject({ inbound: { type: 'date', value: '2026-11-02' }, answered: { label: '2026-11-02' } });
  });

  it('the slash command: start the named flow in a direct message', () => {
    const body = parseSlackBody(fixtureText('slash-command.form'), 'application/x-www-form-urlencoded')!;
    expect(toInbound(body)).toEqual({ kind: 'command', team: 'T0MEDSPIL', user: 'U0ADVISER1', inbound: { type: 'start', flow: 'staff-survey' } });
    expect(toInbound({ ...body, text: '  ' })).toMatchObject({ inbound: { type: 'start' } });
  });

  it('leaves bots, edits, channel chatter and other apps’ buttons alone', () => {
    const fromBot = fixtureJson('message-im.json');
    fromBot.event.bot_id = 'B0MEDSBOT';
    const edit = fixtureJson('message-im.json');
    edit.event.subtype = 'message_changed';
    const channel = fixtureJson('message-im.json');
    channel.event.channel_type = 'channel';
    const otherApp = fixtureJson('block-actions.json');
    otherApp.actions[0].action_id = 'approve_request';
    for (const body of [fromBot, edit, channel, otherApp, fixtureJson('url-verification.json')]) expect(toInbound(body)).toBeUndefined();
  });
});
