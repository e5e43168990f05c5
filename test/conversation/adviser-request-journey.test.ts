/**
 * A request for an independent adviser, end to end on the real content: consent is
 * asked before any personal data; the storeAdviserRequest effect keeps the request in
 * the RequestStore (SQLite) with the configured expiry (30 days by default); the
 * delivery worker hands it to the advisers' channel (a recording target stands in for
 * Slack/Teams, with the content told that delivery is set up, as the server does);
 * and it is gone when it expires or when the citizen erases the conversation.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, loadBundle } from '../../src/content/index.js';
import { CONTENT_NAMES } from '../../src/conversation/content-names.js';
import { createConversationService, type ConversationService } from '../../src/conversation/conversation-service.js';
import { createEffects } from '../../src/conversation/effects.js';
import type { TurnBody, TurnView } from '../../src/conversation/types.js';
import type { AdviserNotice } from '../../src/delivery/adviser-notice.js';
import { withDeploymentFacts } from '../../src/delivery/deployment-facts.js';
import { createDeliveryWorker } from '../../src/delivery/delivery-worker.js';
import type { Bundle } from '../../src/engine/types.js';
import { silentLogger } from '../../src/logger.js';
import { createMemorySessionStore } from '../../src/stores/memory-session-store.js';
import type { RequestStore } from '../../src/stores/request-store.js';
import { createSqliteRequestStore } from '../../src/stores/sqlite-request-store.js';
import { testConfig } from '../channels/web/app-fixture.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DAY_MS = 86_400_000;
const START = new Date('2026-11-23T10:00:00Z');

type Turn = TurnView;

let service: ConversationService;
let requests: RequestStore;
let now = START;
const clock = () => now;
const delivered: AdviserNotice[] = [];
const content = { current: (): Bundle => bundle };
let bundle: Bundle;

beforeAll(async () => {
  const loaded = await loadBundle(ROOT, CONTENT_NAMES);
  if (!loaded.bundle) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  bundle = loaded.bundle;
  requests = createSqliteRequestStore(':memory:', { now: () => now.getTime() });
  const { requestTtlMs, sessionTtlMs } = testConfig();
  service = createConversationService({
    content: withDeploymentFacts(content, { adviserDelivery: ['advisers'], requestTtlMs: 30 * 86_400_000 }),
    sessions: createMemorySessionStore({ now: () => now.getTime() }),
    requests,
    clock,
    sessionTtlMs,
    effects: createEffects({ requests, requestTtlMs }),
    logger: silentLogger(),
  });
});
afterAll(() => requests.close());

function start(): Promise<{ id: string } & Turn> {
  return service.start({ flow: 'adviser', municipality: 'demo' });
}

function turn(id: string, body: TurnBody): Promise<Turn> {
  return service.turn(id, body);
}

function said(t: Turn): string {
  return t.replies.map((r) => (r.type === 'text' ? r.text : '')).join('\n');
}

/** From the adviser menu to the confirmation, with consent. */
async function requestWithConsent(id: string, on = service): Promise<Turn> {
  for (const body of [{ choice: 'request' }, { choice: 'yes' }, { text: 'Ada Jensen' }, { choice: 'phone' }, { text: '12 34 56 78' }]) {
    await on.turn(id, body);
  }
  return on.turn(id, { choice: 'decision' });
}

