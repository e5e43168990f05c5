/**
 * The graph of one flow as a municipality's citizens get it: its nodes, every
 * way out of each node (a choice, a conditional branch, a plain next), the
 * nodes in other flows it jumps to, and which nodes no start reaches or have
 * no way on.
 *
 * Reachability and dead ends follow the same rules as the content checker
 * (src/content/check-reachability.ts, check-dead-ends.ts): every flow's entry
 * is a start and the system flow is reached from anywhere. The checker works
 * on its source-positioned model; this works on a built Bundle, so the walk
 * is repeated here in a few lines.
 *
 * Pure.
 */
import { SYSTEM_FLOW } from '../engine/index.js';
import type { Condition, Flow, FlowNode, Next, ResolvedMunicipality, Target } from '../engine/types.js';

/** Where an edge leads: a node of this flow, a node of another flow, or nothing (a broken reference). */
export type EdgeTarget =
  | { kind: 'local'; node: string }
  | { kind: 'flow'; flow: string; node: string }
  | { kind: 'missing'; flow: string; node?: string };

export interface FlowEdge {
  from: string;
  to: EdgeTarget;
  /** The choice this edge is taken for (its id and label key). */
  choice?: { id: string; label: string };
  /** The branch condition, when the next is a list of branches. */
  condition?: Condition;
  /** Every earlier branch of the same list was false ("otherwise"). */
  otherwise?: boolean;
}

export interface FlowGraphView {
  flow: Flow;
  /** Node ids in the order the flow file lists them. */
  nodeIds: string[];
  edges: FlowEdge[];
  unreachable: Set<string>;
  deadEnds: Set<string>;
}

export function targetKey(target: EdgeTarget): string {
  if (target.kind === 'local') return target.node;
  return `${target.flow}/${target.node ?? ''}`;
}

function resolveEdgeTarget(place: ResolvedMunicipality, flowId: string, target: Target): EdgeTarget {
  const toFlow = typeof target === 'string' ? flowId : target.flow;
  const flow = place.flows[toFlow];
  const node = typeof target === 'string' ? target : (target.node ?? flow?.entry);
  if (!flow || node === undefined || !flow.nodes[node]) return { kind: 'missing', flow: toFlow, node };
  return toFlow === flowId ? { kind: 'local', node } : { kind: 'flow', flow: toFlow, node };
}

function nextEdges(place: ResolvedMunicipality, flowId: string, from: string, next: Next | undefined): FlowEdge[] {
  if (next === undefined) return [];
  if (!Array.isArray(next)) return [{ from, to: resolveEdgeTarget(place, flowId, next) }];
  return next.map((branch, i) => {
    const edge: FlowEdge = { from, to: resolveEdgeTarget(place, flowId, branch.to) };
    if (branch.if) edge.condition = branch.if;
    else if (i > 0) edge.otherwise = true;
    return edge;
  });
}

export function choicesOf(node: FlowNode) {
  return node.ask && 'choice' in node.ask ? node.ask.choice : undefined;
}

/**
 * The ways out of a node, as the engine takes them: each choice's own next, else
 * the node's next (the node's next is drawn once, not once per choice).
 */
export function nodeEdges(place: ResolvedMunicipality, flowId: string, id: string, node: FlowNode): FlowEdge[] {
  const choices = choicesOf(node) ?? [];
  const edges: FlowEdge[] = [];
  for (const choice of choices) {
    if (choice.next === undefined) continue;
    for (const edge of nextEdges(place, flowId, id, choice.next)) edges.push({ ...edge, choice: { id: choice.id, label: choice.label } });
  }
  const nodeNextUsed = choices.length === 0 || choices.some((choice) => choice.next === undefined);
  if (nodeNextUsed) edges.push(...nextEdges(place, flowId, id, node.next));
  return edges;
}

/** True when the conversation cannot go on from this node (the checker reports these as errors). */
function isDeadEnd(flowId: string, node: FlowNode): boolean {
  if (flowId === SYSTEM_FLOW || node.end) return false;
  const choices = choicesOf(node);
  if (choices) return node.next === undefined && choices.some((choice) => choice.next === undefined);
  return node.next === undefined;
}

/** Every node key (`flow/node`) reachable from any flow's entry or the system flow, in one municipality. */
function reachableNodes(place: ResolvedMunicipality): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const [flowId, flow] of Object.entries(place.flows)) {
    queue.push(`${flowId}/${flow.entry}`);
    if (flowId === SYSTEM_FLOW) queue.push(...Object.keys(flow.nodes).map((id) => `${flowId}/${id}`));
  }
  while (queue.length > 0) {
    const key = queue.pop()!;
    if (seen.has(key)) continue;
    const [flowId, id] = splitKey(key);
    const node = place.flows[flowId]?.nodes[id];
    if (!node) continue;
    seen.add(key);
    for (const edge of nodeEdges(place, flowId, id, node)) {
      if (edge.to.kind === 'local') queue.push(`${flowId}/${edge.to.node}`);
      else if (edge.to.kind === 'flow') queue.push(`${edge.to.flow}/${edge.to.node}`);
    }
  }
  return seen;
}

function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}

export function flowGraph(place: ResolvedMunicipality, flowId: string): FlowGraphView | undefined {
  const flow = place.flows[flowId];
  if (!flow) return undefined;
  const nodeIds = Object.keys(flow.nodes);
  const edges = nodeIds.flatMap((id) => nodeEdges(place, flowId, id, flow.nodes[id]!));
  const reached = reachableNodes(place);
  return {
    flow,
    nodeIds,
    edges,
    unreachable: new Set(nodeIds.filter((id) => !reached.has(`${flowId}/${id}`))),
    deadEnds: new Set(nodeIds.filter((id) => isDeadEnd(flowId, flow.nodes[id]!))),
  };
}

/** Distinct nodes of this flow an edge list leads to, in edge order. */
export function localTargets(edges: readonly FlowEdge[]): string[] {
  return [...new Set(edges.flatMap((edge) => (edge.to.kind === 'local' ? [edge.to.node] : [])))];
}

/**
 * The flow's nodes in reading order: breadth first from the entry (ways out in
 * the order the file lists them), then every node the entry does not lead to,
 * in file order. Deterministic.
 */
export function visitOrder(graph: FlowGraphView): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (start: string) => {
    const queue = [start];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      order.push(id);
      queue.push(...localTargets(graph.edges.filter((edge) => edge.from === id)));
    }
  };
  if (graph.flow.nodes[graph.flow.entry]) visit(graph.flow.entry);
  for (const id of graph.nodeIds) visit(id);
  return order;
}
