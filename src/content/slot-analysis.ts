/**
 * Which slots may be set when a node is entered: a forward "may" analysis over
 * the view's node graph. A slot is set by a node's ask (its `slot`, default the
 * node id), a choice's `set`, and `compute` keys. System-flow nodes can be
 * shown from anywhere, so they see every slot any node may set. Pure.
 */
import type { FlowNode } from '../engine/types.js';
import { askChoices } from './flow-walk.js';
import type { FlowGraph } from './flow-graph.js';

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

/** True when `path` (e.g. `deadline.date`) is covered by a set slot (`deadline`, `deadline.date` or `deadline.date.x`). */
export function isCovered(path: string, available: ReadonlySet<string>): boolean {
  if (path === 'municipality' || path.startsWith('municipality.')) return true;
  const parts = path.split('.');
  for (let i = 1; i <= parts.length; i++) if (available.has(parts.slice(0, i).join('.'))) return true;
  for (const slot of available) if (slot.startsWith(`${path}.`)) return true;
  return false;
}
