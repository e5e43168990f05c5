/**
 * The adviser tools (DESIGN.md §5 "Adviser script"):
 *   GET /adviser                       the guided session page
 *   GET /adviser/assets/adviser.js     its script (bundled on first request)
 *   GET /adviser/assets/adviser.css    its stylesheet (also the map page's)
 *   GET /adviser/script/:flow          a flow as a printable script (?format=md|html, locale, municipality)
 *   GET /adviser/map/:flow             a flow map page with an SVG (?format=html|svg|mermaid)
 *   GET /api/adviser/conversations/:id/summary   the handover summary (?flow=)
 * Scripts and maps hold no citizen data and may be cached briefly; a summary
 * holds what a citizen said and is never cached. The summary lives under /api/
 * so the API's rate limit covers it, but outside /api/v1: it is for this page
 * (same origin, no CORS), not part of the public API contract. The adviser's notes never
 * reach the server.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { buildFlowMap } from '../../adviser/map-model.js';
import { adviserScript } from '../../adviser/client-bundle.js';
import { GUIDED_CSS } from '../../adviser/guided-css.js';
import { guidedConfig, guidedPage, mapPage } from '../../adviser/guided-page.js';
import { flowMapToMermaid } from '../../adviser/mermaid.js';
import { buildScript, scriptPlace, type ScriptOptions } from '../../adviser/script-model.js';
import { scriptToHtml } from '../../adviser/script-html.js';
import { scriptToMarkdown } from '../../adviser/script-markdown.js';
import { buildSummary } from '../../adviser/summary.js';
import { flowMapToSvg } from '../../adviser/svg-map.js';
import { startableFlows } from '../../conversation/conversation-service.js';
import type { Bundle } from '../../engine/types.js';
import { AppError } from '../../errors.js';
import { parseBody } from './validate.js';
import type { WebPlugin } from './web-plugin.js';

/** Pages: everything from this origin, nothing inline, never framed. */
const ADVISER_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A printed script is a standalone file: its one stylesheet is inline, and it runs no script. */
const SCRIPT_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const PUBLIC_CACHE = 'public, max-age=300';

const name = z.string().min(1).max(64);
const placeQuery = { locale: name.optional(), municipality: name.optional() };
const lang = z.enum(['da', 'en']).optional();
const scriptQuery = z.strictObject({ ...placeQuery, format: z.enum(['md', 'html']).default('html') });
const mapQuery = z.strictObject({ ...placeQuery, lang, format: z.enum(['html', 'svg', 'mermaid']).default('html') });
const guidedQuery = z.strictObject({ ...placeQuery, lang, flow: name.optional() });
const summaryQuery = z.strictObject({ flow: name.optional() });

interface FlowParams {
  flow: string;
}

function unknownFlow(bundle: Bundle, options: ScriptOptions): AppError {
  const known = Object.keys(scriptPlace(bundle, options).place.flows).join(', ');
  return new AppError('not_found', `There is no conversation flow named "${options.flow}". Known flows: ${known}.`);
}

/** nosniff and no-referrer come with every response (security-plugin.ts); a page only sets its own policy. */
function page(reply: FastifyReply, csp: string): FastifyReply {
  return reply.header('content-security-policy', csp);
}

function placeLinks(flow: string, query: { locale?: string; municipality?: string }) {
  const params = new URLSearchParams();
  if (query.municipality) params.set('municipality', query.municipality);
  if (query.locale) params.set('locale', query.locale);
  const at = (format: string) => {
    const withFormat = new URLSearchParams(params);
    withFormat.set('format', format);
    return withFormat.toString();
  };
  return { script: `/adviser/script/${encodeURIComponent(flow)}?${at('html')}`, mermaid: `/adviser/map/${encodeURIComponent(flow)}?${at('mermaid')}` };
}

export const adviserRoutes: WebPlugin = async (app, { content, conversations }) => {
  app.get('/adviser', async (request, reply) => {
    const query = parseBody(guidedQuery, request.query);
    const bundle = content.current();
    const config = guidedConfig(bundle, query, startableFlows(bundle, query.municipality));
    return page(reply, ADVISER_PAGE_CSP).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(guidedPage(config));
  });

  app.get('/adviser/assets/adviser.js', async (_request, reply) => {
    return reply.header('cache-control', 'no-cache').type('text/javascript; charset=utf-8').send(await adviserScript());
  });

  app.get('/adviser/assets/adviser.css', async (_request, reply) => {
    return reply.header('cache-control', 'no-cache').type('text/css; charset=utf-8').send(GUIDED_CSS);
  });

  app.get<{ Params: FlowParams }>('/adviser/script/:flow', async (request, reply) => {
    const { format, ...place } = parseBody(scriptQuery, request.query);
    const bundle = content.current();
    const options = { flow: request.params.flow, ...place };
    const script = buildScript(bundle, options);
    if (!script) throw unknownFlow(bundle, options);
    reply.header('cache-control', PUBLIC_CACHE);
    if (format === 'md') return reply.type('text/markdown; charset=utf-8').send(scriptToMarkdown(script));
    const flowHref = (flow: string, anchor: string) => `${placeLinks(flow, place).script}#${anchor}`;
    return page(reply, SCRIPT_PAGE_CSP).type('text/html; charset=utf-8').send(scriptToHtml(script, { flowHref }));
  });

  app.get<{ Params: FlowParams }>('/adviser/map/:flow', async (request, reply) => {
    const { format, lang, ...place } = parseBody(mapQuery, request.query);
    const bundle = content.current();
    const options = { flow: request.params.flow, ...place };
    const map = buildFlowMap(bundle, options);
    if (!map) throw unknownFlow(bundle, options);
    reply.header('cache-control', PUBLIC_CACHE);
    if (format === 'mermaid') return reply.type('text/plain; charset=utf-8').send(flowMapToMermaid(map));
    if (format === 'svg') return page(reply, SCRIPT_PAGE_CSP).type('image/svg+xml; charset=utf-8').send(flowMapToSvg(map));
    return page(reply, ADVISER_PAGE_CSP).type('text/html; charset=utf-8').send(mapPage(map, lang ?? 'da', placeLinks(options.flow, place)));
  });

  app.get<{ Params: { id: string } }>('/api/adviser/conversations/:id/summary', async (request, reply) => {
    const { flow } = parseBody(summaryQuery, request.query);
    const view = await conversations.get(request.params.id);
    return reply.header('cache-control', 'no-store').send(buildSummary(content.current(), view, flow));
  });
};
