/**
 * The slots check: a slot used in a condition, a `{slot: …}` operand, a
 * compute argument or a text's placeholder must be set on some way to the
 * node. `exists` conditions and placeholders with a `|fallback` are exempt.
 * A value an `equals:` or `in:` compares with must be one the slot can get,
 * when it only gets choice ids and `set:` values (warning: a misspelt value
 * makes a text or branch silently never, or always, apply).
 * `municipality.…` is always there, but must name something a
 * municipality.yaml can hold (in texts the template check sees to that).
 * Runs per view, only when every node passed the schema check. Pure.
 */
import type { Condition, FlowNode, Operand } from '../engine/types.js';
import type { CheckContext } from './check-context.js';
import { templatePlaceholders } from '../engine/template.js';
import { buildGraph, reachableKeys } from './flow-graph.js';
import { nodeConditions, nodeContentKeys } from './flow-walk.js';
import type { BundleModel, NodeModel } from './model.js';
import type { Problem } from './problem.js';
import {
  analyseSlots,
  answeredSlots,
  computedSlots,
  isCovered,
  isMunicipalityPath,
  municipalityPathProblem,
  slotValues,
  valuesOf,
  type SlotValues,
} from './slot-analysis.js';
import { didYouMean } from './suggest.js';
import { problemAt, type PathSegment } from './source-file.js';
import type { View } from './views.js';

interface SlotUse {
  slot: string;
  path: PathSegment[];
  /** Which slots count: on entry, after compute, or after the answer. */
  phase: 'entry' | 'enter' | 'leave';
  /** The content key whose text uses the slot, for template uses. */
  text?: string;
  /** Where one value is shown (a link's address), not tested; true when it has a fallback. */
  shown?: { fallback: boolean };
}

interface FlowAnalysis {
  graph: ReturnType<typeof buildGraph>;
  reached: Set<string>;
  atEntry: Map<string, Set<string>>;
  values: SlotValues;
}

/** By the flows analysed: a municipality that only changes texts shares the base's flows (see views.ts) and analysis. */
const analyses = new WeakMap<View['flows'], FlowAnalysis>();

function flowAnalysis(view: View): FlowAnalysis {
  let analysis = analyses.get(view.flows);
  if (!analysis) {
    const graph = buildGraph(view);
    analysis = { graph, reached: reachableKeys(graph), atEntry: analyseSlots(graph).atEntry, values: slotValues(graph) };
    analyses.set(view.flows, analysis);
  }
  return analysis;
}

export function checkSlots(view: View, context: CheckContext): Problem[] {
  const { graph, reached, atEntry, values } = flowAnalysis(view);
  const problems: Problem[] = [];
  for (const { key, model } of graph.nodes.values()) {
    if (!model.node || !reached.has(key)) continue;
    const entry = atEntry.get(key)!;
    const entered = new Set([...entry, ...computedSlots(model.node)]);
    const left = new Set([...entered, ...answeredSlots(model.id, model.node)]);
    const available = { entry, enter: entered, leave: left };
    for (const use of slotUses(view, model.node)) {
      if (isMunicipalityPath(use.slot)) {
        const problem = use.text === undefined ? municipalityProblem(context.model, model, use) : undefined;
        if (problem) problems.push(problem);
      } else if (!isCovered(use.slot, available[use.phase])) {
        problems.push(unsetSlot(model, use));
      }
    }
    problems.push(...unknownValues(model, model.node, values));
  }
  return problems;
}

/** `equals:` and `in:` values the slot never holds. */
function unknownValues(model: NodeModel, node: FlowNode, values: SlotValues): Problem[] {
  const problems: Problem[] = [];
  for (const ref of nodeConditions(node)) {
    for (const { slot, value, path } of comparedValues(ref.condition, ref.path)) {
      const known = isMunicipalityPath(slot) ? undefined : valuesOf(slot, values);
      if (!known || known.has(String(value))) continue;
      const list = [...known].sort();
      const message = `slot "${slot}" is never "${String(value)}": it only gets ${list.map((v) => `"${v}"`).join(', ')}`;
      const hint = didYouMean(String(value), list) ?? 'compare with a choice id or a set: value that gives the slot its value';
      problems.push(problemAt(model.file, [...model.path, ...path], 'warning', message, hint));
    }
  }
  return problems;
}

