/**
 * Golden transcripts: every test/transcripts/*.yaml is a conversation written
 * for council staff (what the citizen sends, what the bot must say), run through
 * the conversation service on the real flows/ and content/, with sessions in
 * SQLite so every turn also goes through a JSON round trip. The format is
 * described in test/transcripts/README.md.
 *
 * After all files ran, the coverage is checked from where each conversation really
 * went (./transcript-coverage.ts): every journey from start to end in every locale,
 * and enough dated complaint deadlines, each worked out by hand in its file's header.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONTENT_NAMES } from '../../src/conversation/content-names.js';
import { formatProblem, loadBundle } from '../../src/content/index.js';
import { createConversationService } from '../../src/conversation/conversation-service.js';
import { createEffects } from '../../src/conversation/effects.js';
import type { TurnView } from '../../src/conversation/types.js';
import type { Bundle, ConversationState, Reply } from '../../src/engine/types.js';
import { isAppError } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { createMemoryRequestStore } from '../../src/stores/memory-request-store.js';
import { createSqliteSessionStore } from '../../src/stores/sqlite-session-store.js';
import { ACTIONS } from '../../src/channels/web/schemas.js';
import {
  deadlineKinds,
  journeysRun,
  unexplainedDeadlines,
  type DeadlineKind,
  type DeadlineRecord,
  type StepRecord,
  type TranscriptRecord,
} from './transcript-coverage.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FOLDER = join(ROOT, 'test/transcripts');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');
const strings = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

const expectation = z.strictObject({
  say: strings.optional(),
  not_say: strings.optional(),
  prompt: z.enum(['choice', 'date', 'text', 'scale', 'none']).optional(),
  question: z.string().optional(),
  choices: z.array(z.string()).optional(),
  done: z.boolean().optional(),
  error: z.string().optional(),
  adviser_requests: z.number().int().min(0).optional(),
});

const send = z.union([
  z.strictObject({ choice: z.string() }),
  z.strictObject({ text: z.string() }),
  z.strictObject({ date: isoDate }),
  z.strictObject({ action: z.enum(ACTIONS) }),
  z.strictObject({ locale: z.string() }),
]);

const transcriptSchema = z.strictObject({
  title: z.string(),
  today: isoDate,
  municipality: z.string().optional(),
  locale: z.string().optional(),
  flow: z.string().optional(),
  steps: z.array(z.strictObject({ send: send.optional(), expect: expectation.optional() })).min(1),
});
type Transcript = z.infer<typeof transcriptSchema>;
type Expectation = z.infer<typeof expectation>;

/** Markdown emphasis is ignored on both sides: "**30. marts**" and "30. marts" both match. */
function plain(text: string): string {
  return text.replace(/\*\*/g, '');
}

/** All the words of the replies, as the citizen sees them. */
function spoken(replies: Reply[]): string {
  return replies
    .map((r) => {
      if (r.type === 'text') return r.text;
      if (r.type === 'checklist') return [r.title, ...r.items.map((i) => i.text)].join('\n');
      if (r.type === 'document') return `${r.title}\n${r.text}`;
      return `${r.label} ${r.href}`;
    })
    .join('\n')
    .replace(/\*\*/g, '')
    // What a reader sees: right-to-left texts set their filled-in values apart with invisible isolates.
    .replace(/[\u2066-\u2069]/g, '');
}

function check(view: TurnView, want: Expectation, where: string, requestCount: number): void {
  const words = spoken(view.replies);
  for (const s of want.say ?? []) expect(words, `${where}: the bot should say "${s}"`).toContain(plain(s));
  for (const s of want.not_say ?? []) expect(words, `${where}: the bot should not say "${s}"`).not.toContain(plain(s));
  if (want.prompt) expect(view.prompt.kind, `${where}: the kind of question`).toBe(want.prompt);
  if (want.question) {
    const question = 'question' in view.prompt ? plain(view.prompt.question ?? '') : '';
    expect(question, `${where}: the question`).toContain(plain(want.question));
  }
  if (want.choices) {
    const ids = 'choices' in view.prompt ? view.prompt.choices.map((c) => c.id) : [];
    expect(ids, `${where}: the choices offered`).toEqual(want.choices);
  }
  if (want.done !== undefined) expect(view.done, `${where}: whether the conversation has ended`).toBe(want.done);
  if (want.adviser_requests !== undefined) {
    expect(requestCount, `${where}: adviser requests stored`).toBe(want.adviser_requests);
  }
}

const files = readdirSync(FOLDER).filter((f) => f.endsWith('.yaml')).sort();
let bundle: Bundle;

/** Each journey from start to end, in each locale (the issue's list); `ar` covers the complaint journey. */
const WANTED_JOURNEYS = [
  ...['da', 'en', 'da-LET'].flatMap((locale) => ['rights', 'complaint', 'adviser', 'meeting'].map((journey) => `${journey} ${locale}`)),
  'complaint ar',
];
const JOURNEYS = ['rights', 'complaint', 'adviser', 'meeting'];
const MIN_DATED_DEADLINES = 12;
const DEADLINE_KINDS: DeadlineKind[] = ['weekend', 'easter', 'christmas', 'paper post', 'passed'];
const records = new Map<string, TranscriptRecord>();

