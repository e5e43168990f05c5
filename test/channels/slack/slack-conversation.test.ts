/**
 * Conversations through Slack on the small fixture bundle: each recorded payload
 * in, the exact Web API calls out.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../../src/engine/dates.js';
import { buildSlackApp, fixtureJson, fixtureText, postEvent, postInteraction, posted, postSlack, slackApi, type SlackTestApp } from './slack-fixture.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const DM = 'D0DMCITIZN';
const button = (index: number, text: string, value: string) => ({
  type: 'button',
  action_id: `medspiller.choice.${index}`,
  text: { type: 'plain_text', text, emoji: true },
  value,
});
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const MENU = [
  section('Hvad vil du gerne?'),
  { type: 'actions', elements: [button(0, 'Regn en frist ud', 'date'), button(1, 'Skriv et brev', 'letter'), button(2, 'Afslut', 'end')] },
];
const WELCOME = { team_id: 'T0MEDSPIL', channel: DM, text: 'Velkommen til Medspiller.', blocks: [section('Velkommen til *Medspiller*.'), ...MENU], unfurl_links: 'false', unfurl_media: 'false' };

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

/** A click on one of the buttons of the welcome message (the recorded block_actions payload). */
function click(value: string, label: string, index = 0) {
  const payload = fixtureJson('block-actions.json');
  payload.actions[0] = { ...payload.actions[0], action_id: `medspiller.choice.${index}`, value, text: { type: 'plain_text', text: label, emoji: true } };
  return payload;
}

async function greeted(): Promise<SlackTestApp> {
  const test = await buildSlackApp({ now: NOW });
  const api = slackApi().expect('chat.postMessage', posted(DM));
  await postEvent(test, fixtureJson('message-im.json'));
  expect(api.calls).toEqual([{ method: 'chat.postMessage', body: WELCOME }]);
  return test;
}

