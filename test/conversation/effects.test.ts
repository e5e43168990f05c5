import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createEffects, EFFECT_NAMES, runEffects } from '../../src/conversation/effects.js';
import type { Effect, Slots } from '../../src/engine/types.js';
import { createLogger, silentLogger } from '../../src/logger.js';
import { createMemoryRequestStore } from '../../src/stores/memory-request-store.js';
import { createMemorySurveyStore } from '../../src/stores/memory-survey-store.js';
import type { SurveyStore } from '../../src/stores/survey-store.js';

const NOW = new Date('2026-03-10T10:00:00Z');
const effect = (slots: Slots): Effect => ({ name: 'storeAdviserRequest', slots, municipality: 'demo', locale: 'da', flow: 'adviser', node: 'send' });

function setup() {
  const requests = createMemoryRequestStore({ now: () => NOW.getTime() });
  let n = 0;
  const registry = createEffects({ requests, requestTtlMs: 1000, newId: () => `req-${++n}` });
  const run = (slots: Slots) => runEffects(registry, [effect(slots)], { conversationId: 'conv', now: NOW, logger: silentLogger() });
  return { requests, run, registry };
}

describe('effects', () => {
  it('names every effect in the registry (what `medspiller check` accepts in do:)', () => {
    expect(Object.keys(setup().registry).sort()).toEqual([...EFFECT_NAMES].sort());
  });

  it('stores an adviser request with the contact details given, only with consent', async () => {
    const { requests, run } = setup();
    await run({ consent: 'no', contact_name: 'Ada' });
    await run({ contact_name: 'Ada' });
    await run({ consent: null, contact_name: null });
    expect(await requests.list()).toEqual([]);
    await run({ consent: 'yes', topic: 'decision', contact_name: ' Ada ', contact_method: 'email', contact_email: 'ada@example.dk', contact_phone: null });
    expect(await requests.list()).toEqual([
      {
        id: 'req-1',
        conversationId: 'conv',
        municipality: 'demo',
        topic: 'decision',
        name: 'Ada',
        email: 'ada@example.dk',
        consent: true,
        createdAt: NOW.getTime(),
        expiresAt: NOW.getTime() + 1000,
        status: 'pending',
        attempts: 0,
      },
    ]);
  });

  describe('storing an adviser request when the store fails', () => {
    const consented = effect({ consent: 'yes', contact_name: 'Ada', topic: 'decision' });

    /** A memory store whose add() runs `behaviour` for each call (1, 2, …) before or instead of storing. */
    function flakyStore(behaviour: (call: number, store: () => Promise<void>) => Promise<void>) {
      const requests = createMemoryRequestStore({ now: () => NOW.getTime() });
      let calls = 0;
      const add = requests.add.bind(requests);
      const flaky = Object.assign(Object.create(requests) as typeof requests, {
        add: (request: Parameters<typeof add>[0]) => behaviour(++calls, () => add(request)),
      });
      const registry = createEffects({ requests: flaky, requestTtlMs: 1000, newId: () => 'req-1', retryDelaysMs: [1, 1] });
      const run = () => runEffects(registry, [consented], { conversationId: 'conv', now: NOW, logger: silentLogger() });
      return { requests, run, calls: () => calls };
    }

    it('tries again after a passing failure, and stores the request once', async () => {
      const store = flakyStore(async (call, add) => {
        if (call === 1) throw new Error('SQLITE_BUSY');
        await add();
      });
      expect(await store.run()).toEqual([]);
      expect(store.calls()).toBe(2);
      expect((await store.requests.list()).map((r) => r.id)).toEqual(['req-1']);
    });

    it('does not store it twice when the failure came after it was written', async () => {
      const store = flakyStore(async (call, add) => {
        if (call > 1) throw new Error('must not be called again');
        await add();
        throw new Error('timeout waiting for the answer');
      });
      expect(await store.run()).toEqual([]);
      expect(store.calls()).toBe(1);
      expect(await store.requests.list()).toHaveLength(1);
    });

    it('gives up after three tries, and reports the effect as failed', async () => {
      const store = flakyStore(async () => {
        throw new Error('disk full');
      });
      expect((await store.run()).map((e) => e.name)).toEqual(['storeAdviserRequest']);
      expect(store.calls()).toBe(3);
      expect(await store.requests.list()).toEqual([]);
    });
  });

  it('keeps going when an effect fails or is unknown, and says which did', async () => {
    const calls: string[] = [];
    const registry = {
      broken: async () => {
        throw new Error('down');
      },
      fine: async () => {
        calls.push('fine');
      },
    };
    const effects = ['broken', 'missing', 'fine'].map((name) => ({ ...effect({}), name }));
    const failed = await runEffects(registry, effects, { conversationId: 'conv', now: NOW, logger: silentLogger() });
    expect(calls).toEqual(['fine']);
    expect(failed.map((e) => e.name)).toEqual(['broken', 'missing']);
  });

  describe('logging a survey response', () => {
    const CONVERSATION = 'cOnVeRsAtIoNiD00000000';
    const surveyEnded: Effect = {
      name: 'storeSurveyAnswer',
      slots: { survey_role: 'citizen', survey_area: 'health', survey_answers: { influence: '2', coordination: '0' } },
      municipality: 'demo',
      locale: 'da',
      flow: 'survey',
      node: 'finish',
    };
    const adviserAsked = effect({ consent: 'yes', contact_name: 'Ada', topic: 'decision' });

    /** Runs the effects with every line from trace up captured, parsed. */
    async function logged(surveys: SurveyStore, effects: Effect[]) {
      const lines: Array<Record<string, unknown>> = [];
      const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(String(chunk))), done()) });
      const registry = createEffects({ requests: createMemoryRequestStore({ now: () => NOW.getTime() }), requestTtlMs: 1000, surveys });
      const failed = await runEffects(registry, effects, { conversationId: CONVERSATION, now: NOW, logger: createLogger('trace', sink) });
      return { lines, failed };
    }
    const INFO = 30;
    const ERROR = 50;

    it('leaves no line that ties a stored response to its conversation, or marks its moment at info', async () => {
      const surveys = createMemorySurveyStore();
      const skippedAll: Effect = { ...surveyEnded, slots: { survey_role: 'citizen' } };
      const { lines, failed } = await logged(surveys, [surveyEnded, skippedAll]);
      expect(failed).toEqual([]);
      expect(await surveys.counts({ municipality: 'demo', fromWeek: '2026-W01', toWeek: '2026-W52' })).toHaveLength(2);
      expect(JSON.stringify(lines)).not.toContain(CONVERSATION);
      expect(lines.filter((line) => (line.level as number) >= INFO)).toEqual([]);
    });

    it('logs a store failure at error, without the conversation id', async () => {
      const broken: SurveyStore = Object.assign(createMemorySurveyStore(), {
        add: async () => {
          throw new Error('disk full');
        },
      });
      const { lines, failed } = await logged(broken, [surveyEnded]);
      expect(failed.map((e) => e.name)).toEqual(['storeSurveyAnswer']);
      expect(JSON.stringify(lines)).not.toContain(CONVERSATION);
      expect(lines.map((line) => [line.level, line.effect, line.msg])).toEqual([[ERROR, 'storeSurveyAnswer', 'effect failed']]);
    });

    it('still logs an adviser request stored, with its conversation', async () => {
      const { lines } = await logged(createMemorySurveyStore(), [adviserAsked]);
      expect(lines.map((line) => [line.level, line.effect, line.conversation, line.msg])).toEqual([
        [INFO, 'storeAdviserRequest', CONVERSATION, 'effect done'],
      ]);
    });
  });
});
