import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
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

  it('keeps the rows in key order in the file, not in the order answers first came', async () => {
    const file = join(dir, 'order.db');
    const store = createSqliteSurveyStore(file);
    // Each response brings answers nobody gave before, so its rows are new ones.
    await store.add(sampleResponse({ answers: { influence: 3, coordination: 0 } }));
    await store.add(sampleResponse({ answers: { help_entitled: 1 } }));
    await store.add(sampleResponse({ answers: { expertise: 2, documents: null } }));
    await store.close();
    const questions = ['coordination', 'documents', 'expertise', 'help_entitled', 'influence'];
    expect(questionsInStoredOrder(file, questions)).toEqual(questions);
  });
});

/**
 * The questions of the survey rows in the order their cells lie in the table's one page. SQLite
 * fills a page from its end, so a cell written later lies nearer the start.
 */
function questionsInStoredOrder(file: string, questions: string[]): string[] {
  const db = new Database(file, { readonly: true });
  const { rootpage } = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'survey_answer_counts'`).get() as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const page = readFileSync(file).subarray((rootpage - 1) * pageSize, rootpage * pageSize);
  expect(page[0]).toBe(10); // a leaf of a WITHOUT ROWID table: every row is in this page
  const offsets = Array.from({ length: page.readUInt16BE(3) }, (_, i) => page.readUInt16BE(8 + 2 * i));
  return offsets
    .sort((a, b) => b - a)
    .map((offset) => {
      const cell = page.subarray(offset, offset + 64).toString('latin1');
      return questions.find((q) => cell.includes(q))!;
    });
}