describe('a request for an adviser', () => {
  it('asks for consent before any personal data, and asks for none after a no', async () => {
    const { id } = await start();
    const consent = await turn(id, { choice: 'request' });
    expect(consent.prompt).toMatchObject({ kind: 'choice', question: expect.stringContaining('Må vi gemme dit navn') });
    expect('choices' in consent.prompt && consent.prompt.choices.map((c) => c.id)).toEqual(['yes', 'no']);
    const declined = await turn(id, { choice: 'no' });
    expect(said(declined)).toContain('Vi sender ikke noget videre');
    expect(declined.prompt.kind).toBe('choice');
    expect(await requests.list()).toEqual([]);
  });

  it('is stored on "send" with the given contact details and the default 30-day expiry, then delivered to the advisers', async () => {
    const { id } = await start();
    const confirm = await requestWithConsent(id);
    expect(said(confirm)).toContain('Navn: Ada Jensen');
    expect(await requests.list()).toEqual([]);

    const sent = await turn(id, { choice: 'send' });
    expect(said(sent)).toContain('Din besked bliver nu sendt til en rådgiver');
    const [stored, ...others] = await requests.list();
    expect(others).toEqual([]);
    expect(stored).toMatchObject({ municipality: 'demo', topic: 'decision', name: 'Ada Jensen', phone: '12 34 56 78', consent: true, status: 'pending' });
    expect(stored!.email).toBeUndefined();
    expect(stored!.expiresAt - stored!.createdAt).toBe(30 * DAY_MS);

    const target = { name: 'advisers', deliver: async (notice: AdviserNotice) => void delivered.push(notice) };
    const worker = createDeliveryWorker({ requests, targets: [target], content, logger: silentLogger(), clock });
    expect(await worker.runOnce()).toBe(1);
    expect(delivered).toEqual([
      expect.objectContaining({ requestId: stored!.id, municipality: 'Medspiller Kommune (demo)', topic: 'En afgørelse eller en klage', name: 'Ada Jensen', phone: '12 34 56 78' }),
    ]);
    expect(await requests.get(stored!.id)).toMatchObject({ status: 'delivered', deliveredTo: ['advisers'] });

    // 30 days later the request and its contact details are gone.
    now = new Date(stored!.expiresAt - 1);
    expect(await requests.get(stored!.id)).toBeDefined();
    now = new Date(stored!.expiresAt + 1);
    expect(await requests.get(stored!.id)).toBeUndefined();
    expect(await requests.list()).toEqual([]);
    expect(await requests.purgeExpired(now.getTime())).toBe(1);
    now = START;
  });

  it('tells the citizen at once, with the number to call, when the request could not be stored after all', async () => {
    const broken: RequestStore = Object.assign(Object.create(requests) as RequestStore, {
      add: async () => {
        throw new Error('SQLITE_FULL');
      },
    });
    const { requestTtlMs, sessionTtlMs } = testConfig();
    const failing = createConversationService({
      content: withDeploymentFacts(content, { adviserDelivery: ['advisers'], requestTtlMs }),
      sessions: createMemorySessionStore({ now: () => now.getTime() }),
      requests: broken,
      clock,
      sessionTtlMs,
      effects: createEffects({ requests: broken, requestTtlMs }),
      logger: silentLogger(),
    });
    const { id } = await failing.start({ flow: 'adviser', municipality: 'demo' });
    await requestWithConsent(id, failing);
    const sent = await failing.turn(id, { choice: 'send' });

    expect(sent.replies.at(-1)).toMatchObject({ type: 'text', key: 'system.request_not_stored' });
    const notice = said(sent).split('\n').at(-1)!;
    expect(notice).toContain('Din besked blev alligevel ikke gemt');
    expect(notice).toContain('Ring til Medspiller Kommune (demo)');
    expect(notice).not.toContain('{');
    expect(sent.prompt.kind).toBe('choice');
    expect(await requests.list()).toEqual([]);

    // A reloaded page shows the notice where it was said, also after later turns.
    const noticeKeys = async () => {
      const { transcript } = await failing.get(id);
      return transcript.flatMap((entry, index) => (entry.role === 'bot' ? entry.replies.filter((r) => r.key === 'system.request_not_stored').map(() => index) : []));
    };
    const sendAnswer = (await failing.get(id)).transcript.length - 1;
    expect(await noticeKeys()).toEqual([sendAnswer]);
    await failing.turn(id, { action: 'help' });
    expect(await noticeKeys()).toEqual([sendAnswer]);
    // Starting again leaves that turn behind, and its notice with it.
    await failing.turn(id, { action: 'restart' });
    expect((await failing.get(id)).transcript.length).toBeLessThan(sendAnswer);
    expect(await noticeKeys()).toEqual([]);
  });

  it('is erased with the conversation it came from', async () => {
    const { id } = await start();
    await requestWithConsent(id);
    await turn(id, { choice: 'send' });
    expect(await requests.list({ status: 'pending' })).toHaveLength(1);
    await service.erase(id);
    expect(await requests.list()).toEqual([]);
  });
});
