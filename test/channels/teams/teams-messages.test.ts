/**
 * /api/messages over HTTP: recorded activities in, the exact activities sent to
 * the Bot Framework connector out; and the JWT check when an app id is set.
 */
import { generateKeyPairSync, sign as rsaSign, type KeyObject } from 'node:crypto';
import { Writable } from 'node:stream';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { activity, APP_ID, buildTeamsApp, connector, postActivity } from './teams-fixture.js';

const APP_ENV = { MEDSPILLER_TEAMS: '', MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'not-a-real-client-secret~0123456789' };
const NOW = new Date('2026-11-23T12:00:00Z');

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

/** What the connector receives: the activity addressed back to the person, as a reply. */
function reply(replyToId: string, fields: Record<string, unknown>) {
  const incoming = activity('message.json');
  return {
    type: 'message',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    from: incoming.recipient,
    conversation: incoming.conversation,
    recipient: incoming.from,
    locale: 'da-DK',
    ...fields,
    replyToId,
  };
}

const submit = (title: string, id: string) => ({
  type: 'Action.Submit',
  title,
  data: { medspiller: 'choice', id, msteams: { type: 'messageBack', displayText: title, text: title } },
});
const card = (body: unknown[], actions?: unknown[]) => ({
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.4', body, ...(actions && { actions }) },
});
const MENU_CARD = card([{ type: 'TextBlock', text: 'Hvad vil du gerne?', wrap: true }], [submit('Regn en frist ud', 'date'), submit('Skriv et brev', 'letter'), submit('Afslut', 'end')]);

describe('POST /api/messages (emulator mode)', () => {
  it('greets the first message with the menu as an Adaptive Card', async () => {
    const test = await buildTeamsApp({ now: NOW });
    const api = connector().expectReply('1763899200123');
    const response = await postActivity(test, activity('message.json'));
    expect(response.statusCode).toBe(200);
    expect(api.sent).toEqual([{ path: 'reply', body: reply('1763899200123', { textFormat: 'markdown', text: 'Velkommen til **Medspiller**.', attachments: [MENU_CARD] }) }]);
    await test.app.close();
  });

  it('starts in the person’s language when the content has it', async () => {
    const test = await buildTeamsApp({ now: NOW });
    const api = connector().expectReply('1763899200123');
    await postActivity(test, { ...activity('message.json'), locale: 'en-GB' });
    expect(api.sent[0]?.body).toMatchObject({ text: 'Welcome to **Medspiller**.', attachments: [{ content: { body: [{ text: 'What would you like to do?' }] } }] });
    await test.app.close();
  });

  it('greets a person who installs the bot in a personal chat (conversationUpdate)', async () => {
    const test = await buildTeamsApp({ now: NOW });
    const api = connector().expectReply('f:4b2d1e9a-0c3f-5e6d-8b7a-9c1d2e3f4a5b');
    await postActivity(test, activity('conversation-update.json'));
    expect(api.sent[0]?.body).toMatchObject({ text: 'Velkommen til **Medspiller**.', attachments: [MENU_CARD], recipient: { id: '29:1q8x7Vb3n4M5kLpQrStUvWxYz0aBcDeFgHiJkLmNoPqRsTuVwXyZ' } });
    await test.app.close();
  });

  it('takes a card button press and asks for a date with a date field', async () => {
    const test = await buildTeamsApp({ now: NOW });
    connector().expectReply('1763899200123');
    await postActivity(test, activity('message.json'));
    const api = connector().expectReply('1763899210765');
    await postActivity(test, activity('card-action.json'));
    expect(api.sent).toEqual([
      {
        path: 'reply',
        body: reply('1763899210765', {
          attachments: [
            card(
              [
                { type: 'TextBlock', text: 'Hvornår fik du afgørelsen?', wrap: true },
                { type: 'Input.Date', id: 'date', label: 'Vælg en dato', isRequired: true, max: '2026-11-23' },
              ],
              [{ type: 'Action.Submit', title: 'Send', data: { medspiller: 'date' } }],
            ),
          ],
        }),
      },
    ]);
    await test.app.close();
  });

  it('answers an Action.Execute invoke itself, then sends the next question', async () => {
    const test = await buildTeamsApp({ now: NOW });
    connector().expectReply('1763899200123');
    await postActivity(test, activity('message.json'));
    const api = connector().expectReply('f:8a7b6c5d-4e3f-2a1b-0c9d-8e7f6a5b4c3d');
    const response = await postActivity(test, activity('invoke-card-action.json'));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '' });
    expect(api.sent[0]?.body).toMatchObject({ textFormat: 'markdown', text: 'Hvad hedder du?' });
    await test.app.close();
  });

  it('"medspiller staff-survey" names no flow here: the flows to start, as buttons', async () => {
    const test = await buildTeamsApp({ now: NOW });
    const api = connector().expectReply('1763899200123');
    await postActivity(test, { ...activity('message.json'), text: 'medspiller staff-survey' });
    expect(api.sent[0]?.body).toEqual(
      reply('1763899200123', {
        textFormat: 'markdown',
        text: 'Jeg kender ikke en samtale, der hedder "staff-survey". Du kan starte en af disse:',
        attachments: [card([], [submit('Menu', 'start:menu'), submit('Brev', 'start:letter')])],
      }),
    );
    await test.app.close();
  });

  it('answers a body that is no activity (no type) with 400, not 500', async () => {
    const test = await buildTeamsApp({ now: NOW });
    const response = await postActivity(test, { text: 'hej' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_body' } });
    await test.app.close();
  });

  it('warns loudly at start-up that requests are not signed', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const test = await buildTeamsApp({ logger: createLogger('info', sink) });
    expect(lines.find((line) => line.includes('MEDSPILLER_TEAMS=emulator'))).toMatch(/"level":40/);
    await test.app.close();
  });
});

