/**
 * The reachability check: a node that no entry, next, branch or choice can
 * lead to (in the base or in any municipality) is a warning. Whole-bundle:
 * runs only when every node passed the schema check. Pure.
 */
import type { CheckContext } from './check-context.js';
import { buildGraph, nodeIdentity, reachableKeys } from './flow-graph.js';
import type { NodeModel } from './model.js';
import type { Problem } from './problem.js';
import { problemAt } from './source-file.js';
import { viewsWithDistinctFlows } from './views.js';

export function checkReachability(context: CheckContext): Problem[] {
  const reached = new Set<string>();
  const all = new Map<string, NodeModel>();
  for (const view of viewsWithDistinctFlows(context.views)) {
    const graph = buildGraph(view);
    const keys = reachableKeys(graph);
    for (const node of graph.nodes.values()) {
      all.set(nodeIdentity(node.model), node.model);
      if (keys.has(node.key)) reached.add(nodeIdentity(node.model));
    }
  }
  return [...all.entries()].filter(([identity]) => !reached.has(identity)).map(([, model]) => unreachable(model));
}

function unreachable(model: NodeModel): Problem {
  const message = `node "${model.id}" is never reached`;
  const hint = 'point a next, a choice or the entry at it, or delete it';
  return problemAt(model.file, model.path, 'warning', message, hint, { key: true });
}
