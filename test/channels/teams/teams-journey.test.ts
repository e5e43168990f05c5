/**
 * A complaint through Teams on the real flows and texts: menu → complaint → the
 * decision date (the date card) → the deadline → the letter as an Adaptive Card.
 * Each press is built from the card the bot last sent, as Teams would send it.
 */
import nock from 'nock';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { complaintDeadline, formatDate } from '../../../src/engine/index.js';
import type { Bundle } from '../../../src/engine/types.js';
import { realBundle } from '../../adviser/real-bundle.js';
import { activity, buildTeamsApp, CONVERSATION, postActivity, SERVICE_URL, type TeamsTestApp } from './teams-fixture.js';

const NOW = new Date('2026-11-23T12:00:00Z');
let bundle: Bundle;

beforeAll(async () => {
  nock.disableNetConnect();
  bundle = await realBundle();
});
afterEach(() => nock.cleanAll());

type Sent = Record<string, any>;

function connector() {
  const sent: Sent[] = [];
  const scope = nock(SERVICE_URL)
    .persist()
    .post((path) => path.startsWith(`/emea/v3/conversations/${encodeURIComponent(CONVERSATION)}/activities/`))
    .reply(200, (_uri, body) => {
      sent.push(typeof body === 'string' ? JSON.parse(body) : (body as Sent));
      return { id: `1:${sent.length}` };
    });
  return { sent, scope, last: () => sent.at(-1)! };
}

function card(message: Sent): Sent {
  return message.attachments?.[0]?.content ?? {};
}

let turn = 0;
/** The person presses the card button whose data has `id`, or sends the date card. */
async function press(test: TeamsTestApp, message: Sent, id: string) {
  const action = (card(message).actions ?? []).find((a: Sent) => a.data?.id === id);
  if (!action) throw new Error(`no button "${id}" in: ${(card(message).actions ?? []).map((a: Sent) => a.data?.id).join(', ')}`);
  const { msteams, ...value } = action.data;
  return postActivity(test, { ...activity('card-action.json'), id: `17638992${String(++turn).padStart(5, '0')}`, text: msteams.text, value });
}

async function sendDate(test: TeamsTestApp, message: Sent, date: string) {
  const submit = card(message).actions?.[0];
  expect(card(message).body.find((b: Sent) => b.type === 'Input.Date')).toMatchObject({ id: 'date', max: '2026-11-23' });
  return postActivity(test, { ...activity('card-action.json'), id: `17638992${String(++turn).padStart(5, '0')}`, text: undefined, value: { ...submit.data, date } });
}

it('a complaint through Teams: menu → complaint → the decision date → the deadline → the letter', async () => {
  const test = await buildTeamsApp({ content: { current: () => bundle }, now: NOW });
  const api = connector();
  await postActivity(test, activity('message.json'));
  await press(test, api.last(), 'complaint');
  expect(card(api.last()).actions.map((a: Sent) => a.data.id)).toEqual(['written', 'oral', 'not_yet']);
  await press(test, api.last(), 'written');
  await press(test, api.last(), 'digital');

  const before = api.sent.length;
  await sendDate(test, api.last(), '2026-11-02');
  const deadline = complaintDeadline('2026-11-02', 'digital', '2026-11-23');
  const said = api.sent.slice(before).map((m) => m.text ?? '').join('\n');
  expect(said).toContain(`**${formatDate(deadline.date, 'da', 'long')}**`);
  const law = bundle.municipalities.demo!.texts.da!['complaint.deadline_result']!.source!;
  expect(said).toMatch(new RegExp(`_Kilde: .*${law.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

  const atLetter = api.sent.length;
  await press(test, api.last(), 'letter');
  const letter = api.sent.slice(atLetter).map(card).find((c) => c.body?.[0]?.weight === 'Bolder');
  expect(letter?.body[0].text).toBe(bundle.municipalities.demo!.texts.da!['complaint.letter_title']!.text);
  expect(letter?.body.map((b: Sent) => b.text).join('\n')).toContain('afgørelse af 2. november 2026');
  expect(api.scope.isDone()).toBe(true);
  await test.app.close();
});

it('"medspiller staff-survey" starts the staff survey in Teams', async () => {
  const test = await buildTeamsApp({ content: { current: () => bundle }, now: NOW, env: { MEDSPILLER_CHAT_MUNICIPALITY: 'oesterby' } });
  const api = connector();
  await postActivity(test, { ...activity('message.json'), text: 'medspiller staff-survey' });
  expect(card(api.last()).actions.map((a: Sent) => a.data.id)).toEqual(['caseworker', 'manager']);
  expect(api.scope.isDone()).toBe(true);
  await test.app.close();
});
