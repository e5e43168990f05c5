/**
 * Numbers a flow's nodes for the script: a section is a run of nodes that
 * simply follow one another (one way on, to a node nothing else leads to);
 * every choice or condition that branches starts new sections. Sections come
 * breadth first from the entry, then sections the entry does not lead to in
 * file order, so "→ gå til 4.2" points at step 2 of
 * section 4.
 *
 * Pure and deterministic.
 */
import { localTargets, nodeEdges, type FlowEdge, type FlowGraphView } from './flow-graph.js';
import type { ResolvedMunicipality } from '../engine/types.js';

export interface Numbering {
  /** Node ids per section, in order; section n is sections[n - 1]. */
  sections: string[][];
  /** "4.2" for each node id. */
  numberOf: Map<string, string>;
}

/** How many distinct nodes (in any flow of the municipality) lead to each node of `flowId`. */
function predecessorCounts(place: ResolvedMunicipality, flowId: string): Map<string, number> {
  const sources = new Map<string, Set<string>>();
  for (const [fromFlow, flow] of Object.entries(place.flows)) {
    for (const [id, node] of Object.entries(flow.nodes)) {
      for (const edge of nodeEdges(place, fromFlow, id, node)) {
        const to = edge.to.kind === 'local' && fromFlow === flowId ? edge.to.node : edge.to.kind === 'flow' && edge.to.flow === flowId ? edge.to.node : undefined;
        if (to === undefined) continue;
        if (!sources.has(to)) sources.set(to, new Set());
        sources.get(to)!.add(`${fromFlow}/${id}`);
      }
    }
  }
  return new Map([...sources].map(([to, from]) => [to, from.size]));
}

/** The one node this node simply continues to, if any. */
function plainSuccessor(edges: FlowEdge[]): string | undefined {
  if (edges.length === 0 || edges.some((edge) => edge.condition || edge.to.kind !== 'local')) return undefined;
  const targets = localTargets(edges);
  return targets.length === 1 ? targets[0] : undefined;
}

export function numberSteps(place: ResolvedMunicipality, graph: FlowGraphView): Numbering {
  const predecessors = predecessorCounts(place, graph.flow.id);
  const edgesFrom = (id: string) => graph.edges.filter((edge) => edge.from === id);
  const placed = new Set<string>();
  const sections: string[][] = [];
  const chainFrom = (start: string): string[] => {
    const section = [start];
    placed.add(start);
    for (let next = plainSuccessor(edgesFrom(start)); next !== undefined; next = plainSuccessor(edgesFrom(next))) {
      if (placed.has(next) || next === graph.flow.entry || (predecessors.get(next) ?? 0) !== 1) break;
      section.push(next);
      placed.add(next);
    }
    return section;
  };
  // Breadth first over sections, so the branches of a choice come right after it.
  const visit = (start: string) => {
    const queue = [start];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (placed.has(id)) continue;
      const section = chainFrom(id);
      sections.push(section);
      queue.push(...section.flatMap((node) => localTargets(edgesFrom(node))));
    }
  };
  if (graph.flow.nodes[graph.flow.entry]) visit(graph.flow.entry);
  for (const id of graph.nodeIds) visit(id);
  const numberOf = new Map<string, string>();
  sections.forEach((ids, s) => ids.forEach((id, i) => numberOf.set(id, `${s + 1}.${i + 1}`)));
  return { sections, numberOf };
}