describe('POST /api/messages with MICROSOFT_APP_ID (Bot Framework JWT)', () => {
  it('refuses an unsigned request with 401 and answers nothing', async () => {
    const test = await buildTeamsApp({ env: APP_ENV, now: NOW });
    const response = await postActivity(test, activity('message.json'));
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'unauthorized', message: 'A valid access token is required.' } });
    expect(await test.stores.sessions.purgeExpired(Number.MAX_SAFE_INTEGER)).toBe(0);
    await test.app.close();
  });

  it('refuses a request without a token before botbuilder sees it: no stack on the console, and a body without a type is 401 too', async () => {
    const test = await buildTeamsApp({ env: APP_ENV, now: NOW });
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const body of [activity('message.json'), { text: 'no type' }]) {
        const response = await postActivity(test, body);
        expect(response.statusCode).toBe(401);
        expect(response.json()).toEqual({ error: { code: 'unauthorized', message: 'A valid access token is required.' } });
      }
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
      await test.app.close();
    }
  });

  describe('with the Bot Framework signing keys', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = 'medspiller-test-key';

    function jwt(claims: Record<string, unknown>, key: KeyObject = privateKey): string {
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(claims)}`;
      return `${unsigned}.${rsaSign('RSA-SHA256', Buffer.from(unsigned), key).toString('base64url')}`;
    }

    function channelToken(overrides: Record<string, unknown> = {}) {
      const now = Math.floor(Date.now() / 1000);
      return jwt({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: 'https://smba.trafficmanager.net/emea/', nbf: now - 60, exp: now + 3600, ...overrides });
    }

    function openIdMetadata() {
      const jwk = publicKey.export({ format: 'jwk' });
      return nock('https://login.botframework.com')
        .get('/v1/.well-known/openidconfiguration')
        .reply(200, { issuer: 'https://api.botframework.com', jwks_uri: 'https://login.botframework.com/v1/.well-known/keys', id_token_signing_alg_values_supported: ['RS256'] })
        .get('/v1/.well-known/keys')
        .reply(200, { keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] });
    }

    it('accepts a request signed by the Bot Framework, and refuses one for another bot', async () => {
      const lines: string[] = [];
      const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
      const test = await buildTeamsApp({ env: APP_ENV, logger: createLogger('info', sink) });
      const keys = openIdMetadata();
      const added = activity('bot-added-to-channel.json');
      const accepted = await postActivity(test, added, { authorization: `Bearer ${channelToken()}` });
      expect(accepted.statusCode).toBe(200);
      expect(keys.isDone()).toBe(true);
      // The reference to configure for adviser requests, logged when the bot joins a channel.
      const logged = lines.map((line) => JSON.parse(line)).find((entry) => entry.reference);
      expect(JSON.parse(logged.reference)).toEqual({
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        channelId: 'msteams',
        conversation: { id: '19:3f1c0a9b8e7d6c5b4a39281706f5e4d3@thread.tacv2', tenantId: '2d4c6e8a-0b1c-4d2e-8f3a-5b6c7d8e9f01' },
      });

      const otherBot = await postActivity(test, added, { authorization: `Bearer ${channelToken({ aud: '00000000-0000-0000-0000-000000000000' })}` });
      expect(otherBot.statusCode).toBe(401);
      const forged = await postActivity(test, added, { authorization: `Bearer ${channelToken().replace(/\.[^.]+$/, '.AAAA')}` });
      expect(forged.statusCode).toBe(401);
      await test.app.close();
    });
  });
});

it('has no /api/messages when Teams is not configured', async () => {
  const test = await buildTeamsApp({ env: { MEDSPILLER_TEAMS: '' } });
  expect((await postActivity(test, activity('message.json'))).statusCode).toBe(404);
  await test.app.close();
});
