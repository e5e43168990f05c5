/**
 * The contract every SurveyStore adapter must pass. Run it for a new adapter with
 *   describeSurveyStore('postgres', () => createPostgresSurveyStore(db))
 * The factory is called once per test and the store closed after it; each test
 * uses its own municipality id, so a shared database needs no cleaning between tests.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerCount, SurveyResponse, SurveyStore } from '../../src/stores/survey-store.js';

let counter = 0;
const freshMunicipality = () => `contract-${process.pid}-${Date.now().toString(36)}-${counter++}`;

export function sampleResponse(overrides: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    municipality: 'demo',
    group: 'citizen',
    area: 'adult_disability',
    week: '2026-W10',
    answers: { help_entitled: 2, influence: 1, coordination: null },
    ...overrides,
  };
}

const byKey = (a: AnswerCount, b: AnswerCount) => JSON.stringify(a).localeCompare(JSON.stringify(b));
const sorted = (rows: AnswerCount[]) => [...rows].sort(byKey);

export function describeSurveyStore(name: string, factory: () => SurveyStore | Promise<SurveyStore>): void {
  describe(`SurveyStore contract: ${name}`, () => {
    let store: SurveyStore;
    let municipality: string;
    const all = { fromWeek: '0000-W01', toWeek: '9999-W53' };

    beforeEach(async () => {
      store = await factory();
      municipality = freshMunicipality();
    });
    afterEach(async () => {
      await store.close();
    });

    it('answers to ping and names its kind', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      expect(store.kind).toBe(name);
    });

    it('tallies each answer per group, area, week, question and value', async () => {
      await store.add(sampleResponse({ municipality }));
      await store.add(sampleResponse({ municipality }));
      await store.add(sampleResponse({ municipality, answers: { help_entitled: 3 } }));
      const rows = await store.counts({ municipality, ...all });
      expect(sorted(rows)).toEqual(
        sorted([
          { group: 'citizen', area: 'adult_disability', week: '2026-W10', question: 'help_entitled', value: 2, count: 2 },
          { group: 'citizen', area: 'adult_disability', week: '2026-W10', question: 'help_entitled', value: 3, count: 1 },
          { group: 'citizen', area: 'adult_disability', week: '2026-W10', question: 'influence', value: 1, count: 2 },
          { group: 'citizen', area: 'adult_disability', week: '2026-W10', question: 'coordination', value: null, count: 2 },
        ]),
      );
    });

    it('keeps groups, areas (also none) and weeks apart, and 0 apart from "Ved ikke"', async () => {
      await store.add(sampleResponse({ municipality, group: 'manager', area: null, answers: { documents: 0 } }));
      await store.add(sampleResponse({ municipality, group: 'caseworker', area: 'health', week: '2026-W11', answers: { documents: null } }));
      const rows = await store.counts({ municipality, ...all });
      expect(sorted(rows)).toEqual(
        sorted([
          { group: 'manager', area: null, week: '2026-W10', question: 'documents', value: 0, count: 1 },
          { group: 'caseworker', area: 'health', week: '2026-W11', question: 'documents', value: null, count: 1 },
        ]),
      );
    });

    it('filters by municipality and an inclusive week range, across a year boundary', async () => {
      for (const week of ['2025-W51', '2025-W52', '2026-W01', '2026-W02']) {
        await store.add(sampleResponse({ municipality, week, answers: { influence: 1 } }));
      }
      await store.add(sampleResponse({ municipality: `${municipality}-other`, week: '2026-W01', answers: { influence: 3 } }));
      const rows = await store.counts({ municipality, fromWeek: '2025-W52', toWeek: '2026-W01' });
      expect(rows.map((r) => r.week).sort()).toEqual(['2025-W52', '2026-W01']);
      expect(rows.every((r) => r.value === 1 && r.count === 1)).toBe(true);
      expect(await store.counts({ municipality: `${municipality}-none`, ...all })).toEqual([]);
    });

    it('stores nothing for a response without answers', async () => {
      await store.add(sampleResponse({ municipality, answers: {} }));
      expect(await store.counts({ municipality, ...all })).toEqual([]);
    });

    it.each([
      ['a conversation id', { conversationId: 'abc' }],
      ['a timestamp', { at: 1_700_000_000_000 }],
      ['a bad week', { week: '2026-03-02' }],
      ['week 54', { week: '2026-W54' }],
      ['an unknown group', { group: 'citizen ' }],
      ['an unknown area', { area: 'school' }],
      ['free text as a question key', { answers: { 'Min sagsbehandler hedder Jens': 2 } }],
      ['an answer outside 0–3', { answers: { influence: 4 } }],
      ['a text answer', { answers: { influence: 'I høj grad' } }],
      ['a fraction', { answers: { influence: 1.5 } }],
    ])('refuses a response with %s and stores none of it', async (_what, change) => {
      const response = { ...sampleResponse({ municipality }), ...change } as unknown as SurveyResponse;
      await expect(store.add(response)).rejects.toThrow(/invalid survey response/);
      expect(await store.counts({ municipality, ...all })).toEqual([]);
    });
  });
}
