/**
 * Serves the web widget and its demo pages:
 *   GET /widget.js      the bundle (built by scripts/build-widget.mjs), ETag + short max-age,
 *                       loadable from any site (Cross-Origin-Resource-Policy: cross-origin)
 *   GET /               the demo municipal page (public/index.html)
 *   GET /demo/inline    the inline-mode demo (public/demo-inline.html)
 *   GET /<file>         the other files in public/ (stylesheet, icon)
 * The demo pages are sent with a strict CSP (no inline script or style) to show
 * that the widget needs none. Files are re-read when they change on disk, so a
 * rebuilt widget is served without a restart.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../../errors.js';
import type { WebPluginOptions } from './web-plugin.js';

/** Registered by buildApp like every web plugin; `publicDir` may be set when registering it alone. */
export type WidgetRoutesOptions = Partial<WebPluginOptions> & {
  /** Folder with widget.js and the demo pages. Default: the repository's public/. */
  publicDir?: string;
};

export const DEFAULT_PUBLIC_DIR = fileURLToPath(new URL('../../../public/', import.meta.url));

/** What the demo pages allow: everything from this origin, nothing inline. */
export const DEMO_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const PAGES: Record<string, string> = { '/': 'index.html', '/demo/inline': 'demo-inline.html' };
const BUNDLE_FILES = ['widget.js', 'widget.js.map'];

interface CachedFile {
  mtimeMs: number;
  body: Buffer;
  etag: string;
}

/** Reads a file, keeping it in memory until its modification time changes. */
function fileCache() {
  const files = new Map<string, CachedFile>();
  return async (path: string): Promise<CachedFile | undefined> => {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const cached = files.get(path);
    if (cached && cached.mtimeMs === info.mtimeMs) return cached;
    const body = await readFile(path);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    const fresh = { mtimeMs: info.mtimeMs, body, etag };
    files.set(path, fresh);
    return fresh;
  };
}

function otherFiles(dir: string): string[] {
  const reserved = new Set([...Object.values(PAGES), ...BUNDLE_FILES]);
  try {
    return readdirSync(dir).filter((name) => !reserved.has(name) && !name.startsWith('.') && statSync(join(dir, name)).isFile());
  } catch {
    return [];
  }
}

export const widgetRoutes: FastifyPluginAsync<WidgetRoutesOptions> = async (app, options) => {
  const dir = options.publicDir ?? DEFAULT_PUBLIC_DIR;
  const load = fileCache();

  const send = (name: string, headers: Record<string, string>) => async (request: FastifyRequest, reply: FastifyReply) => {
    const file = await load(join(dir, name));
    if (!file) {
      const missingBundle = BUNDLE_FILES.includes(name);
      if (missingBundle) request.log.warn({ file: name }, 'widget bundle missing: run npm run build:widget');
      return reply
        .code(missingBundle ? 503 : 404)
        .send(errorBody(missingBundle ? 'not_ready' : 'not_found'));
    }
    reply.headers({ 'content-type': CONTENT_TYPES[extname(name)] ?? 'application/octet-stream', etag: file.etag, ...headers });
    if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
    return reply.send(file.body);
  };

  const crossOrigin = { 'cross-origin-resource-policy': 'cross-origin', 'access-control-allow-origin': '*' };
  for (const name of BUNDLE_FILES) {
    app.get(`/${name}`, send(name, { 'cache-control': 'public, max-age=300', ...crossOrigin }));
  }
  for (const [url, name] of Object.entries(PAGES)) {
    app.get(url, send(name, { 'cache-control': 'no-cache', 'content-security-policy': DEMO_PAGE_CSP }));
  }
  for (const name of otherFiles(dir)) {
    app.get(`/${name}`, send(name, { 'cache-control': 'public, max-age=3600' }));
  }
};
