/**
 * The targets check: every `entry`, `next`, branch `to` and choice `next`
 * names an existing node (in the same flow) or flow, and the choices of a node
 * have distinct ids (an answer names its choice by id, so a repeated id would
 * lead where the first choice with it leads). Pure.
 */
import type { Target } from '../engine/types.js';
import type { CheckContext } from './check-context.js';
import { askChoices, nodeTargets, resolveTarget, type TargetRef } from './flow-walk.js';
import type { FlowModel, NodeModel } from './model.js';
import type { Problem } from './problem.js';
import { problemAt } from './source-file.js';
import { didYouMean } from './suggest.js';
import type { View } from './views.js';

export function checkTargets(view: View, _context: CheckContext): Problem[] {
  const problems: Problem[] = [];
  for (const flow of view.flows.values()) {
    if (!flow.nodes.has(flow.entry)) problems.push(missingEntry(flow));
    for (const model of flow.nodes.values()) {
      for (const ref of model.node ? nodeTargets(model.node) : []) {
        const problem = checkTarget(view, flow, model, ref);
        if (problem) problems.push(problem);
      }
      problems.push(...repeatedChoiceIds(model));
    }
  }
  return problems;
}

function missingEntry(flow: FlowModel): Problem {
  const message = `entry "${flow.entry}" is not a node of flow "${flow.id}"`;
  return problemAt(flow.entryFile, ['entry'], 'error', message, didYouMean(flow.entry, flow.nodes.keys()) ?? 'name one of the nodes below');
}

function checkTarget(view: View, flow: FlowModel, model: NodeModel, ref: TargetRef): Problem | undefined {
  const resolved = resolveTarget(view.flows, flow.id, ref.target);
  if ('missingFlow' in resolved) {
    const hint = didYouMean(resolved.missingFlow, view.flows.keys()) ?? `flows are: ${[...view.flows.keys()].join(', ')}`;
    return problemAt(model.file, [...model.path, ...ref.path, 'flow'], 'error', `flow "${resolved.missingFlow}" does not exist`, hint);
  }
  if (!('missingNode' in resolved) || isEntryOf(ref.target)) return undefined;
  const inFlow = view.flows.get(resolved.inFlow)!;
  const where = typeof ref.target === 'string' ? ref.path : [...ref.path, 'node'];
  const message = `${ref.label} "${resolved.missingNode}" is not a node of flow "${resolved.inFlow}"`;
  return problemAt(model.file, [...model.path, ...where], 'error', message, missingNodeHint(view, resolved.missingNode, inFlow));
}

function repeatedChoiceIds(model: NodeModel): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  (model.node ? (askChoices(model.node) ?? []) : []).forEach((choice, i) => {
    if (!seen.has(choice.id)) {
      seen.add(choice.id);
      return;
    }
    const message = `choice id "${choice.id}" is used twice in node "${model.id}"`;
    problems.push(problemAt(model.file, [...model.path, 'ask', 'choice', i, 'id'], 'error', message, 'give each choice its own id'));
  });
  return problems;
}

/** `{ flow: x }` leads to x's entry, whose own check reports a missing entry. */
function isEntryOf(target: Target): boolean {
  return typeof target !== 'string' && target.node === undefined;
}

function missingNodeHint(view: View, node: string, flow: FlowModel): string {
  const close = didYouMean(node, flow.nodes.keys());
  if (close) return close;
  if (view.flows.has(node)) return `to go to the flow "${node}", write { flow: ${node} }`;
  return `add a node "${node}" to flow "${flow.id}", or point at an existing node`;
}