describe('Slack conversation', () => {
  it('greets a first direct message with the menu as buttons', async () => {
    const test = await greeted();
    await test.app.close();
  });

  it('takes a button press: marks the question answered, then asks the next one with a date picker', async () => {
    const test = await greeted();
    const api = slackApi().expect('chat.update', { ok: true }).expect('chat.postMessage', posted(DM));
    await postInteraction(test, fixtureJson('block-actions.json'));
    const original = fixtureJson('block-actions.json').message.blocks;
    expect(api.calls).toEqual([
      {
        method: 'chat.update',
        body: {
          team_id: 'T0MEDSPIL',
          channel: DM,
          ts: '1764152401.000300',
          blocks: [original[0], original[1], { type: 'context', elements: [{ type: 'mrkdwn', text: 'Du valgte: *Regn en frist ud*' }] }],
          text: 'Regn en frist ud',
        },
      },
      {
        method: 'chat.postMessage',
        body: {
          team_id: 'T0MEDSPIL',
          channel: DM,
          text: 'Hvornår fik du afgørelsen?',
          blocks: [
            section('Hvornår fik du afgørelsen?'),
            { type: 'actions', elements: [{ type: 'datepicker', action_id: 'medspiller.date', placeholder: { type: 'plain_text', text: 'Vælg en dato', emoji: true } }] },
          ],
          unfurl_links: 'false',
          unfurl_media: 'false',
        },
      },
    ]);

    const next = slackApi().expect('chat.update', { ok: true }).expect('chat.postMessage', posted(DM));
    await postInteraction(test, fixtureJson('datepicker-action.json'));
    expect(next.calls[1]).toEqual({
      method: 'chat.postMessage',
      body: {
        ...WELCOME,
        text: `Du fik afgørelsen ${formatDate('2026-11-02', 'da', 'long')}.`,
        blocks: [section(`Du fik afgørelsen ${formatDate('2026-11-02', 'da', 'long')}.`), ...WELCOME.blocks],
      },
    });
    await test.app.close();
  });

  it('shows the open question again when an old button is pressed', async () => {
    const test = await greeted();
    slackApi().expect('chat.update', { ok: true }).expect('chat.postMessage', posted(DM));
    await postInteraction(test, click('letter', 'Skriv et brev', 1));
    const api = slackApi().expect('chat.update', { ok: true }).expect('chat.postMessage', posted(DM));
    await postInteraction(test, click('end', 'Afslut', 2));
    expect(api.calls[1]?.body.blocks).toEqual([section('Hvad hedder du?')]);
    await test.app.close();
  });

  it('answers a mention in a channel in the thread it starts', async () => {
    const test = await buildSlackApp({ now: NOW });
    const api = slackApi().expect('chat.postMessage', posted('C0ADVISERS'));
    await postEvent(test, fixtureJson('app-mention.json'));
    expect(api.calls).toEqual([{ method: 'chat.postMessage', body: { ...WELCOME, channel: 'C0ADVISERS', thread_ts: '1764152460.000200' } }]);
    await test.app.close();
  });

  it('/medspiller <flow> opens a direct message; an unknown flow gets the list of flows to start', async () => {
    const test = await buildSlackApp({ now: NOW });
    const api = slackApi().expect('conversations.open', { ok: true, channel: { id: 'D0DMADVISR' } }).expect('chat.postMessage', posted('D0DMADVISR'));
    await postSlack(test, fixtureText('slash-command.form'), 'application/x-www-form-urlencoded');
    expect(api.calls).toEqual([
      { method: 'conversations.open', body: { team_id: 'T0MEDSPIL', users: 'U0ADVISER1' } },
      {
        method: 'chat.postMessage',
        body: {
          team_id: 'T0MEDSPIL',
          channel: 'D0DMADVISR',
          text: 'Jeg kender ikke en samtale, der hedder "staff-survey". Du kan starte en af disse:',
          blocks: [
            section('Jeg kender ikke en samtale, der hedder "staff-survey". Du kan starte en af disse:'),
            { type: 'actions', elements: [button(0, 'Menu', 'start:menu'), button(1, 'Brev', 'start:letter')] },
          ],
          unfurl_links: 'false',
          unfurl_media: 'false',
        },
      },
    ]);

    const started = slackApi().expect('chat.update', { ok: true }).expect('chat.postMessage', posted('D0DMADVISR'));
    const pick = click('start:letter', 'Brev', 1);
    pick.user.id = 'U0ADVISER1';
    pick.channel.id = 'D0DMADVISR';
    await postInteraction(test, pick);
    expect(started.calls[1]?.body).toMatchObject({ channel: 'D0DMADVISR', blocks: [section('Hvad hedder du?')] });
    await test.app.close();
  });

  it('/medspiller letter starts that flow in the direct message', async () => {
    const test = await buildSlackApp({ now: NOW });
    const api = slackApi().expect('conversations.open', { ok: true, channel: { id: 'D0DMADVISR' } }).expect('chat.postMessage', posted('D0DMADVISR'));
    await postSlack(test, fixtureText('slash-command.form').replace('text=staff-survey', 'text=letter'), 'application/x-www-form-urlencoded');
    expect(api.calls[1]?.body).toEqual({
      team_id: 'T0MEDSPIL',
      channel: 'D0DMADVISR',
      text: 'Hvad hedder du?',
      blocks: [section('Hvad hedder du?')],
      unfurl_links: 'false',
      unfurl_media: 'false',
    });
    await test.app.close();
  });

  describe('a document', () => {
    async function atName(): Promise<SlackTestApp> {
      const test = await greeted();
      slackApi().expect('chat.update', { ok: true }).expect('chat.postMessage', posted(DM));
      await postInteraction(test, click('letter', 'Skriv et brev', 1));
      return test;
    }
    const letterBody = 'Til kommunen\n\nJeg, Ada <Jensen>, klager over afgørelsen.\n\nVenlig hilsen\nAda <Jensen>';
    const letterPost = {
      team_id: 'T0MEDSPIL',
      channel: DM,
      text: 'Klage over afgørelse',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Klage over afgørelse', emoji: true } },
        section('Til kommunen\n\nJeg, Ada &lt;Jensen&gt;, klager over afgørelsen.\n\nVenlig hilsen\nAda &lt;Jensen&gt;'),
      ],
      unfurl_links: 'false',
      unfurl_media: 'false',
    };
    const consent = {
      team_id: 'T0MEDSPIL',
      channel: DM,
      text: 'Må en rådgiver kontakte dig?',
      blocks: [section('Må en rådgiver kontakte dig?'), { type: 'actions', elements: [button(0, 'Ja', 'yes'), button(1, 'Nej', 'no')] }],
      unfurl_links: 'false',
      unfurl_media: 'false',
    };

    it('is posted as a message and uploaded as a text file', async () => {
      const test = await atName();
      const uploaded: string[] = [];
      const api = slackApi()
        .expect('chat.postMessage', posted(DM))
        .expect('files.getUploadURLExternal', { ok: true, upload_url: 'https://files.slack.com/upload/v1/CwABAAAAXw', file_id: 'F0LETTER1' })
        .expect('files.completeUploadExternal', { ok: true, files: [{ id: 'F0LETTER1', title: 'Klage over afgørelse' }] })
        .expect('chat.postMessage', posted(DM));
      const upload = nock('https://files.slack.com')
        .post('/upload/v1/CwABAAAAXw', (body) => (uploaded.push(String(body)), true))
        .reply(200, 'OK - 118');
      const event = fixtureJson('message-im.json');
      event.event.text = 'Ada &lt;Jensen&gt;';
      await postEvent(test, event);
      expect(upload.isDone()).toBe(true);
      const file = `Klage over afgørelse\n====================\n\n${letterBody}\n`;
      expect(api.calls).toEqual([
        { method: 'chat.postMessage', body: letterPost },
        { method: 'files.getUploadURLExternal', body: { team_id: 'T0MEDSPIL', filename: 'complaint_letter.txt', length: String(Buffer.byteLength(file)) } },
        { method: 'files.completeUploadExternal', body: { team_id: 'T0MEDSPIL', files: [{ id: 'F0LETTER1', title: 'Klage over afgørelse' }], channel_id: DM } },
        { method: 'chat.postMessage', body: consent },
      ]);
      expect(uploaded.join('')).toContain(file);
      await test.app.close();
    });

    it('is posted as a code block when the app may not upload files', async () => {
      const test = await atName();
      const api = slackApi()
        .expect('chat.postMessage', posted(DM))
        .expect('files.getUploadURLExternal', { ok: false, error: 'missing_scope', needed: 'files:write' })
        .expect('chat.postMessage', posted(DM))
        .expect('chat.postMessage', posted(DM));
      const event = fixtureJson('message-im.json');
      event.event.text = 'Ada &lt;Jensen&gt;';
      await postEvent(test, event);
      expect(api.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'files.getUploadURLExternal', 'chat.postMessage', 'chat.postMessage']);
      expect(api.calls[2]?.body).toEqual({
        team_id: 'T0MEDSPIL',
        channel: DM,
        text: 'Klage over afgørelse',
        blocks: [section(`\`\`\`\nKlage over afgørelse\n====================\n\n${letterBody.replace(/</g, '&lt;').replace(/>/g, '&gt;')}\n\n\`\`\``)],
        unfurl_links: 'false',
        unfurl_media: 'false',
      });
      expect(api.calls[3]?.body).toEqual(consent);
      await test.app.close();
    });
  });
});
