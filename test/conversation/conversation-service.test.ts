import { describe, expect, it } from 'vitest';
import { createConversationService } from '../../src/conversation/conversation-service.js';
import { createEffects } from '../../src/conversation/effects.js';
import type { ConversationState, Reply } from '../../src/engine/types.js';
import { silentLogger } from '../../src/logger.js';
import { createMemoryRequestStore } from '../../src/stores/memory-request-store.js';
import { createMemorySessionStore } from '../../src/stores/memory-session-store.js';
import type { SessionStore } from '../../src/stores/session-store.js';
import { fixtureBundle, fixtureContent } from './fixture-bundle.js';

const HOUR = 3_600_000;
const text = (replies: Reply[]) => replies.map((r) => ('text' in r ? r.text : 'title' in r ? r.title : r.label)).join('\n');

function setup(overrides: { sessions?: SessionStore; now?: { ms: number } } = {}) {
  const clockState = overrides.now ?? { ms: Date.parse('2026-03-10T10:00:00Z') };
  const sessions = overrides.sessions ?? createMemorySessionStore({ now: () => clockState.ms });
  const requests = createMemoryRequestStore({ now: () => clockState.ms });
  const content = fixtureContent();
  const service = createConversationService({
    content,
    sessions,
    requests,
    clock: () => new Date(clockState.ms),
    sessionTtlMs: HOUR,
    effects: createEffects({ requests, requestTtlMs: 30 * 24 * HOUR }),
    logger: silentLogger(),
  });
  return { service, sessions, requests, content, clock: clockState };
}

