/**
 * The node graph of one view across all its flows: an edge for every next,
 * branch and choice next that resolves. Roots are every flow's entry (a
 * conversation may start in any flow); the system flow's nodes are shown for
 * global intents from anywhere, so they count as reached. Pure.
 */
import { nodeTargets, resolveTarget, SYSTEM_FLOW } from './flow-walk.js';
import type { NodeModel } from './model.js';
import type { View } from './views.js';

export interface GraphNode {
  key: string;
  model: NodeModel;
  successors: string[];
}

export interface FlowGraph {
  nodes: Map<string, GraphNode>;
  /** Keys of nodes a conversation can start at. */
  roots: string[];
  /** Keys of the system flow's nodes (reachable from anywhere). */
  anywhere: string[];
}

export function graphKey(flow: string, node: string): string {
  return `${flow}/${node}`;
}

/** Identifies a node across views (an overlay node lives in its municipality's file). */
export function nodeIdentity(model: NodeModel): string {
  return `${model.file.path}#${model.path.join('/')}`;
}

export function buildGraph(view: View): FlowGraph {
  const nodes = new Map<string, GraphNode>();
  const roots: string[] = [];
  const anywhere: string[] = [];
  for (const flow of view.flows.values()) {
    if (flow.nodes.has(flow.entry)) roots.push(graphKey(flow.id, flow.entry));
    for (const model of flow.nodes.values()) {
      const key = graphKey(flow.id, model.id);
      if (flow.id === SYSTEM_FLOW) anywhere.push(key);
      nodes.set(key, { key, model, successors: successors(view, flow.id, model) });
    }
  }
  return { nodes, roots, anywhere };
}

function successors(view: View, flow: string, model: NodeModel): string[] {
  if (!model.node) return [];
  const keys = nodeTargets(model.node).flatMap(({ target }) => {
    const resolved = resolveTarget(view.flows, flow, target);
    return 'node' in resolved && 'flow' in resolved ? [graphKey(resolved.flow, resolved.node)] : [];
  });
  return [...new Set(keys)];
}

/** Keys of every node reachable from the roots and the system flow. */
export function reachableKeys(graph: FlowGraph): Set<string> {
  const seen = new Set<string>();
  const queue = [...graph.roots, ...graph.anywhere];
  while (queue.length > 0) {
    const key = queue.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    queue.push(...(graph.nodes.get(key)?.successors ?? []));
  }
  return seen;
}
