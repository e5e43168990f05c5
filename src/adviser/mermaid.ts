/**
 * A flow map as Mermaid text (`flowchart TD`), for pasting into any Markdown
 * that renders Mermaid (GitHub, GitLab, many wikis). Ids are made safe
 * (`n_` + node id, `x_` for another flow's node, `m_` for a missing one) and
 * every label is quoted with Mermaid's entity codes for `"`, `#`, `<`, `>`,
 * `&`, `|`, braces and backticks, so no content text can break the chart.
 *
 * Pure and deterministic.
 */
import type { FlowMap, MapNode } from './map-model.js';

const ENTITIES: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '|': '#124;',
  '`': '#96;',
  '{': '#123;',
  '}': '#125;',
};

function mermaidText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[#"<>&|`{}]/g, (c) => ENTITIES[c]!);
}

/** Mermaid ids for every node key: letters, digits and underscores only, and unique. */
export function mermaidIds(nodes: readonly MapNode[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const node of nodes) {
    const prefix = node.kind === 'node' ? 'n_' : node.kind === 'external' ? 'x_' : 'm_';
    const base = prefix + node.key.replace(/ > /g, '__to__').replace(/\//g, '__').replace(/[^A-Za-z0-9_]/g, '_');
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
    used.add(id);
    ids.set(node.key, id);
  }
  return ids;
}

function nodeLine(map: FlowMap, node: MapNode, id: string): string {
  const marks = [node.unreachable ? map.strings.map.unreachableMark : '', node.deadEnd && node.kind === 'node' ? map.strings.map.deadEndMark : '']
    .filter(Boolean)
    .map((m) => ` (${m})`)
    .join('');
  const label = mermaidText(`${node.label}${node.detail ? `: ${node.detail}` : ''}${marks}`);
  return node.kind === 'node' ? `  ${id}["${label}"]` : `  ${id}(["${label}"])`;
}

export function flowMapToMermaid(map: FlowMap): string {
  const ids = mermaidIds(map.nodes);
  const lines = ['flowchart TD', `  %% ${mermaidText(map.title)} (${mermaidText(map.flow)})`];
  for (const node of map.nodes) lines.push(nodeLine(map, node, ids.get(node.key)!));
  for (const edge of map.edges) {
    const label = edge.label ? `|"${mermaidText(edge.label)}"|` : '';
    lines.push(`  ${ids.get(edge.from)} -->${label} ${ids.get(edge.to)}`);
  }
  lines.push(
    '  classDef entry stroke-width:4px',
    '  classDef unreachable stroke-dasharray:6 4',
    '  classDef deadEnd stroke:#b00020,stroke-width:3px',
    '  classDef external fill:#eef3fb,stroke:#5a6f8f',
  );
  const byClass: Array<[string, (n: MapNode) => boolean]> = [
    ['entry', (n) => n.entry],
    ['unreachable', (n) => n.unreachable],
    ['deadEnd', (n) => n.deadEnd],
    ['external', (n) => n.kind !== 'node'],
  ];
  for (const [name, test] of byClass) {
    const members = map.nodes.filter(test).map((n) => ids.get(n.key));
    if (members.length > 0) lines.push(`  class ${members.join(',')} ${name}`);
  }
  return `${lines.join('\n')}\n`;
}