describe('conversation service', () => {
  it('starts with the opening replies, the first prompt and the languages', async () => {
    const { service } = setup();
    const started = await service.start({});
    expect(started.id).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(text(started.replies)).toContain('Velkommen');
    expect(started.prompt).toMatchObject({ kind: 'choice', choices: [{ id: 'date' }, { id: 'letter' }, { id: 'end' }] });
    expect(started).toMatchObject({ done: false, locale: 'da', dir: 'ltr' });
    expect(started.locales).toEqual([
      { code: 'da', name: 'Dansk', dir: 'ltr' },
      { code: 'en', name: 'English', dir: 'ltr' },
    ]);
  });

  it('gives every conversation its own long id', async () => {
    const { service } = setup();
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) ids.add((await service.start({})).id);
    expect(ids.size).toBe(200);
    for (const id of ids) expect(Buffer.from(id, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('starts in a named flow, and refuses an unknown or system flow', async () => {
    const { service } = setup();
    expect((await service.start({ flow: 'letter' })).prompt).toMatchObject({ kind: 'text' });
    await expect(service.start({ flow: 'nope' })).rejects.toMatchObject({ code: 'unknown_flow' });
    await expect(service.start({ flow: 'system' })).rejects.toMatchObject({ code: 'unknown_flow' });
  });

  it('answers a choice, a date and free text', async () => {
    const { service } = setup();
    const { id } = await service.start({});
    expect((await service.turn(id, { choice: 'date' })).prompt.kind).toBe('date');
    const dated = await service.turn(id, { date: '2026-03-02' });
    expect(text(dated.replies)).toContain('2. marts 2026');
    const byText = await service.turn(id, { text: 'skriv et brev' });
    expect(byText.prompt).toMatchObject({ kind: 'text' });
  });

  it('refuses a structured choice that is not offered, and the prompt stays valid', async () => {
    const { service } = setup();
    const { id } = await service.start({});
    await expect(service.turn(id, { choice: 'yes' })).rejects.toMatchObject({
      code: 'choice_not_offered',
      message: expect.stringContaining('date, letter, end'),
    });
    expect((await service.turn(id, { choice: 'letter' })).prompt.kind).toBe('text');
    await expect(service.turn(id, { choice: 'letter' })).rejects.toMatchObject({ code: 'choice_not_offered' });
  });

  it('re-asks kindly for free text it does not understand', async () => {
    const { service } = setup();
    const { id } = await service.start({});
    const reply = await service.turn(id, { text: 'blå bananer' });
    expect(text(reply.replies)).toContain('forstod jeg ikke');
    expect(reply.prompt).toMatchObject({ kind: 'choice' });
  });

  it('switches language and repeats the question in it; refuses an unknown language', async () => {
    const { service } = setup();
    const { id } = await service.start({});
    await service.turn(id, { choice: 'date' });
    const switched = await service.turn(id, { locale: 'en' });
    expect(switched.locale).toBe('en');
    expect(switched.prompt).toMatchObject({ kind: 'date', question: 'When did you get the decision?' });
    await expect(service.turn(id, { locale: 'xx' })).rejects.toMatchObject({ code: 'invalid_body' });
  });

  it('answers an unknown, malformed, expired or erased id with unknown_conversation', async () => {
    const { service, clock } = setup();
    await expect(service.turn('A'.repeat(22), { text: 'hej' })).rejects.toMatchObject({ code: 'unknown_conversation' });
    await expect(service.get('../../etc/passwd')).rejects.toMatchObject({ code: 'unknown_conversation' });
    const { id } = await service.start({});
    clock.ms += HOUR + 1;
    await expect(service.turn(id, { choice: 'date' })).rejects.toMatchObject({ code: 'unknown_conversation' });
    const second = await service.start({});
    await service.erase(second.id);
    await expect(service.get(second.id)).rejects.toMatchObject({ code: 'unknown_conversation' });
    await expect(service.erase(second.id)).rejects.toMatchObject({ code: 'unknown_conversation' });
  });

  it('keeps an active conversation alive: the ttl counts from the last turn', async () => {
    const { service, clock } = setup();
    const { id } = await service.start({});
    clock.ms += HOUR - 1000;
    await service.turn(id, { choice: 'date' });
    clock.ms += HOUR - 1000;
    expect((await service.get(id)).prompt.kind).toBe('date');
  });

  it('shows the transcript so far and the current prompt (resume after reload)', async () => {
    const { service } = setup();
    const { id } = await service.start({});
    await service.turn(id, { choice: 'letter' });
    const view = await service.get(id);
    expect(view).toMatchObject({ id, locale: 'da', municipality: 'demo', done: false, prompt: { kind: 'text' } });
    expect(view.transcript.map((e) => e.role)).toEqual(['bot', 'citizen', 'bot']);
    expect(view.transcript[1]).toEqual({ role: 'citizen', text: 'Skriv et brev' });
  });

  describe('resumes conversations saved by the previous release', () => {
    const at = Date.parse('2026-03-10T10:00:00Z');
    const olderEntry = { input: { type: 'choice', id: 'letter' }, at };

    /** A conversation that chose "letter", its stored state then rewritten by `rewrite`; back goes to the start. */
    async function resumeAfter(rewrite: (state: ConversationState) => object) {
      const { service, sessions } = setup();
      const { id } = await service.start({});
      await service.turn(id, { choice: 'letter' });
      const record = (await sessions.load(id))!;
      await sessions.save(id, rewrite(record.state) as ConversationState, record.version, HOUR);
      expect((await service.get(id)).transcript[1]).toEqual({ role: 'citizen', text: 'Skriv et brev' });
      await service.turn(id, { action: 'back' });
      return (await sessions.load(id))!.state;
    }

    it('a state version 1, with every log entry { input, at }', async () => {
      const state = await resumeAfter((state) => ({ ...state, v: 1, log: [{ input: { type: 'start' }, at }, olderEntry] }));
      expect(state).toMatchObject({ v: 2, node: 'welcome', log: [[at, 'start']] });
    });

    it('a version 2 state to which an older instance sharing the store appended a turn (v stays 2)', async () => {
      const state = await resumeAfter((state) => ({ ...state, log: [state.log[0], olderEntry] }));
      expect(state).toMatchObject({ node: 'welcome', log: [[at, 'start']] });
    });
  });

  it('stores an adviser request only with consent, and erases it with the conversation', async () => {
    const { service, requests } = setup();
    const declined = await service.start({ flow: 'letter' });
    await service.turn(declined.id, { text: 'Ada' });
    await service.turn(declined.id, { choice: 'no' });
    expect(await requests.list()).toEqual([]);

    const agreed = await service.start({ flow: 'letter' });
    await service.turn(agreed.id, { text: 'Ada Jensen' });
    const saved = await service.turn(agreed.id, { choice: 'yes' });
    expect(text(saved.replies)).toContain('rådgiver kontakter dig');
    expect(await requests.list()).toEqual([
      expect.objectContaining({ conversationId: agreed.id, municipality: 'demo', topic: 'complaint', name: 'Ada Jensen', consent: true, status: 'pending', attempts: 0 }),
    ]);
    const [request] = await requests.list();
    expect(request!.expiresAt - request!.createdAt).toBe(30 * 24 * HOUR);
    await service.erase(agreed.id);
    expect(await requests.list()).toEqual([]);
  });

  it('renders the latest document as text and as an escaped printable page', async () => {
    const { service } = setup();
    const { id } = await service.start({ flow: 'letter' });
    await service.turn(id, { text: '<script>alert("x")</script> & Co' });
    const txt = await service.document(id, 'complaint_letter', 'txt');
    expect(txt).toMatchObject({ contentType: 'text/plain; charset=utf-8', filename: 'complaint_letter.txt' });
    expect(txt.body).toContain('Jeg, <script>alert("x")</script> & Co, klager');
    const html = await service.document(id, 'complaint_letter', 'html');
    expect(html.body).toMatch(/^<!doctype html>/);
    expect(html.body).not.toContain('<script>');
    expect(html.body).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; Co');
    expect(html.body).toContain('Demo Kommune');
    await expect(service.document(id, 'other', 'txt')).rejects.toMatchObject({ code: 'unknown_document' });
  });

  it('redoes a turn once when another turn saved first, then answers conflict', async () => {
    const inner = createMemorySessionStore();
    let failures = 0;
    const racing: SessionStore = { ...inner, save: async (...args) => (failures-- > 0 ? undefined : inner.save(...args)) };
    const { service } = setup({ sessions: racing });
    const { id } = await service.start({});
    failures = 1;
    expect((await service.turn(id, { choice: 'date' })).prompt.kind).toBe('date');
    failures = 2;
    await expect(service.turn(id, { date: '2026-03-01' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await service.get(id)).prompt.kind).toBe('date');
  });

  it('keeps a conversation going when the content is reloaded', async () => {
    const { service, content } = setup();
    const { id } = await service.start({});
    content.swap(fixtureBundle('fixture-2'));
    expect((await service.turn(id, { choice: 'date' })).prompt.kind).toBe('date');
  });
});
