/**
 * A flow map as an accessible SVG drawn on the server: a <title> and <desc>,
 * one titled group per box, and marks in words ("nås ikke", "blindgyde") as
 * well as in style (dashed border, red double border). Styling is done with
 * presentation attributes only, so the SVG works under a strict
 * Content-Security-Policy when inlined in a page. The page that shows it also
 * lists every arrow as text (see map-page.ts).
 *
 * Pure and deterministic.
 */
import { escapeHtml } from './html.js';
import { layoutGraph, type Layout, type LayoutBox } from './layout.js';
import type { FlowMap, MapEdge, MapNode } from './map-model.js';
import { fill } from './strings.js';

const COLORS = { text: '#111111', muted: '#333333', edge: '#444444', box: '#ffffff', external: '#eef3fb', externalStroke: '#5a6f8f', deadEnd: '#b00020', stroke: '#222222' };

export function nodeMarks(map: FlowMap, node: MapNode): string[] {
  const marks: string[] = [];
  if (node.unreachable) marks.push(map.strings.map.unreachableMark);
  if (node.deadEnd) marks.push(map.strings.map.deadEndMark);
  return marks;
}

function boxSvg(map: FlowMap, node: MapNode, box: LayoutBox, layout: Layout, id: string): string {
  const { boxWidth: w, boxHeight: h } = layout;
  const stroke = node.deadEnd ? COLORS.deadEnd : node.kind === 'node' ? COLORS.stroke : COLORS.externalStroke;
  const width = node.entry ? 4 : node.deadEnd ? 3 : 1.5;
  const dash = node.unreachable ? ' stroke-dasharray="6 4"' : '';
  const rx = node.kind === 'node' ? 4 : 24;
  const fillColor = node.kind === 'node' ? COLORS.box : COLORS.external;
  const cx = box.x + w / 2;
  const marks = nodeMarks(map, node);
  const title = [node.label, node.detail, ...marks].filter(Boolean).join(' · ');
  const parts = [
    `<g id="${id}" class="map-node">`,
    `<title>${escapeHtml(title)}</title>`,
    `<rect x="${box.x}" y="${box.y}" width="${w}" height="${h}" rx="${rx}" fill="${fillColor}" stroke="${stroke}" stroke-width="${width}"${dash}/>`,
  ];
  if (node.deadEnd) {
    parts.push(`<rect x="${box.x + 4}" y="${box.y + 4}" width="${w - 8}" height="${h - 8}" rx="${Math.max(0, rx - 4)}" fill="none" stroke="${COLORS.deadEnd}" stroke-width="1.5"/>`);
  }
  parts.push(`<text x="${cx}" y="${box.y + 20}" text-anchor="middle" font-family="system-ui, sans-serif" font-size="12" font-weight="bold" fill="${COLORS.text}">${escapeHtml(node.label)}</text>`);
  if (node.detail) parts.push(`<text x="${cx}" y="${box.y + 37}" text-anchor="middle" font-family="system-ui, sans-serif" font-size="11" fill="${COLORS.muted}">${escapeHtml(node.detail)}</text>`);
  if (marks.length > 0) {
    parts.push(`<text x="${cx}" y="${box.y + 53}" text-anchor="middle" font-family="system-ui, sans-serif" font-size="11" font-style="italic" fill="${COLORS.deadEnd}">${escapeHtml(marks.join(', '))}</text>`);
  }
  parts.push('</g>');
  return parts.join('');
}

function edgeTitle(map: FlowMap, edges: MapEdge[], labelOf: (key: string) => string): string {
  const [first] = edges;
  const base = fill(map.strings.map.edgeTo, { from: labelOf(first!.from), to: labelOf(first!.to) });
  const labels = edges.flatMap((e) => (e.label ? [e.label] : []));
  return labels.length > 0 ? `${base}: ${labels.join('; ')}` : base;
}

/** Ids for SVG elements: "map-" + a safe form of the node key, unique. */
function svgIds(nodes: readonly MapNode[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const node of nodes) {
    const base = `map-${node.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
    used.add(id);
    ids.set(node.key, id);
  }
  return ids;
}

export function flowMapToSvg(map: FlowMap): string {
  const layout = layoutGraph(
    map.nodes.map((n) => n.key),
    map.edges,
  );
  const ids = svgIds(map.nodes);
  const byKey = new Map(map.nodes.map((n) => [n.key, n]));
  const labelOf = (key: string) => byKey.get(key)?.label ?? key;
  const entry = map.nodes.find((n) => n.entry);
  const title = fill(map.strings.map.title, { title: map.title });
  const desc = fill(map.strings.map.desc, { nodes: map.nodes.length, edges: map.edges.length, entry: entry ? entry.label : '' });
  const edgeSvg = layout.edges.map((routed) => {
    const group = map.edges.filter((e) => e.from === routed.from && e.to === routed.to);
    return `<path d="${routed.path}" fill="none" stroke="${COLORS.edge}" stroke-width="1.5" marker-end="url(#map-arrow)"><title>${escapeHtml(edgeTitle(map, group, labelOf))}</title></path>`;
  });
  const boxSvgs = map.nodes.map((node) => boxSvg(map, node, layout.boxes.get(node.key)!, layout, ids.get(node.key)!));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-labelledby="map-title map-desc">`,
    `<title id="map-title">${escapeHtml(title)}</title>`,
    `<desc id="map-desc">${escapeHtml(desc)}</desc>`,
    `<defs><marker id="map-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${COLORS.edge}"/></marker></defs>`,
    `<g class="map-edges">${edgeSvg.join('')}</g>`,
    `<g class="map-nodes">${boxSvgs.join('')}</g>`,
    '</svg>',
  ].join('\n');
}
