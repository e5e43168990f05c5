/**
 * Whole journeys through Slack on the real flows and texts: a complaint (menu →
 * complaint → date → the deadline → the letter), and a request for an adviser
 * that ends up in the advisers' channel. Each click is built from the message
 * the bot last posted, as Slack would send it.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { complaintDeadline, formatDate } from '../../../src/engine/index.js';
import type { Bundle } from '../../../src/engine/types.js';
import { realBundle } from '../../adviser/real-bundle.js';
import { buildSlackApp, BOT_TOKEN, fixtureJson, fixtureText, postEvent, postInteraction, postSlack, type SlackTestApp } from './slack-fixture.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const DM = 'D0DMCITIZN';
let bundle: Bundle;

beforeAll(async () => {
  nock.disableNetConnect();
  bundle = await realBundle();
});
afterEach(() => nock.cleanAll());

interface Post {
  channel: string;
  ts: string;
  blocks: Array<Record<string, any>>;
  text: string;
}

/** Slack as the bot sees it: every message posted gets a ts; updates and uploads are recorded too. */
function slack() {
  const posts: Post[] = [];
  const calls: string[] = [];
  let ts = 1764152500;
  const form = (body: unknown): Record<string, string> =>
    typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, string>);
  const scope = nock('https://slack.com')
    .matchHeader('authorization', `Bearer ${BOT_TOKEN}`)
    .persist()
    .post('/api/chat.postMessage')
    .reply(200, (_uri, body) => {
      const fields = form(body);
      const post = { channel: fields.channel!, ts: `${ts++}.000100`, blocks: JSON.parse(fields.blocks!), text: fields.text! };
      posts.push(post);
      calls.push('chat.postMessage');
      return { ok: true, channel: post.channel, ts: post.ts };
    })
    .post('/api/chat.update')
    .reply(200, () => (calls.push('chat.update'), { ok: true }))
    .post('/api/files.getUploadURLExternal')
    .reply(200, () => (calls.push('files.getUploadURLExternal'), { ok: true, upload_url: 'https://files.slack.com/upload/v1/CwABAAAAXw', file_id: 'F0LETTER1' }))
    .post('/api/files.completeUploadExternal')
    .reply(200, () => (calls.push('files.completeUploadExternal'), { ok: true, files: [{ id: 'F0LETTER1' }] }));
  const files = nock('https://files.slack.com').persist().post('/upload/v1/CwABAAAAXw').reply(200, 'OK');
  return { posts, calls, scope, files, last: () => posts.at(-1)! };
}

function buttons(post: Post): Array<Record<string, any>> {
  return post.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements);
}

function textOf(posts: Post[]): string {
  return posts.flatMap((p) => p.blocks.map((b) => b.text?.text ?? '')).join('\n');
}

/** A press on the button with `value` in the message `post` (the recorded block_actions payload, filled in). */
function press(post: Post, value: string) {
  const element = buttons(post).find((e) => e.value === value);
  if (!element) throw new Error(`no button "${value}" in: ${buttons(post).map((e) => e.value).join(', ')}`);
  const payload = fixtureJson('block-actions.json');
  payload.container.message_ts = post.ts;
  payload.message = { ...payload.message, ts: post.ts, text: post.text, blocks: post.blocks };
  payload.actions = [{ ...element, block_id: 'b1', action_ts: '1764152470.654321' }];
  return payload;
}

function pickDate(post: Post, date: string) {
  const payload = fixtureJson('datepicker-action.json');
  payload.container.message_ts = post.ts;
  payload.message = { ...payload.message, ts: post.ts, blocks: post.blocks };
  payload.actions[0].selected_date = date;
  return payload;
}

function say(test: SlackTestApp, text: string) {
  const event = fixtureJson('message-im.json');
  event.event.text = text;
  return postEvent(test, event);
}

