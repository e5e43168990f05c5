/**
 * The delivery worker against Slack (nock) and the stores: first time right,
 * retried with backoff after a 503, resumed by a new worker on the same SQLite
 * file after a restart, never sent twice, never logging the citizen's details.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryWorker, type DeliveryPolicy } from '../../src/delivery/delivery-worker.js';
import type { DeliveryTarget } from '../../src/delivery/delivery-target.js';
import { createSlackTarget, slackNoticeBlocks } from '../../src/delivery/slack-target.js';
import { adviserNotice } from '../../src/delivery/adviser-notice.js';
import { createLogger, silentLogger, type Logger } from '../../src/logger.js';
import { createMemoryRequestStore } from '../../src/stores/memory-request-store.js';
import type { RequestStore } from '../../src/stores/request-store.js';
import { createSqliteRequestStore } from '../../src/stores/sqlite-request-store.js';
import { fixtureContent } from '../conversation/fixture-bundle.js';
import { ADVISERS, adviserRequest, bundleWithTopics, CREATED_AT, slackClient, slackPostMessages } from './delivery-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'medspiller-delivery-'));
const POLICY: Partial<DeliveryPolicy> = { backoffMs: 30_000, maxBackoffMs: 3_600_000, maxAttempts: 3, leaseMs: 60_000, attemptTimeoutMs: 5_000 };
const content = fixtureContent(bundleWithTopics());

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function worker(requests: RequestStore, clock: { now: number }, targets: DeliveryTarget[] = [createSlackTarget(slackClient(), ADVISERS)], logger: Logger = silentLogger()) {
  return createDeliveryWorker({ requests, targets, content, logger, clock: () => new Date(clock.now), policy: POLICY });
}

const expectedPost = {
  channel: ADVISERS,
  text: 'Ny henvendelse fra en borger i Demo Kommune',
  blocks: slackNoticeBlocks(adviserNotice(adviserRequest(), bundleWithTopics())),
  unfurl_links: 'false',
  unfurl_media: 'false',
};

describe('adviser request delivery', () => {
  it('posts a pending request to the advisers’ Slack channel and records it delivered', async () => {
    const clock = { now: CREATED_AT + 1_000 };
    const requests = createMemoryRequestStore({ now: () => clock.now });
    await requests.add(adviserRequest());
    const slack = slackPostMessages(200);
    expect(await worker(requests, clock).runOnce()).toBe(1);
    expect(slack.scope.isDone()).toBe(true);
    expect(slack.bodies).toEqual([expectedPost]);
    expect(await requests.get(adviserRequest().id)).toMatchObject({ status: 'delivered', attempts: 1, deliveredTo: ['slack'] });
    expect(await worker(requests, clock).runOnce()).toBe(0);
  });

  it('retries after a 503 from Slack, after the backoff, and then records it delivered', async () => {
    const clock = { now: CREATED_AT + 1_000 };
    const requests = createMemoryRequestStore({ now: () => clock.now });
    await requests.add(adviserRequest());
    const delivery = worker(requests, clock);

    const unavailable = slackPostMessages(503);
    await delivery.runOnce();
    expect(unavailable.scope.isDone()).toBe(true);
    expect(await requests.get(adviserRequest().id)).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: clock.now + 30_000 });

    clock.now += 29_999;
    expect(await delivery.runOnce()).toBe(0);
    clock.now += 1;
    const slack = slackPostMessages(200);
    expect(await delivery.runOnce()).toBe(1);
    expect(slack.scope.isDone()).toBe(true);
    expect(slack.bodies).toEqual([expectedPost]);
    expect(await requests.get(adviserRequest().id)).toMatchObject({ status: 'delivered', attempts: 2, deliveredTo: ['slack'] });
  });

  it('doubles the wait after each failure and gives up after the last attempt', async () => {
    const clock = { now: CREATED_AT + 1_000 };
    const requests = createMemoryRequestStore({ now: () => clock.now });
    await requests.add(adviserRequest());
    const delivery = worker(requests, clock);
    const slack = slackPostMessages(503, 503, 503);
    await delivery.runOnce();
    clock.now += 30_000;
    await delivery.runOnce();
    expect(await requests.get(adviserRequest().id)).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: clock.now + 60_000 });
    clock.now += 60_000;
    await delivery.runOnce();
    expect(slack.scope.isDone()).toBe(true);
    expect(await requests.get(adviserRequest().id)).toEqual(adviserRequest({ status: 'failed', attempts: 3 }));
  });

  it('sends to each target once: a retry only goes where the request has not arrived', async () => {
    const clock = { now: CREATED_AT + 1_000 };
    const requests = createMemoryRequestStore({ now: () => clock.now });
    await requests.add(adviserRequest());
    let teamsCalls = 0;
    const teams: DeliveryTarget = {
      name: 'teams',
      async deliver() {
        teamsCalls += 1;
        if (teamsCalls === 1) throw Object.assign(new Error('Service Unavailable'), { statusCode: 503 });
      },
    };
    const delivery = worker(requests, clock, [createSlackTarget(slackClient(), ADVISERS), teams]);
    const slack = slackPostMessages(200);
    await delivery.runOnce();
    expect(slack.scope.isDone()).toBe(true);
    expect(await requests.get(adviserRequest().id)).toMatchObject({ status: 'pending', attempts: 1, deliveredTo: ['slack'] });
    clock.now += 30_000;
    await delivery.runOnce();
    expect(teamsCalls).toBe(2);
    expect(await requests.get(adviserRequest().id)).toMatchObject({ status: 'delivered', attempts: 2, deliveredTo: ['slack', 'teams'] });
  });

  it('resumes after a restart: a new worker on the same SQLite file delivers what the old one left pending', async () => {
    const file = join(dir, 'restart.db');
    const clock = { now: CREATED_AT + 1_000 };
    const before = createSqliteRequestStore(file, { now: () => clock.now });
    await before.add(adviserRequest());
    await before.add(adviserRequest({ id: 'sEcOnDrEqUeSt000000000b', createdAt: CREATED_AT + 500 }));
    const first = worker(before, clock);
    const failing = slackPostMessages(503, 503);
    await first.runOnce();
    expect(failing.scope.isDone()).toBe(true);
    await first.stop();
    await before.close();

    clock.now += 30_000;
    const after = createSqliteRequestStore(file, { now: () => clock.now });
    const slack = slackPostMessages(200, 200);
    expect(await worker(after, clock).runOnce()).toBe(2);
    expect(slack.scope.isDone()).toBe(true);
    expect(slack.bodies.map((body) => (body.blocks as Array<{ elements?: Array<{ text: string }> }>)[3]?.elements?.[0]?.text)).toEqual([
      'Modtaget 23. november 2026 kl. 11.58 via Medspiller · henvendelse r4Nd0mReQuEsT1d000000a',
      'Modtaget 23. november 2026 kl. 11.58 via Medspiller · henvendelse sEcOnDrEqUeSt000000000b',
    ]);
    expect((await after.list()).map((r) => [r.status, r.attempts])).toEqual([['delivered', 2], ['delivered', 2]]);
    await after.close();
  });

  it('takes over a request whose worker died mid-attempt, once the lease has run out', async () => {
    const file = join(dir, 'crash.db');
    const clock = { now: CREATED_AT + 1_000 };
    const crashed = createSqliteRequestStore(file, { now: () => clock.now });
    await crashed.add(adviserRequest());
    expect(await crashed.claimDue('a-worker-that-died', clock.now, 60_000, 10)).toHaveLength(1);
    await crashed.close();

    const store = createSqliteRequestStore(file, { now: () => clock.now });
    const delivery = worker(store, clock);
    expect(await delivery.runOnce()).toBe(0);
    clock.now += 60_000;
    const slack = slackPostMessages(200);
    expect(await delivery.runOnce()).toBe(1);
    expect(slack.scope.isDone()).toBe(true);
    await store.close();
  });

  it('delivers each request exactly once with two instances on one SQLite file', async () => {
    const file = join(dir, 'two-instances.db');
    const clock = { now: CREATED_AT + 1_000 };
    const one = createSqliteRequestStore(file, { now: () => clock.now });
    const two = createSqliteRequestStore(file, { now: () => clock.now });
    const ids = ['aaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbb', 'cccccccccccccccccccccc', 'dddddddddddddddddddddd'];
    for (const id of ids) await one.add(adviserRequest({ id }));
    const slack = slackPostMessages(200, 200, 200, 200);
    const counts = await Promise.all([worker(one, clock).runOnce(), worker(two, clock).runOnce()]);
    expect(counts[0] + counts[1]).toBe(4);
    expect(slack.scope.isDone()).toBe(true);
    const footers = slack.bodies.map((body) => String((body.blocks as Array<{ elements?: Array<{ text: string }> }>)[3]?.elements?.[0]?.text).slice(-22));
    expect(footers.sort()).toEqual(ids);
    await Promise.all([one.close(), two.close()]);
  });

  it('sends nothing more of a request erased during a round: neither to the next target nor, later in the batch, at all', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const clock = { now: CREATED_AT + 1_000 };
    const requests = createMemoryRequestStore({ now: () => clock.now });
    const first = adviserRequest({ id: 'fIrStReQuEsT0000000000', conversationId: 'fIrStCoNvErSaTi0n00000' });
    const second = adviserRequest({ id: 'sEcOnDrEqUeSt000000000b', conversationId: 'sEcOnDcOnVeRsAtIoN0000', createdAt: CREATED_AT + 500 });
    await requests.add(first);
    await requests.add(second);
    const sent: string[] = [];
    let arrived!: () => void;
    const slowArrival = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    const slow: DeliveryTarget = {
      name: 'slack',
      async deliver(notice) {
        sent.push(`slack ${notice.requestId}`);
        arrived();
        await new Promise<void>((resolve) => (release = resolve));
      },
    };
    const teams: DeliveryTarget = {
      name: 'teams',
      async deliver(notice) {
        sent.push(`teams ${notice.requestId}`);
      },
    };
    const round = worker(requests, clock, [slow, teams], createLogger('info', sink)).runOnce();
    await slowArrival;
    // Both citizens delete their conversations while the first notice is on its way to Slack.
    await requests.deleteByConversation(first.conversationId);
    await requests.deleteByConversation(second.conversationId);
    release();
    expect(await round).toBe(2);
    expect(sent).toEqual([`slack ${first.id}`]);
    const log = lines.join('');
    expect(log).not.toContain('delivery failed');
    expect(log).not.toContain('could not be delivered');
    expect(log.match(/adviser request erased before delivery/g)).toHaveLength(2);
  });

  it('logs request ids, attempts and error codes, never the citizen’s details', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const clock = { now: CREATED_AT + 1_000 };
    const requests = createMemoryRequestStore({ now: () => clock.now });
    await requests.add(adviserRequest({ email: 'ada@example.dk' }));
    const delivery = worker(requests, clock, undefined, createLogger('trace', sink));
    slackPostMessages(503, 200);
    await delivery.runOnce();
    clock.now += 30_000;
    await delivery.runOnce();
    const log = lines.join('');
    expect(log).toContain('"errors":{"slack":"HTTP 503"}');
    expect(log).toContain('adviser request delivered');
    for (const detail of ['Ada', 'Jensen', '12 34 56 78', 'ada@example.dk', 'Demo Kommune']) expect(log).not.toContain(detail);
  });
});

