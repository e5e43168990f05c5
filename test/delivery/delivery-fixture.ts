/** A stored adviser request, the fixture bundle with a topic question, and Slack's and Teams' endpoints for advisers. */
import nock from 'nock';
import { webApi } from '@slack/bolt';
import type { Bundle } from '../../src/engine/types.js';
import type { AdviserRequest } from '../../src/stores/request-store.js';
import { fixtureBundle } from '../conversation/fixture-bundle.js';

export const BOT_TOKEN = 'xoxb-1111-2222-testtoken';
export const ADVISERS = 'C0ADVISERS';
export const CREATED_AT = Date.parse('2026-11-23T10:58:00Z');

export function adviserRequest(overrides: Partial<AdviserRequest> = {}): AdviserRequest {
  return {
    id: 'r4Nd0mReQuEsT1d000000a',
    conversationId: 'c0NvErSaTi0n1d00000000',
    municipality: 'demo',
    topic: 'decision',
    name: 'Ada <!channel> Jensen',
    phone: '+45 12 34 56 78',
    consent: true,
    createdAt: CREATED_AT,
    expiresAt: CREATED_AT + 30 * 86_400_000,
    status: 'pending',
    attempts: 0,
    ...overrides,
  };
}

/** The fixture bundle plus the adviser flow's topic question (choice ids → labels). */
export function bundleWithTopics(): Bundle {
  const bundle = fixtureBundle();
  const demo = bundle.municipalities.demo!;
  demo.flows.adviser = {
    id: 'adviser',
    title: 'adviser.title',
    entry: 'topic',
    nodes: {
      topic: {
        question: 'adviser.ask_topic',
        slot: 'topic',
        ask: { choice: [{ id: 'decision', label: 'adviser.topic_decision' }, { id: 'other', label: 'adviser.topic_other' }] },
      },
    },
  };
  Object.assign(demo.texts.da!, {
    'adviser.topic_decision': { text: 'En afgørelse, jeg har fået' },
    'adviser.topic_other': { text: 'Noget andet' },
  });
  return bundle;
}

export function slackClient(): webApi.WebClient {
  return new webApi.WebClient(BOT_TOKEN, { retryConfig: { retries: 0 } });
}

/** chat.postMessage to the advisers' channel: `status` per call in order; records each body's fields. */
export function slackPostMessages(...statuses: number[]) {
  const bodies: Array<Record<string, unknown>> = [];
  const scope = nock('https://slack.com').matchHeader('authorization', `Bearer ${BOT_TOKEN}`);
  for (const status of statuses) {
    scope
      .post('/api/chat.postMessage', (body) => {
        // nock hands a form body over already parsed.
        const fields = { ...(body as Record<string, string>) };
        bodies.push({ ...fields, blocks: JSON.parse(fields.blocks ?? 'null') });
        return true;
      })
      .reply(status, status === 200 ? { ok: true, channel: ADVISERS, ts: '1764152600.000100' } : 'Service Unavailable');
  }
  return { scope, bodies };
}