describe('Slack journeys on the real content', () => {
  it('a complaint: menu → complaint → the decision date → the deadline → the letter', async () => {
    const test = await buildSlackApp({ content: { current: () => bundle }, now: NOW });
    const api = slack();
    await say(test, 'Hej');
    expect(buttons(api.last()).map((b) => b.value)).toContain('complaint');

    await postInteraction(test, press(api.last(), 'complaint'));
    expect(buttons(api.last()).map((b) => b.value)).toEqual(['written', 'oral', 'not_yet']);
    await postInteraction(test, press(api.last(), 'written'));
    await postInteraction(test, press(api.last(), 'digital'));
    expect(buttons(api.last())).toEqual([expect.objectContaining({ type: 'datepicker', action_id: 'medspiller.date' })]);

    const before = api.posts.length;
    await postInteraction(test, pickDate(api.last(), '2026-11-02'));
    const deadline = complaintDeadline('2026-11-02', 'digital', '2026-11-23');
    const shown = textOf(api.posts.slice(before));
    expect(shown).toContain(`*${formatDate(deadline.date, 'da', 'long')}*`);
    const law = bundle.municipalities.demo!.texts.da!['complaint.deadline_result']!.source!;
    expect(api.posts.slice(before).flatMap((p) => p.blocks).some((b) => b.type === 'context' && b.elements[0].text.includes(law))).toBe(true);
    expect(buttons(api.last()).map((b) => b.value)).toContain('letter');

    const atLetter = api.posts.length;
    await postInteraction(test, press(api.last(), 'letter'));
    const letter = api.posts.slice(atLetter).find((p) => p.blocks[0]?.type === 'header');
    expect(letter?.blocks[0]?.text.text).toBe(bundle.municipalities.demo!.texts.da!['complaint.letter_title']!.text);
    expect(textOf([letter!])).toContain('afgørelse af 2. november 2026');
    expect(api.calls.slice(-6)).toEqual(['chat.update', 'chat.postMessage', 'chat.postMessage', 'files.getUploadURLExternal', 'files.completeUploadExternal', 'chat.postMessage']);
    expect(api.files.isDone()).toBe(true);
    expect(api.scope.isDone()).toBe(true);
    expect(new Set(api.posts.map((p) => p.channel))).toEqual(new Set([DM]));
    await test.app.close();
  });

  it('/medspiller staff-survey starts the staff survey of the municipality the chat belongs to', async () => {
    const test = await buildSlackApp({ content: { current: () => bundle }, now: NOW, env: { MEDSPILLER_CHAT_MUNICIPALITY: 'oesterby' } });
    const api = slack();
    nock('https://slack.com').post('/api/conversations.open').reply(200, { ok: true, channel: { id: 'D0DMADVISR' } });
    await postSlack(test, fixtureText('slash-command.form'), 'application/x-www-form-urlencoded');
    expect(api.last().channel).toBe('D0DMADVISR');
    expect(buttons(api.last()).map((b) => b.value)).toEqual(['caseworker', 'manager']);
    expect(textOf([api.last()])).toContain(bundle.municipalities.oesterby!.texts.da!['survey.staff_ask_role']!.text);
    await test.app.close();
  });

  it('a request for an adviser: asked for consent, stored, and delivered to the advisers’ channel', async () => {
    const test = await buildSlackApp({ content: { current: () => bundle }, now: NOW, env: { MEDSPILLER_ADVISER_SLACK_CHANNEL: 'C0ADVISERS' } });
    const api = slack();
    await say(test, 'Hej');
    await postInteraction(test, press(api.last(), 'adviser'));
    await postInteraction(test, press(api.last(), 'request'));
    await postInteraction(test, press(api.last(), 'yes'));
    await say(test, 'Ada Jensen');
    await postInteraction(test, press(api.last(), 'phone'));
    await say(test, '12 34 56 78');
    await postInteraction(test, press(api.last(), 'decision'));
    await postInteraction(test, press(api.last(), 'send'));
    const [stored] = await test.stores.requests.list();
    expect(stored).toMatchObject({ municipality: 'demo', topic: 'decision', name: 'Ada Jensen', phone: '12 34 56 78', status: 'pending', attempts: 0 });

    const advisers = api.posts.length;
    expect(await test.app.chatChannels.delivery!.runOnce()).toBe(1);
    const notice = api.posts.slice(advisers);
    expect(notice.map((p) => p.channel)).toEqual(['C0ADVISERS']);
    expect(notice[0]!.blocks[2]).toEqual({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: '*Navn*\nAda Jensen' },
        { type: 'mrkdwn', text: '*Telefon*\n12 34 56 78' },
      ],
    });
    expect(await test.stores.requests.get(stored!.id)).toMatchObject({ status: 'delivered', attempts: 1, deliveredTo: ['slack'] });
    await test.app.close();
  });
});
