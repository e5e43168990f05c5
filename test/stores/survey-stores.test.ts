import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemorySurveyStore } from '../../src/stores/memory-survey-store.js';
import { createSqliteSurveyStore } from '../../src/stores/sqlite-survey-store.js';
import { describeSurveyStore, sampleResponse } from './survey-store-contract.js';

describeSurveyStore('memory', () => createMemorySurveyStore());
describeSurveyStore('sqlite', () => createSqliteSurveyStore(':memory:'));

describe('SQLite survey store on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medspiller-survey-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the tallies across a reopen', async () => {
    const file = join(dir, 'medspiller.db');
    const first = createSqliteSurveyStore(file);
    await first.add(sampleResponse({ answers: { influence: 2 } }));
    await first.close();
    const second = createSqliteSurveyStore(file);
    await second.add(sampleResponse({ answers: { influence: 2 } }));
    expect(await second.counts({ municipality: 'demo', fromWeek: '2026-W01', toWeek: '2026-W52' })).toEqual([
      { group: 'citizen', area: 'adult_disability', week: '2026-W10', question: 'influence', value: 2, count: 2 },
    ]);
    await second.close();
  });
});
