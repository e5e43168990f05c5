/**
 * The adviser routes through buildApp and app.inject on the real content:
 * pages under a strict CSP with no inline script, the bundled script, scripts
 * and maps in every format, 404 for an unknown flow, and the handover summary
 * of a complaint walked through the public conversation API.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { complaintDeadline, formatDate } from '../../src/engine/index.js';
import { silentLogger } from '../../src/logger.js';
import { buildApp } from '../../src/server.js';
import { createMemoryStores } from '../../src/stores/create-stores.js';
import { realBundle, ROOT } from './real-bundle.js';
import { checkXml } from './xml-check.js';

const NOW = new Date('2026-03-20T10:00:00Z');
let app: FastifyInstance;

beforeAll(async () => {
  const bundle = await realBundle();
  const config = loadConfig({ NODE_ENV: 'test', MEDSPILLER_RATE_LIMIT: '0', MEDSPILLER_WATCH_CONTENT: 'false', MEDSPILLER_CONTENT_DIR: ROOT }, ROOT);
  app = await buildApp(config, { content: { current: () => bundle }, stores: createMemoryStores(), logger: silentLogger(), clock: () => NOW });
});
afterAll(async () => {
  await app?.close();
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('adviser pages', () => {
  it('serves the guided session page under a strict CSP, with its settings as data', async () => {
    const page = await get('/adviser?flow=complaint&municipality=nordby');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    const scripts = [...page.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts).toEqual([' type="application/json" id="adviser-config"', ' src="/adviser/assets/adviser.js" defer']);
    expect(page.body).not.toMatch(/\sstyle=|<style/);
    expect(page.body).toContain('<option value="complaint" selected>');
    expect(page.body).toContain('<option value="nordby" selected>');
    expect(page.body).toMatch(/<label for="flow">[^<]+<\/label><select id="flow"/);
    const config = JSON.parse(/<script type="application\/json" id="adviser-config">([^<]*)<\/script>/.exec(page.body)![1]!);
    expect(config.selected).toEqual({ flow: 'complaint', municipality: 'nordby', locale: 'da' });
  });

  it('serves the page script and stylesheet', async () => {
    const script = await get('/adviser/assets/adviser.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('text/javascript');
    expect(script.body).toContain('/api/v1/conversations');
    const css = await get('/adviser/assets/adviser.css');
    expect(css.body).toContain('min-height: 44px');
    expect(css.body).toContain('@media print');
  });

  it('serves a script as printable HTML or Markdown, and 404 for an unknown flow', async () => {
    const html = await get('/adviser/script/complaint?municipality=nordby');
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.body).not.toContain('<script');
    expect(html.body).toContain('/adviser/script/menu?municipality=nordby&#38;format=html#n-');
    const md = await get('/adviser/script/complaint?format=md&locale=en');
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.body).toMatch(/^# .+: script for advisers/);
    const missing = await get('/adviser/script/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    expect((await get('/adviser/script/complaint?format=pdf')).statusCode).toBe(400);
  });

  it('serves a map as a page with the SVG and the arrows as a list, as SVG and as Mermaid', async () => {
    const page = await get('/adviser/map/complaint');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(page.body).toMatch(/<ul class="edge-list"><li>1\.1 start/);
    const svg = await get('/adviser/map/complaint?format=svg');
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(checkXml(svg.body).problems).toEqual([]);
    const mermaid = await get('/adviser/map/complaint?format=mermaid');
    expect(mermaid.body.startsWith('flowchart TD\n')).toBe(true);
  });
});

describe('handover summary', () => {
  it('summarises a complaint walked through the web API: answers, the deadline, letters', async () => {
    const started = await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: { flow: 'complaint', municipality: 'demo' } });
    const { id } = started.json();
    const turn = (payload: object) => app.inject({ method: 'POST', url: `/api/v1/conversations/${id}/turns`, payload });
    expect((await turn({ choice: 'written' })).statusCode).toBe(200);
    expect((await turn({ choice: 'digital' })).statusCode).toBe(200);
    expect((await turn({ date: '2026-03-10' })).statusCode).toBe(200);
    expect((await turn({ choice: 'letter' })).statusCode).toBe(200);

    const response = await get(`/api/adviser/conversations/${id}/summary?flow=complaint`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const summary = response.json();
    expect(summary).toMatchObject({ conversation: id, flow: 'complaint', flowTitle: 'Klage over en afgørelse', locale: 'da' });
    expect(summary.answers.map((a: { answer: string }) => a.answer)).toHaveLength(4);
    expect(summary.answers[2]).toMatchObject({ step: 3, answer: formatDate('2026-03-10', 'da', 'short') });
    const deadline = formatDate(complaintDeadline('2026-03-10', 'digital', '2026-03-20').date, 'da', 'long');
    expect(summary.deadlines.map((d: { text: string }) => d.text).join('\n')).toContain(deadline);
    expect(summary.deadlines[0].legal.source).toMatch(/Retssikkerhedsloven § 67/);
    const letter = summary.documents.find((d: { id: string }) => d.id === 'complaint_letter');
    expect(letter.title).toBe('Klage over afgørelse');
    expect(letter.downloads[0].href).toBe(`/api/v1/conversations/${id}/documents/complaint_letter?format=txt`);
    expect(summary.discussed.length).toBeGreaterThan(0);
    expect(summary.sources.length).toBeGreaterThan(0);
  });

  it('treats a municipality named like an object property as unknown, everywhere', async () => {
    for (const municipality of ['constructor', 'toString', '__proto__']) {
      for (const url of [`/adviser?municipality=${municipality}`, `/adviser/script/complaint?municipality=${municipality}`, `/adviser/map/complaint?municipality=${municipality}`]) {
        expect((await get(url)).statusCode, url).toBe(200);
      }
      const started = await app.inject({ method: 'POST', url: '/api/v1/conversations', payload: { municipality } });
      expect(started.statusCode).toBe(201);
      expect(started.json().municipality).toBe('demo');
    }
  });

  it('answers 404 for an unknown conversation', async () => {
    const response = await get('/api/adviser/conversations/nope/summary');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('unknown_conversation');
  });
});
