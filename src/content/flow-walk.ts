/**
 * Where a node points, which content keys it shows and which conditions it
 * tests, each with its path inside the node (for problem positions). Pure.
 */
import type { Condition, FlowNode, Next, SayItem, Target } from '../engine/types.js';
import type { FlowModel } from './model.js';
import type { PathSegment } from './source-file.js';

export const SYSTEM_FLOW = 'system';

export interface TargetRef {
  target: Target;
  path: PathSegment[];
  /** "next", "to", or `choice "yes": next`: how the editor names it. */
  label: string;
}

export function nodeTargets(node: FlowNode): TargetRef[] {
  const refs = nextTargets(node.next, ['next'], 'next');
  (askChoices(node) ?? []).forEach((choice, i) => {
    refs.push(...nextTargets(choice.next, ['ask', 'choice', i, 'next'], `choice "${choice.id}": next`));
  });
  return refs;
}

function nextTargets(next: Next | undefined, path: PathSegment[], label: string): TargetRef[] {
  if (next === undefined) return [];
  if (!Array.isArray(next)) return [{ target: next, path, label }];
  return next.map((branch, i) => ({ target: branch.to, path: [...path, i, 'to'], label: 'to' }));
}

export interface KeyUse {
  key: string;
  path: PathSegment[];
}

/** Content keys a node shows: say items, the question and choice labels. */
export function nodeContentKeys(node: FlowNode): KeyUse[] {
  const uses: KeyUse[] = [];
  (node.say ?? []).forEach((item, i) => uses.push(...sayKeys(item, ['say', i])));
  if (node.question) uses.push({ key: node.question, path: ['question'] });
  (askChoices(node) ?? []).forEach((choice, i) => uses.push({ key: choice.label, path: ['ask', 'choice', i, 'label'] }));
  return uses;
}

function sayKeys(item: SayItem, path: PathSegment[]): KeyUse[] {
  if (typeof item === 'string') return [{ key: item, path }];
  if ('text' in item) return [{ key: item.text, path: [...path, 'text'] }];
  if ('checklist' in item) {
    const base = [...path, 'checklist'];
    return [{ key: item.checklist.title, path: [...base, 'title'] }, ...item.checklist.items.map((it, j) => ({ key: it.text, path: [...base, 'items', j, 'text'] }))];
  }
  if ('document' in item) {
    const base = [...path, 'document'];
    return [{ key: item.document.title, path: [...base, 'title'] }, { key: item.document.body, path: [...base, 'body'] }];
  }
  return [{ key: item.link.label, path: [...path, 'link', 'label'] }];
}

export interface ConditionRef {
  condition: Condition;
  path: PathSegment[];
  /** 'enter': tested when the node is shown; 'leave': tested after the answer. */
  phase: 'enter' | 'leave';
}

export function nodeConditions(node: FlowNode): ConditionRef[] {
  const refs: ConditionRef[] = [];
  (node.say ?? []).forEach((item, i) => {
    if (typeof item === 'string') return;
    if (item.if) refs.push({ condition: item.if, path: ['say', i, 'if'], phase: 'enter' });
    if ('checklist' in item) {
      item.checklist.items.forEach((it, j) => it.if && refs.push({ condition: it.if, path: ['say', i, 'checklist', 'items', j, 'if'], phase: 'enter' }));
    }
  });
  (askChoices(node) ?? []).forEach((choice, i) => {
    if (choice.if) refs.push({ condition: choice.if, path: ['ask', 'choice', i, 'if'], phase: 'enter' });
    refs.push(...branchConditions(choice.next, ['ask', 'choice', i, 'next']));
  });
  refs.push(...branchConditions(node.next, ['next']));
  return refs;
}

function branchConditions(next: Next | undefined, path: PathSegment[]): ConditionRef[] {
  if (!Array.isArray(next)) return [];
  return next.flatMap((b, i) => (b.if ? [{ condition: b.if, path: [...path, i, 'if'], phase: 'leave' as const }] : []));
}

export function askChoices(node: FlowNode): Extract<NonNullable<FlowNode['ask']>, { choice: unknown }>['choice'] | undefined {
  return node.ask && 'choice' in node.ask ? node.ask.choice : undefined;
}

export interface ResolvedTarget {
  flow: string;
  node: string;
}

/** Where a target leads from `flow`, or a description of why it leads nowhere. */
export function resolveTarget(flows: Map<string, FlowModel>, flow: string, target: Target): ResolvedTarget | { missingFlow: string } | { missingNode: string; inFlow: string } {
  const flowId = typeof target === 'string' ? flow : target.flow;
  const found = flows.get(flowId);
  if (!found) return { missingFlow: flowId };
  const node = typeof target === 'string' ? target : (target.node ?? found.entry);
  return found.nodes.has(node) ? { flow: flowId, node } : { missingNode: node, inFlow: flowId };
}
