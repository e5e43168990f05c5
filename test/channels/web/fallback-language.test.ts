/**
 * A text the conversation's language lacks is shown from its fallback language (the adviser flow has
 * no Arabic texts, so an Arabic conversation shows them in English). Such replies and questions say
 * which language they are in, so the widget can mark them for screen readers.
 */
import { describe, expect, it } from 'vitest';
import { startResponseSchema, turnResponseSchema } from '../../../src/channels/web/schemas.js';
import { startConversation, step } from '../../../src/engine/index.js';
import { realBundle } from '../../adviser/real-bundle.js';
import { buildTestApp } from './app-fixture.js';

const clock = { now: new Date('2026-11-20T10:00:00Z') };

describe('replies from a fallback language', () => {
  it('the engine marks English texts in an Arabic conversation, and nothing in Arabic, Danish or easy-read Danish', async () => {
    const bundle = await realBundle();
    const choose = (locale: string, id: string) => {
      const { state } = startConversation(bundle, { municipality: 'demo', locale }, clock);
      return step(bundle, state, { type: 'choice', id }, clock);
    };
    const adviser = choose('ar', 'adviser');
    expect(adviser.replies.length).toBeGreaterThan(0);
    for (const reply of adviser.replies) expect(reply).toMatchObject({ lang: 'en', dir: 'ltr' });
    expect(adviser.prompt).toMatchObject({ lang: 'en', dir: 'ltr' });

    const complaint = choose('ar', 'complaint');
    for (const reply of complaint.replies) expect(reply.lang).toBeUndefined();
    expect(complaint.prompt).not.toHaveProperty('lang');
    for (const locale of ['da', 'da-LET', 'en']) {
      const result = choose(locale, 'adviser');
      for (const reply of result.replies) expect(reply.lang, locale).toBeUndefined();
      expect(result.prompt, locale).not.toHaveProperty('lang');
    }
  });

  it('the web API passes lang and dir on', async () => {
    const bundle = await realBundle();
    const { app } = await buildTestApp({ content: { current: () => bundle } });
    try {
      const started = await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: { municipality: 'demo', locale: 'ar' } });
      const { id } = startResponseSchema.parse(started.json());
      const turn = await app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload: { choice: 'adviser' } });
      expect(turn.statusCode).toBe(200);
      const body = turnResponseSchema.parse(turn.json());
      expect(body.dir).toBe('rtl');
      expect(body.replies[0]).toMatchObject({ lang: 'en', dir: 'ltr' });
      expect(body.prompt).toMatchObject({ lang: 'en', dir: 'ltr' });
    } finally {
      await app.close();
    }
  });
});
