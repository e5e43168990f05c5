/**
 * The HTML of the adviser pages served by the web channel: the guided session
 * (/adviser) and the flow map (/adviser/map/:flow). No inline scripts or
 * styles: the stylesheet and the script are separate files under
 * /adviser/assets/, and the page's settings travel in a JSON data block (not
 * executed), so the pages run under a strict Content-Security-Policy.
 *
 * Pure.
 */
import type { Bundle } from '../engine/types.js';
import { findEntry, knownLocale, knownMunicipality } from '../engine/index.js';
import { guidedStrings, type GuidedStrings } from './guided-strings.js';
import { escapeHtml } from './html.js';
import type { FlowMap } from './map-model.js';
import { nodeMarks, flowMapToSvg } from './svg-map.js';
import { fill } from './strings.js';

const ADVISER_ASSETS = { script: '/adviser/assets/adviser.js', style: '/adviser/assets/adviser.css' } as const;

export interface GuidedConfig {
  strings: GuidedStrings;
  flows: Array<{ id: string; title: string }>;
  municipalities: Array<{ id: string; name: string }>;
  locales: Array<{ code: string; name: string }>;
  selected: { flow: string; municipality: string; locale: string };
}

export interface GuidedSelection {
  flow?: string;
  municipality?: string;
  locale?: string;
  lang?: string;
}

/** What the adviser can choose from, with the current choice (unknown values fall back to defaults). */
export function guidedConfig(bundle: Bundle, selection: GuidedSelection, flows: string[]): GuidedConfig {
  const strings = guidedStrings(selection.lang);
  const municipality = knownMunicipality(bundle, selection.municipality);
  const place = bundle.municipalities[municipality]!;
  const locale = knownLocale(bundle, selection.locale);
  const titled = flows.map((id) => ({ id, title: findEntry(bundle, place, strings.lang, place.flows[id]!.title)?.text ?? id }));
  const flow = selection.flow && flows.includes(selection.flow) ? selection.flow : (flows.find((f) => f !== bundle.mainFlow) ?? bundle.mainFlow);
  return {
    strings,
    flows: titled,
    municipalities: Object.entries(bundle.municipalities).map(([id, m]) => ({ id, name: m.municipality.name })),
    locales: bundle.locales.map((code) => ({ code, name: bundle.localeInfo[code]?.name ?? code })),
    selected: { flow, municipality, locale },
  };
}

/** JSON safe inside a <script type="application/json"> element. */
function jsonBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function page(lang: string, title: string, strings: GuidedStrings, body: string, tail = ''): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${ADVISER_ASSETS.style}">
</head>
<body>
<a class="skip-link" href="#main">${escapeHtml(strings.skipLink)}</a>
${body}
${tail}</body>
</html>
`;
}

function select(id: string, label: string, options: Array<{ value: string; text: string }>, selected: string): string {
  const items = options.map((o) => `<option value="${escapeHtml(o.value)}"${o.value === selected ? ' selected' : ''}>${escapeHtml(o.text)}</option>`);
  return `<div class="field"><label for="${id}">${escapeHtml(label)}</label><select id="${id}" name="${id}">${items.join('')}</select></div>`;
}

export function guidedPage(config: GuidedConfig): string {
  const s = config.strings;
  const { flow, municipality, locale } = config.selected;
  const query = `?municipality=${encodeURIComponent(municipality)}&locale=${encodeURIComponent(locale)}`;
  const scriptHref = escapeHtml(`/adviser/script/${encodeURIComponent(flow)}${query}&format=html`);
  const mapHref = escapeHtml(`/adviser/map/${encodeURIComponent(flow)}${query}`);
  const body = `<header class="page-header">
<h1>${escapeHtml(s.title)}</h1>
<p>${escapeHtml(s.intro)}</p>
<p class="privacy">${escapeHtml(s.privacy)}</p>
</header>
<main id="main" tabindex="-1">
<section id="setup" aria-labelledby="setup-h">
<h2 id="setup-h">${escapeHtml(s.setupHeading)}</h2>
<form id="setup-form" action="/adviser" method="get">
${select('flow', s.flow, config.flows.map((f) => ({ value: f.id, text: f.title })), flow)}
${select('municipality', s.municipality, config.municipalities.map((m) => ({ value: m.id, text: m.name })), municipality)}
${select('locale', s.locale, config.locales.map((l) => ({ value: l.code, text: l.name })), locale)}
<button type="submit" class="primary">${escapeHtml(s.start)}</button>
</form>
<p class="links"><a id="script-link" href="${scriptHref}">${escapeHtml(s.script)}</a>
· <a id="map-link" href="${mapHref}">${escapeHtml(s.map)}</a></p>
</section>
<section id="session" hidden aria-labelledby="step-h"></section>
<section id="summary" hidden aria-labelledby="summary-h"></section>
<p id="status" role="status" class="status"></p>
</main>`;
  const tail = `<script type="application/json" id="adviser-config">${jsonBlock(config)}</script>
<script src="${ADVISER_ASSETS.script}" defer></script>
`;
  return page(s.lang, s.title, s, body, tail);
}

/** The map page: the SVG, a key, and every arrow as a list (the text alternative). */
export function mapPage(map: FlowMap, lang: string, links: { script: string; mermaid: string }): string {
  const s = guidedStrings(lang);
  const m = map.strings.map;
  const byKey = new Map(map.nodes.map((n) => [n.key, n]));
  const describe = (key: string) => {
    const node = byKey.get(key);
    if (!node) return key;
    const marks = nodeMarks(map, node);
    return `${node.label}${node.detail ? ` (${node.detail})` : ''}${marks.length > 0 ? ` [${marks.join(', ')}]` : ''}`;
  };
  const edges = map.edges.map((e) => `<li>${escapeHtml(fill(m.edgeTo, { from: describe(e.from), to: describe(e.to) }))}${e.label ? `: ${escapeHtml(e.label)}` : ''}</li>`);
  const title = fill(m.title, { title: map.title });
  const body = `<header class="page-header"><h1>${escapeHtml(title)}</h1>
<p class="links"><a href="${escapeHtml(links.script)}">${escapeHtml(s.script)}</a> · <a href="${escapeHtml(links.mermaid)}">Mermaid</a> · <a href="/adviser">${escapeHtml(s.title)}</a></p></header>
<main id="main" tabindex="-1">
<figure class="map" tabindex="0" aria-labelledby="map-title">${flowMapToSvg(map)}</figure>
<section aria-labelledby="legend-h"><h2 id="legend-h">${escapeHtml(m.legend)}</h2>
<ul><li>${escapeHtml(m.legendEntry)}</li><li>${escapeHtml(m.legendUnreachable)}</li><li>${escapeHtml(m.legendDeadEnd)}</li><li>${escapeHtml(m.legendExternal)}</li></ul></section>
<section aria-labelledby="edges-h"><h2 id="edges-h">${escapeHtml(m.edges)}</h2>
${edges.length > 0 ? `<ul class="edge-list">${edges.join('')}</ul>` : `<p>${escapeHtml(m.noEdges)}</p>`}</section>
</main>`;
  return page(map.strings.lang, title, s, body);
}
