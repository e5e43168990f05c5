/**
 * /slack/events over HTTP: signatures over the raw body, Slack's handshakes, and
 * that nothing is processed, stored or sent for a request that fails the check.
 */
import { Writable } from 'node:stream';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chatConversationId } from '../../../src/conversation/chat-sessions.js';
import { createLogger } from '../../../src/logger.js';
import { buildSlackApp, fixtureJson, fixtureText, postEvent, posted, postSlack, SIGNING_SECRET, sign, slackApi, type SlackTestApp } from './slack-fixture.js';

const DM = { platform: 'slack', parts: ['T0MEDSPIL', 'D0DMCITIZN', '', 'U0CITIZEN1'] };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

async function noConversation(test: SlackTestApp) {
  expect(await test.stores.sessions.load(chatConversationId(SIGNING_SECRET, DM))).toBeUndefined();
}

describe('POST /slack/events', () => {
  it('answers url_verification with the challenge', async () => {
    const test = await buildSlackApp();
    const response = await postSlack(test, fixtureText('url-verification.json'), 'application/json');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
    await test.app.close();
  });

  it('answers ssl_check with an empty 200', async () => {
    const test = await buildSlackApp();
    const response = await postSlack(test, fixtureText('ssl-check.form'), 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
    await test.app.close();
  });

  it('refuses a bad signature with 401 and processes nothing', async () => {
    const test = await buildSlackApp();
    const recorded = fixtureJson('bad-signature.request.json');
    const response = await test.app.inject({
      method: 'POST',
      url: '/slack/events',
      headers: { ...recorded.headers, 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)) },
      payload: fixtureText(recorded.bodyFile),
    });
    await test.app.chatChannels.idle();
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'unauthorized', message: 'The Slack request signature is missing, wrong or stale.' } });
    await noConversation(test);
    await test.app.close();
  });

  it('refuses a stale timestamp (a replayed, correctly signed request) with 401', async () => {
    const test = await buildSlackApp();
    const recorded = fixtureJson('stale-timestamp.request.json');
    const response = await test.app.inject({ method: 'POST', url: '/slack/events', headers: recorded.headers, payload: fixtureText(recorded.bodyFile) });
    await test.app.chatChannels.idle();
    expect(response.statusCode).toBe(401);
    await noConversation(test);
    await test.app.close();
  });

  it('refuses a missing signature, one for another body, and a timestamp from the future', async () => {
    const test = await buildSlackApp();
    const body = fixtureText('message-im.json');
    const now = Math.floor(Date.now() / 1000);
    const attempts = [
      { 'content-type': 'application/json' },
      { 'content-type': 'application/json', 'x-slack-request-timestamp': String(now), 'x-slack-signature': sign(`${body} `, now) },
      { 'content-type': 'application/json', 'x-slack-request-timestamp': String(now + 3600), 'x-slack-signature': sign(body, now + 3600) },
    ];
    for (const headers of attempts) {
      const response = await test.app.inject({ method: 'POST', url: '/slack/events', headers, payload: body });
      expect(response.statusCode).toBe(401);
    }
    await test.app.chatChannels.idle();
    await noConversation(test);
    await test.app.close();
  });

  it('acknowledges an event at once and answers it afterwards', async () => {
    const test = await buildSlackApp();
    const api = slackApi().expect('chat.postMessage', posted('D0DMCITIZN'));
    const response = await postEvent(test, fixtureJson('message-im.json'));
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
    expect(api.scope.isDone()).toBe(true);
    expect(await test.stores.sessions.load(chatConversationId(SIGNING_SECRET, DM))).toBeDefined();
    await test.app.close();
  });

  it('finishes answering an acknowledged event before the app has closed', async () => {
    const test = await buildSlackApp();
    const api = slackApi();
    api.scope.post('/api/chat.postMessage').delay(300).reply(200, posted('D0DMCITIZN'));
    const body = fixtureText('message-im.json');
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await test.app.inject({
      method: 'POST',
      url: '/slack/events',
      headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(body, timestamp) },
      payload: body,
    });
    expect(response.statusCode).toBe(200);
    await test.app.close();
    expect(api.scope.isDone()).toBe(true);
  });

  it('is not there when Slack is not configured', async () => {
    const test = await buildSlackApp({ env: { SLACK_SIGNING_SECRET: '', SLACK_BOT_TOKEN: '' } });
    const response = await postSlack(test, fixtureText('url-verification.json'), 'application/json');
    expect(response.statusCode).toBe(404);
    await test.app.close();
  });

  it('never logs what was written or the payload', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const test = await buildSlackApp({ logger: createLogger('trace', sink) });
    slackApi().expect('chat.postMessage', posted('D0DMCITIZN')).expect('chat.postMessage', posted('D0DMCITIZN'));
    const event = fixtureJson('message-im.json');
    await postEvent(test, event);
    event.event.text = 'Mit navn er Ada Jensen, tlf 12345678';
    await postEvent(test, event);
    const log = lines.join('');
    expect(log).toContain('slack turn');
    for (const secret of ['Ada Jensen', '12345678', 'Hej', 'U0CITIZEN1', 'D0DMCITIZN', 'Jhj5dZrVaK7ZwHHjRyZWjbDl', 'xoxb-']) expect(log).not.toContain(secret);
    await test.app.close();
  });
});