function header(text: string): string {
  const lines = text.split('\n');
  const end = lines.findIndex((line) => !line.startsWith('#'));
  return lines.slice(0, end < 0 ? lines.length : end).join('\n');
}

function stepRecord(state: ConversationState): StepRecord {
  return { flow: state.flow, node: state.node, locale: state.locale, done: state.done };
}

/** The deadline the engine computed in this state, if a new one. */
function deadlineRecord(state: ConversationState): DeadlineRecord | undefined {
  const deadline = state.slots.deadline as { date?: string; received?: string; passed?: boolean } | undefined;
  if (!deadline?.date || !deadline.received) return undefined;
  return {
    delivery: String(state.slots.delivery),
    decisionDate: String(state.slots.decision_date),
    received: deadline.received,
    date: deadline.date,
    passed: deadline.passed === true,
  };
}

beforeAll(async () => {
  const loaded = await loadBundle(ROOT, CONTENT_NAMES);
  if (!loaded.bundle) throw new Error(`The content has errors:\n${loaded.problems.map(formatProblem).join('\n')}`);
  bundle = loaded.bundle;
});

describe('golden transcripts', () => {
  const sessions = createSqliteSessionStore(':memory:');
  afterAll(() => sessions.close());

  it('has transcripts to run', () => expect(files.length).toBeGreaterThan(0));

  it.each(files)('%s', async (file) => {
    const text = readFileSync(join(FOLDER, file), 'utf8');
    const transcript: Transcript = transcriptSchema.parse(parse(text));
    const now = new Date(`${transcript.today}T10:00:00Z`);
    const requests = createMemoryRequestStore({ now: () => now.getTime() });
    const service = createConversationService({
      content: { current: () => bundle },
      sessions,
      requests,
      clock: () => now,
      sessionTtlMs: 3_600_000,
      effects: createEffects({ requests, requestTtlMs: 3_600_000 }),
      logger: silentLogger(),
    });
    const { municipality, locale, flow } = transcript;
    const started = await service.start({ municipality, locale, flow });
    const id = started.id;
    let view: TurnView = started;
    const record: TranscriptRecord = { file, header: header(text), steps: [], deadlines: [] };
    const note = async () => {
      const { state } = (await sessions.load(id))!;
      record.steps.push(stepRecord(state));
      const deadline = deadlineRecord(state);
      if (deadline && !record.deadlines.some((d) => d.date === deadline.date && d.received === deadline.received)) record.deadlines.push(deadline);
    };
    await note();
    for (const [index, step] of transcript.steps.entries()) {
      const where = `${file} step ${index + 1}${step.send ? ` (${JSON.stringify(step.send)})` : ''}`;
      if (step.send) {
        try {
          view = await service.turn(id, step.send);
        } catch (error) {
          if (!isAppError(error) || !step.expect?.error) throw error;
          expect(error.code, `${where}: the error`).toBe(step.expect.error);
          continue;
        }
        expect(step.expect?.error, `${where}: expected the error ${step.expect?.error}`).toBeUndefined();
        await note();
      }
      if (step.expect) check(view, step.expect, where, (await requests.list()).length);
    }
    // Resuming after a reload shows the same question the citizen last saw.
    expect((await service.get(id)).prompt, `${file}: the prompt after a reload`).toEqual(view.prompt);
    records.set(file, record);
  });
});

describe('what the golden transcripts cover', () => {
  const ranAll = () => expect(records.size, 'run the whole file: coverage needs every transcript').toBe(files.length);

  it('runs every journey from start to "what next" in every locale', () => {
    ranAll();
    const run = new Set([...records.values()].flatMap((r) => journeysRun(r, JOURNEYS)));
    expect(WANTED_JOURNEYS.filter((wanted) => !run.has(wanted))).toEqual([]);
  });

  it(`computes at least ${MIN_DATED_DEADLINES} dated complaint deadlines, covering ${DEADLINE_KINDS.join(', ')}`, () => {
    ranAll();
    const deadlines = [...records.values()].flatMap((r) => r.deadlines);
    const kinds = new Set(deadlines.flatMap(deadlineKinds));
    console.log(`${deadlines.length} dated complaint deadlines in the golden transcripts; kinds: ${[...kinds].sort().join(', ')}`);
    expect(deadlines.length).toBeGreaterThanOrEqual(MIN_DATED_DEADLINES);
    expect(DEADLINE_KINDS.filter((kind) => !kinds.has(kind))).toEqual([]);
  });

  it('works out every computed last day by hand in the transcript\'s header comment', () => {
    ranAll();
    expect([...records.values()].flatMap(unexplainedDeadlines)).toEqual([]);
  });
});
