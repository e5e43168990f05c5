/**
 * Which slots may be set when a node is entered: a forward "may" analysis over
 * the view's node graph. A slot is set by a node's ask (its `slot`, default the
 * node id), a choice's `set`, and `compute` keys. System-flow nodes can be
 * shown from anywhere, so they see every slot any node may set.
 *
 * `municipality.…` is not a slot but the municipality file, read-only: its
 * paths are checked against what a municipality.yaml can hold (the schema,
 * and for free names such as `pages.<name>` the names some municipality.yaml
 * sets). Pure.
 */
import type { FlowNode } from '../engine/types.js';
import { askChoices } from './flow-walk.js';
import type { FlowGraph } from './flow-graph.js';
import type { BundleModel } from './model.js';
import { municipalityFileSchema } from './schema.js';
import { closest } from './suggest.js';
import { valueAt } from './zod-issues.js';

export interface SlotSets {
  /** Slots that may be set on entering the node (before its compute runs). */
  atEntry: Map<string, Set<string>>;
}

export function computedSlots(node: FlowNode): string[] {
  return Object.keys(node.compute ?? {});
}

/** Slots a node sets once answered (its ask's slot and every choice's `set`). */
export function answeredSlots(id: string, node: FlowNode): string[] {
  const answered = node.ask ? [node.slot ?? id] : [];
  for (const choice of askChoices(node) ?? []) answered.push(...Object.keys(choice.set ?? {}));
  return answered;
}

export function analyseSlots(graph: FlowGraph): SlotSets {
  const anywhere = new Set(graph.anywhere);
  const atEntry = new Map<string, Set<string>>();
  const out = new Map<string, Set<string>>();
  for (const { key, model } of graph.nodes.values()) {
    atEntry.set(key, new Set());
    out.set(key, new Set(model.node ? [...computedSlots(model.node), ...answeredSlots(model.id, model.node)] : []));
  }
  // Slots some node outside the system flow may set: what a system node may see.
  const everywhere = new Set<string>();
  const queue = [...graph.nodes.keys()];
  const feed = (target: string, slots: Iterable<string>): void => {
    const entry = atEntry.get(target)!;
    const before = entry.size;
    for (const slot of slots) entry.add(slot);
    if (entry.size === before) return;
    entry.forEach((slot) => out.get(target)!.add(slot));
    queue.push(target);
  };
  const spread = (from: string): void => {
    for (const target of graph.nodes.get(from)!.successors) feed(target, out.get(from)!);
    if (anywhere.has(from)) return;
    const known = everywhere.size;
    out.get(from)!.forEach((slot) => everywhere.add(slot));
    // System nodes have been fed every slot known so far: only a new one needs passing on.
    if (everywhere.size !== known) for (const target of graph.anywhere) feed(target, everywhere);
  };
  for (let key = queue.pop(); key !== undefined; key = queue.pop()) spread(key);
  return { atEntry };
}

/** Each slot's possible values (as the engine compares them: as text), or null when it may hold any value. */
export type SlotValues = Map<string, Set<string> | null>;

/**
 * What each slot may hold: a choice question stores one of its choice ids, a `set:` its literal value;
 * any other ask, a compute or a `set:` of a list or map may store anything.
 */
export function slotValues(graph: FlowGraph): SlotValues {
  const values: SlotValues = new Map();
  const anything = (slot: string): void => void values.set(slot, null);
  const add = (slot: string, value: unknown): void => {
    if (value === null) return; // `set: { x: null }` clears the slot: no value to compare with.
    if (typeof value === 'object') return anything(slot);
    const known = values.get(slot);
    if (known === null) return;
    if (known) known.add(String(value));
    else values.set(slot, new Set([String(value)]));
  };
  for (const { model } of graph.nodes.values()) {
    const node = model.node;
    if (!node) continue;
    computedSlots(node).forEach(anything);
    const choices = askChoices(node);
    if (node.ask && !choices) anything(node.slot ?? model.id);
    for (const choice of choices ?? []) {
      add(node.slot ?? model.id, choice.id);
      for (const [slot, value] of Object.entries(choice.set ?? {})) add(slot, value);
    }
  }
  return values;
}

/** The values `slot` may hold, or undefined when it may hold anything (or nothing sets it: the unset check's business). */
export function valuesOf(slot: string, values: SlotValues): ReadonlySet<string> | undefined {
  let found: ReadonlySet<string> | undefined;
  for (const [path, known] of values) {
    if (path === slot) {
      if (known === null) return undefined;
      found = known;
    } else if (path.startsWith(`${slot}.`) || slot.startsWith(`${path}.`)) {
      // `set: { contact.name: x }` or a compute of `deadline`: the compared slot holds more than listed.
      return undefined;
    }
  }
  return found;
}