/** The literal values `equals:` and `in:` tests compare with, each with its path. */
function comparedValues(condition: Condition, path: PathSegment[]): Array<{ slot: string; value: Operand; path: PathSegment[] }> {
  if ('all' in condition) return condition.all.flatMap((c, i) => comparedValues(c, [...path, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((c, i) => comparedValues(c, [...path, 'any', i]));
  if ('not' in condition) return comparedValues(condition.not, [...path, 'not']);
  const literal = (value: Operand): boolean => typeof value !== 'object';
  if ('equals' in condition) return literal(condition.equals) ? [{ slot: condition.slot, value: condition.equals, path: [...path, 'equals'] }] : [];
  if ('in' in condition) {
    return condition.in.flatMap((value, i) => (literal(value) ? [{ slot: condition.slot, value, path: [...path, 'in', i] }] : []));
  }
  return [];
}

function slotUses(view: View, node: FlowNode): SlotUse[] {
  const uses: SlotUse[] = [];
  for (const [name, spec] of Object.entries(node.compute ?? {})) {
    for (const [param, slot] of Object.entries(spec.args)) uses.push({ slot, path: ['compute', name, 'args', param], phase: 'entry' });
  }
  for (const ref of nodeConditions(node)) {
    const phase = ref.phase === 'leave' ? 'leave' : 'enter';
    uses.push(...conditionSlots(ref.condition, ref.path).map((u) => ({ ...u, phase }) as SlotUse));
  }
  for (const { key, path } of nodeContentKeys(node)) {
    for (const slot of textSlots(view, key)) uses.push({ slot, path, phase: 'enter', text: key });
  }
  (node.say ?? []).forEach((item, i) => {
    if (typeof item !== 'object' || !('link' in item)) return;
    for (const { path: slot, fallback } of templatePlaceholders(item.link.href)) {
      const shown = { fallback: fallback !== undefined };
      if (!shown.fallback || isMunicipalityPath(slot)) uses.push({ slot, path: ['say', i, 'link', 'href'], phase: 'enter', shown });
    }
  });
  return uses;
}

/** Slots a condition reads, with the path of each (an `exists` test reads none, but its municipality path must be one). */
function conditionSlots(condition: Condition, path: PathSegment[]): Array<{ slot: string; path: PathSegment[] }> {
  if ('all' in condition) return condition.all.flatMap((c, i) => conditionSlots(c, [...path, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((c, i) => conditionSlots(c, [...path, 'any', i]));
  if ('not' in condition) return conditionSlots(condition.not, [...path, 'not']);
  if ('exists' in condition) return isMunicipalityPath(condition.slot) ? [{ slot: condition.slot, path: [...path, 'slot'] }] : [];
  const uses = [{ slot: condition.slot, path: [...path, 'slot'] }];
  // Every other key of a slot test (equals, in, before, after, includes, …) holds operands.
  for (const [test, value] of Object.entries(condition)) {
    if (test === 'slot') continue;
    const operands: Operand[] = Array.isArray(value) ? value : [value as Operand];
    operands.forEach((operand, i) => {
      const at = Array.isArray(value) ? [...path, test, i] : [...path, test];
      if (typeof operand === 'object') uses.push({ slot: operand.slot, path: [...at, 'slot'] });
    });
  }
  return uses;
}

/** Slots the texts of `key` read without a fallback, in any locale. */
function textSlots(view: View, key: string): string[] {
  const slots = new Set<string>();
  for (const table of view.texts.values()) {
    const text = table.get(key)?.entry?.text;
    if (text) placeholderSlots(text).forEach((slot) => slots.add(slot));
  }
  return [...slots];
}

function placeholderSlots(text: string): string[] {
  return templatePlaceholders(text)
    .filter((p) => p.fallback === undefined)
    .map((p) => p.path);
}

function municipalityProblem(bundle: BundleModel, model: NodeModel, use: SlotUse): Problem | undefined {
  const problem = municipalityPathProblem(use.slot, bundle, use.shown !== undefined);
  // A test of, or a fallback for, a contact or page no municipality sets yet works (a misspelt one is still reported).
  if (!problem || (problem.kind === 'unset' && use.shown?.fallback !== false)) return undefined;
  const what = use.shown ? `{${use.slot}}` : `slot "${use.slot}"`;
  return problemAt(model.file, [...model.path, ...use.path], 'error', `${what}: ${problem.reason}`, problem.hint, use.shown ? { find: `{${use.slot}` } : {});
}

function unsetSlot(model: NodeModel, use: SlotUse): Problem {
  const at = [...model.path, ...use.path];
  if (use.text) {
    const message = `text "${use.text}" uses {${use.slot}}, but no way to node "${model.id}" sets slot "${use.slot}"`;
    const hint = `ask for it in an earlier node, or give a fallback: {${use.slot}|…}`;
    return problemAt(model.file, at, 'error', message, hint);
  }
  const message = `slot "${use.slot}" is used before any way to node "${model.id}" sets it`;
  const hint = use.phase === 'leave' ? 'ask for it in this or an earlier node, or test it with exists: first' : 'ask for it in an earlier node, or test it with exists: first';
  return problemAt(model.file, at, 'error', message, hint);
}
