import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fastify, type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PUBLIC_DIR, DEMO_PAGE_CSP, widgetRoutes } from '../../../src/channels/web/widget-routes.js';

const dir = mkdtempSync(join(tmpdir(), 'medspiller-public-'));
let app: FastifyInstance;

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'widget.js'), 'console.log(1);');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(dir, 'demo-inline.html'), '<!doctype html><title>inline</title>');
  writeFileSync(join(dir, 'demo.css'), 'body{}');
  app = fastify();
  await app.register(widgetRoutes, { publicDir: dir });
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('widget routes', () => {
  it('serves widget.js as JavaScript any site may load, with an ETag and a short max-age', async () => {
    const response = await app.inject({ url: '/widget.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log(1);');
    expect(response.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
      'cross-origin-resource-policy': 'cross-origin',
    });
    expect(response.headers.etag).toMatch(/^"[\w-]{22}"$/);

    const again = await app.inject({ url: '/widget.js', headers: { 'if-none-match': String(response.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('serves a rebuilt widget.js with a new ETag, without a restart', async () => {
    const before = String((await app.inject({ url: '/widget.js' })).headers.etag);
    writeFileSync(join(dir, 'widget.js'), 'console.log(2);');
    utimesSync(join(dir, 'widget.js'), new Date(), new Date(Date.now() + 5000));
    const after = await app.inject({ url: '/widget.js', headers: { 'if-none-match': before } });
    expect(after.statusCode).toBe(200);
    expect(after.body).toBe('console.log(2);');
  });

  it('serves the demo pages with a strict CSP, and the other public files', async () => {
    for (const url of ['/', '/demo/inline']) {
      const page = await app.inject({ url });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['content-security-policy']).toBe(DEMO_PAGE_CSP);
    }
    expect(DEMO_PAGE_CSP).not.toContain('unsafe-inline');
    const css = await app.inject({ url: '/demo.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await app.inject({ url: '/index.html' })).statusCode).toBe(404);
  });

  it('says the widget is not built yet instead of failing obscurely', async () => {
    const empty = fastify();
    await empty.register(widgetRoutes, { publicDir: join(dir, 'missing') });
    const response = await empty.inject({ url: '/widget.js' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: { code: 'not_ready' } });
    await empty.close();
  });

  it('serves the repository’s public/ folder by default', () => {
    for (const page of ['index.html', 'demo-inline.html', 'demo.css']) expect(existsSync(join(DEFAULT_PUBLIC_DIR, page))).toBe(true);
  });
});
