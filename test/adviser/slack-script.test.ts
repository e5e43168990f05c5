/**
 * `/medspiller script <flow>` in Slack: the flow's adviser script uploaded as
 * a Markdown file in the adviser's direct message with the bot, and a message
 * naming the flows when the flow is missing or unknown. Signed recorded
 * payloads in, Slack's Web API intercepted with nock (the channel's fixtures).
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scriptForChat } from '../../src/adviser/script-file.js';
import { toInbound } from '../../src/channels/slack/slack-inbound.js';
import { buildSlackApp, fixtureText, postSlack, posted, slackApi } from '../channels/slack/slack-fixture.js';
import { adviserBundle } from './adviser-bundle.js';

const DM = 'D0DMADVISR';
const command = (text: string) => fixtureText('slash-command.form').replace('text=staff-survey', `text=${encodeURIComponent(text)}`);

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('/medspiller script', () => {
  it('is read as a script request, not a flow to start', () => {
    const body = Object.fromEntries(new URLSearchParams(command('script Advice')));
    expect(toInbound(body)).toEqual({ kind: 'script', team: 'T0MEDSPIL', user: 'U0ADVISER1', flow: 'advice' });
    expect(toInbound(Object.fromEntries(new URLSearchParams(command('script'))))).toEqual({ kind: 'script', team: 'T0MEDSPIL', user: 'U0ADVISER1' });
  });

  it('uploads the script as a Markdown file in a direct message', async () => {
    const bundle = adviserBundle();
    const test = await buildSlackApp({ content: { current: () => bundle } });
    const uploaded: string[] = [];
    const api = slackApi()
      .expect('conversations.open', { ok: true, channel: { id: DM } })
      .expect('files.getUploadURLExternal', { ok: true, upload_url: 'https://files.slack.com/upload/v1/SCRIPT', file_id: 'F0SCRIPT1' })
      .expect('files.completeUploadExternal', { ok: true, files: [{ id: 'F0SCRIPT1' }] });
    const upload = nock('https://files.slack.com')
      .post('/upload/v1/SCRIPT', (body) => (uploaded.push(String(body)), true))
      .reply(200, 'OK');
    const response = await postSlack(test, command('script advice'), 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(200);
    expect(upload.isDone()).toBe(true);
    const file = scriptForChat(bundle, 'advice', { command: '/medspiller script' });
    expect(file).toMatchObject({ filename: 'manuskript-advice.md', title: 'Råd om klage: manuskript til rådgivere' });
    expect(api.calls.map((c) => c.method)).toEqual(['conversations.open', 'files.getUploadURLExternal', 'files.completeUploadExternal']);
    expect(api.calls[1]!.body).toMatchObject({ filename: 'manuskript-advice.md' });
    expect(api.calls[2]!.body).toMatchObject({ channel_id: DM, files: [{ id: 'F0SCRIPT1', title: 'Råd om klage: manuskript til rådgivere' }] });
    expect(uploaded.join('')).toContain('# Råd om klage: manuskript til rådgivere');
    await test.app.close();
  });

  it('names the flows when the flow is unknown', async () => {
    const test = await buildSlackApp({ content: { current: () => adviserBundle() } });
    const api = slackApi().expect('conversations.open', { ok: true, channel: { id: DM } }).expect('chat.postMessage', posted(DM));
    await postSlack(test, command('script nope'), 'application/x-www-form-urlencoded');
    const text = 'Der er ingen samtale, der hedder "nope". Samtalerne er: advice, other, system.';
    expect(api.calls[1]).toEqual({
      method: 'chat.postMessage',
      body: { team_id: 'T0MEDSPIL', channel: DM, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }], unfurl_links: 'false', unfurl_media: 'false' },
    });
    await test.app.close();
  });
});