/** True when `path` (e.g. `deadline.date`) is covered by a set slot (`deadline`, `deadline.date` or `deadline.date.x`). */
export function isCovered(path: string, available: ReadonlySet<string>): boolean {
  const parts = path.split('.');
  for (let i = 1; i <= parts.length; i++) if (available.has(parts.slice(0, i).join('.'))) return true;
  for (const slot of available) if (slot.startsWith(`${path}.`)) return true;
  return false;
}

const MUNICIPALITY = 'municipality';

export function isMunicipalityPath(path: string): boolean {
  return path === MUNICIPALITY || path.startsWith(`${MUNICIPALITY}.`);
}

export interface MunicipalityPathProblem {
  /** E.g. `"municipality" has no "nmae"`. */
  reason: string;
  hint: string;
  /**
   * 'unset': a free name (a page, a fact, a contact) no municipality.yaml sets, and none close to it:
   * maybe one for councils to add, fine where the text has a fallback or a condition tests it.
   */
  kind: 'typo' | 'unset' | 'shape';
}

/** The zod internals this walk reads (zod 4's `def`). */
interface SchemaNode {
  def: { type: string; innerType?: SchemaNode; shape?: Record<string, SchemaNode>; catchall?: SchemaNode; valueType?: SchemaNode };
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'readonly']);

function unwrap(node: SchemaNode): SchemaNode {
  let current = node;
  while (WRAPPERS.has(current.def.type) && current.def.innerType) current = current.def.innerType;
  return current;
}

/**
 * Why `path` (`municipality.…`) names nothing a municipality.yaml can hold, or undefined when it is fine.
 * `single`: the path must end at one value (a text's placeholder), not at a group such as a contact.
 */
export function municipalityPathProblem(path: string, model: BundleModel, single: boolean): MunicipalityPathProblem | undefined {
  // The same few paths stand in every text of every language and municipality: each is worked out once per bundle.
  let known = pathProblems.get(model);
  if (!known) pathProblems.set(model, (known = new Map()));
  const key = `${single ? 1 : 0}${path}`;
  if (!known.has(key)) known.set(key, pathProblem(path, model, single));
  return known.get(key);
}

const pathProblems = new WeakMap<BundleModel, Map<string, MunicipalityPathProblem | undefined>>();

function pathProblem(path: string, model: BundleModel, single: boolean): MunicipalityPathProblem | undefined {
  const parts = path.split('.');
  const files = [...model.municipalities.values()].map((m) => m.data);
  let node = unwrap(municipalityFileSchema as unknown as SchemaNode);
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    const at = parts.slice(0, i).join('.');
    const { shape, catchall, valueType } = node.def;
    const free = node.def.type === 'record' ? valueType : catchall?.def.type === 'never' ? undefined : catchall;
    if (!shape && !free) {
      return { reason: `"${at}" is one value: it has no "${part}"`, hint: `write ${single ? `{${at}}` : at}`, kind: 'shape' };
    }
    const fixed = Object.keys(shape ?? {});
    const set = free ? setNames(files, parts.slice(1, i)) : [];
    const child = shape?.[part] ?? (free && set.includes(part) ? free : undefined);
    if (!child) return unknownPart(parts.slice(0, i), part, [...fixed, ...set], free !== undefined);
    node = unwrap(child);
  }
  if (single && (node.def.shape || node.def.type === 'record')) {
    const example = Object.keys(node.def.shape ?? {})[0] ?? 'name';
    return { reason: `"${path}" is a group of values, not one`, hint: `name one of them, e.g. {${path}.${example}}`, kind: 'shape' };
  }
  return undefined;
}

/** The names the municipality files set in the map at `inside` (e.g. `pages`). */
function setNames(files: unknown[], inside: string[]): string[] {
  const names = new Set<string>();
  for (const data of files) {
    const map = valueAt(data, inside);
    if (map !== null && typeof map === 'object' && !Array.isArray(map)) Object.keys(map).forEach((name) => names.add(name));
  }
  return [...names];
}

function unknownPart(before: string[], part: string, names: string[], free: boolean): MunicipalityPathProblem {
  const at = before.join('.');
  const match = closest(part, names);
  if (match !== undefined) {
    const reason = free ? `no municipality.yaml sets ${[...before.slice(1), part].join('.')}` : hasNo(at, part);
    return { reason, hint: `Did you mean "${at}.${match}"?`, kind: 'typo' };
  }
  if (!free) return { reason: hasNo(at, part), hint: `it has ${names.join(', ')}`, kind: 'typo' };
  const where = before.slice(1).join('.');
  const hint = `add ${part} under ${where}: in content/municipalities/<id>/municipality.yaml, or check the spelling`;
  return { reason: `no municipality.yaml sets ${where}.${part}`, hint, kind: 'unset' };
}

function hasNo(at: string, part: string): string {
  return at === MUNICIPALITY ? `a municipality has no "${part}"` : `"${at}" has no "${part}"`;
}
