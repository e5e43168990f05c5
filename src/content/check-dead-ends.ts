/**
 * The dead-end check: every node (but the system flow's) has a way on: an ask
 * whose every answer leads somewhere, a next, or `end: true`. A list of
 * branches whose every branch has a condition may match none (warning). Pure.
 */
import type { FlowNode, Next } from '../engine/types.js';
import type { CheckContext } from './check-context.js';
import { askChoices, SYSTEM_FLOW } from './flow-walk.js';
import type { NodeModel } from './model.js';
import type { Problem } from './problem.js';
import { problemAt, type PathSegment } from './source-file.js';
import type { View } from './views.js';

export function checkDeadEnds(view: View, _context: CheckContext): Problem[] {
  const problems: Problem[] = [];
  for (const flow of view.flows.values()) {
    if (flow.id === SYSTEM_FLOW) continue;
    for (const model of flow.nodes.values()) {
      if (model.node) problems.push(...nodeDeadEnds(model, model.node));
    }
  }
  return problems;
}

function nodeDeadEnds(model: NodeModel, node: FlowNode): Problem[] {
  const at = (path: PathSegment[], message: string, hint: string, key = false): Problem =>
    problemAt(model.file, [...model.path, ...path], 'error', message, hint, { key });
  const problems = [...openBranches(model, node.next, ['next'])];
  if (node.end) return problems;
  const choices = askChoices(node);
  if (choices) {
    choices.forEach((choice, i) => {
      problems.push(...openBranches(model, choice.next, ['ask', 'choice', i, 'next']));
      if (choice.next === undefined && node.next === undefined) {
        problems.push(at(['ask', 'choice', i], `choice "${choice.id}" leads nowhere: neither it nor node "${model.id}" has a next`, 'add next: … to the choice, or one next: … to the node for all choices'));
      }
    });
  } else if (node.ask && node.next === undefined) {
    const kind = Object.keys(node.ask)[0]!;
    problems.push(at(['ask'], `node "${model.id}" asks for ${kind === 'scale' ? 'a rating' : `a ${kind}`} but has no next`, 'add next: … to say where to go after the answer', true));
  } else if (!node.ask && node.next === undefined) {
    problems.push(at([], `node "${model.id}" is a dead end: it has no ask, no next and no end`, 'add next: …, an ask, or end: true', true));
  }
  return problems;
}

/** Branches that all have conditions may all be false: the conversation would be stuck. */
function openBranches(model: NodeModel, next: Next | undefined, path: PathSegment[]): Problem[] {
  if (!Array.isArray(next) || next.some((branch) => branch.if === undefined)) return [];
  const message = 'every branch of this next has a condition, so none may apply';
  return [problemAt(model.file, [...model.path, ...path], 'warning', message, 'add a last branch with only to: …, for all other cases', { key: true })];
}
