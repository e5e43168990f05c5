/**
 * Adviser requests to a Teams channel as a proactive message: with the bot's
 * credentials (a token from Microsoft Entra ID, then the connector), and in
 * emulator mode (no token). A failed send reaches the worker, which retries.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadBotFramework } from '../../src/channels/teams/bot-framework.js';
import type { TeamsConversationReference } from '../../src/channels/chat-config.js';
import { adviserNotice } from '../../src/delivery/adviser-notice.js';
import { createDeliveryWorker } from '../../src/delivery/delivery-worker.js';
import { createTeamsTarget, teamsNoticeCard } from '../../src/delivery/teams-target.js';
import { silentLogger } from '../../src/logger.js';
import { createMemoryRequestStore } from '../../src/stores/memory-request-store.js';
import { fixtureContent } from '../conversation/fixture-bundle.js';
import { adviserRequest, bundleWithTopics, CREATED_AT } from './delivery-fixture.js';

const APP_ID = '8e5a9b1c-2d3e-4f50-9a6b-7c8d9e0f1a2b';
const TENANT = '2d4c6e8a-0b1c-4d2e-8f3a-5b6c7d8e9f01';
const CHANNEL = '19:3f1c0a9b8e7d6c5b4a39281706f5e4d3@thread.tacv2';
const REFERENCE: TeamsConversationReference = {
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: 'msteams',
  conversation: { id: CHANNEL, tenantId: TENANT },
};
const notice = adviserNotice(adviserRequest(), bundleWithTopics());

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

function connector(status = 201, authorization?: string) {
  const bodies: Array<Record<string, any>> = [];
  const scope = nock('https://smba.trafficmanager.net', authorization ? { reqheaders: { authorization } } : {})
    .post(`/emea/v3/conversations/${encodeURIComponent(CHANNEL)}/activities`, (body) => (bodies.push(body as Record<string, any>), true))
    .reply(status, status < 300 ? { id: '1764152700000' } : { error: { code: 'ServiceError', message: 'Unavailable' } });
  return { scope, bodies };
}

describe('Teams delivery', () => {
  it('gets a token for the bot, then posts the card into the advisers’ channel', async () => {
    const framework = await loadBotFramework({ mode: 'bot-framework', appId: APP_ID, appPassword: 'client-secret~0123456789', tenantId: TENANT }, silentLogger());
    const login = nock('https://login.microsoftonline.com')
      .post(`/${TENANT}/oauth2/v2.0/token`, (body) => body.client_id === APP_ID && body.grant_type === 'client_credentials' && body.scope === 'https://api.botframework.com/.default')
      .query(true)
      .reply(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.' });
    const teams = connector(201, 'Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.');
    await createTeamsTarget(framework, REFERENCE).deliver(notice);
    expect(login.isDone()).toBe(true);
    expect(teams.scope.isDone()).toBe(true);
    expect(teams.bodies).toEqual([
      {
        type: 'message',
        summary: 'Ny henvendelse fra en borger i Demo Kommune',
        attachments: [teamsNoticeCard(notice)],
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        conversation: { id: CHANNEL, tenantId: TENANT },
      },
    ]);
  });

  it('in emulator mode: no token; a refused send is retried by the worker', async () => {
    const framework = await loadBotFramework({ mode: 'emulator' }, silentLogger());
    const clock = { now: CREATED_AT + 1_000 };
    const requests = createMemoryRequestStore({ now: () => clock.now });
    await requests.add(adviserRequest());
    const worker = createDeliveryWorker({
      requests,
      targets: [createTeamsTarget(framework, REFERENCE)],
      content: fixtureContent(bundleWithTopics()),
      logger: silentLogger(),
      clock: () => new Date(clock.now),
    });
    const refused = connector(503);
    await worker.runOnce();
    expect(refused.scope.isDone()).toBe(true);
    expect(await requests.get(adviserRequest().id)).toMatchObject({ status: 'pending', attempts: 1 });
    clock.now += 30_000;
    const accepted = connector(201);
    await worker.runOnce();
    expect(accepted.scope.isDone()).toBe(true);
    expect(accepted.bodies[0]?.attachments).toEqual([teamsNoticeCard(notice)]);
    expect(await requests.get(adviserRequest().id)).toMatchObject({ status: 'delivered', attempts: 2, deliveredTo: ['teams'] });
  });
});
