/**
 * A flow as boxes and arrows, shared by the Mermaid text and the SVG map:
 * one box per node (numbered as in the script, labelled short), one box for
 * each jump to another flow, and one arrow per way out, labelled with
 * the choice or the condition. Nodes no start reaches and nodes with no way
 * on are marked, in words as well as in style.
 *
 * Pure and deterministic.
 */
import type { Bundle } from '../engine/types.js';
import { describeCondition, type DescribeContext } from './describe-condition.js';
import { targetKey, visitOrder, type FlowEdge } from './flow-graph.js';
import { flowView, type ScriptOptions } from './script-model.js';
import { shortText, stepTitle } from './script-describe.js';
import type { TextLookup } from './script-texts.js';
import type { AdviserStrings } from './strings.js';

const LABEL_LENGTH = 34;
const EDGE_LABEL_LENGTH = 28;

export interface MapNode {
  /** The node id in this flow, or `from > flow/node` for a jump from `from` to another flow's node. */
  key: string;
  kind: 'node' | 'external' | 'missing';
  /** Short label: "2.1 delivery", or "menu/what_next" for another flow's node. */
  label: string;
  /** A second short line: the question or the first thing said, or the other flow's title. */
  detail: string;
  entry: boolean;
  unreachable: boolean;
  deadEnd: boolean;
}

export interface MapEdge {
  from: string;
  to: string;
  label?: string;
}

export interface FlowMap {
  flow: string;
  title: string;
  strings: AdviserStrings;
  /** In reading order: this flow's nodes first, then the other flows' nodes it jumps to. */
  nodes: MapNode[];
  edges: MapEdge[];
}

function edgeLabel(strings: AdviserStrings, texts: TextLookup, describe: DescribeContext, edge: FlowEdge): string | undefined {
  const parts: string[] = [];
  if (edge.choice) parts.push(texts(edge.choice.label).text);
  if (edge.condition) parts.push(`${strings.map.ifPrefix} ${describeCondition(describe, edge.condition)}`);
  else if (edge.otherwise) parts.push(strings.map.otherwise);
  return parts.length > 0 ? shortText(parts.join(', '), EDGE_LABEL_LENGTH) : undefined;
}

export function buildFlowMap(bundle: Bundle, options: ScriptOptions): FlowMap | undefined {
  const view = flowView(bundle, options);
  if (!view) return undefined;
  const { place, graph, strings, texts, describe, numberOf } = view;
  const nodes: MapNode[] = visitOrder(graph).map((id) => ({
    key: id,
    kind: 'node',
    label: `${numberOf.get(id)} ${id}`,
    detail: stepTitle(strings, texts, id, graph.flow.nodes[id]!, LABEL_LENGTH),
    entry: id === graph.flow.entry,
    unreachable: graph.unreachable.has(id),
    deadEnd: graph.deadEnds.has(id),
  }));
  // A jump to another flow gets its own box under each node that jumps (like an
  // off-page connector), so no arrow has to cross the whole map to reach it.
  const mapKey = (edge: FlowEdge) => (edge.to.kind === 'local' ? edge.to.node : `${edge.from} > ${targetKey(edge.to)}`);
  const seen = new Set(nodes.map((n) => n.key));
  for (const edge of graph.edges) {
    const key = mapKey(edge);
    if (edge.to.kind === 'local' || seen.has(key)) continue;
    seen.add(key);
    const other = place.flows[edge.to.flow];
    const detail = edge.to.kind === 'flow' && other ? shortText(texts(other.title).text, LABEL_LENGTH) : strings.map.deadEndMark;
    const label = targetKey(edge.to);
    nodes.push({ key, kind: edge.to.kind === 'flow' ? 'external' : 'missing', label, detail, entry: false, unreachable: false, deadEnd: edge.to.kind === 'missing' });
  }
  const edges = graph.edges.map((edge) => {
    const label = edgeLabel(strings, texts, describe, edge);
    return label === undefined ? { from: edge.from, to: mapKey(edge) } : { from: edge.from, to: mapKey(edge), label };
  });
  return { flow: options.flow, title: texts(graph.flow.title).text, strings, nodes, edges };
}
