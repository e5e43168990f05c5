/**
 * The duplicates check: a flow id, a content key (per locale) or a
 * municipality's overlay of one flow may be defined only once. The first
 * definition (by file path) is kept; each later one is an error. Pure.
 */
import type { FlowModel, OverlayModel, TextModel } from './model.js';
import type { Problem } from './problem.js';
import { positionOf, problemAt } from './source-file.js';

/** Adds `item` under `key` unless taken; returns the problem when it is. */
export function addUnique<T>(map: Map<string, T>, key: string, item: T, duplicate: (first: T, again: T) => Problem): Problem | undefined {
  const first = map.get(key);
  if (first === undefined) {
    map.set(key, item);
    return undefined;
  }
  return duplicate(first, item);
}

export function duplicateFlow(first: FlowModel, again: FlowModel): Problem {
  return problemAt(again.file, ['id'], 'error', `flow "${again.id}" is already defined in ${first.file.path}`, 'give each flow its own id');
}

export function duplicateText(first: TextModel, again: TextModel): Problem {
  const { line, column } = positionOf(first.file, [first.key], { key: true });
  const where = `${first.file.path}:${line}:${column}`;
  const message = `content key "${again.key}" is already defined for ${again.locale} in ${where}`;
  return problemAt(again.file, [again.key], 'error', message, 'keep one of them, or rename this one', { key: true });
}

export function duplicateOverlay(first: OverlayModel, again: OverlayModel): Problem {
  const message = `flow "${again.flow}" is already changed in ${first.file.path}`;
  return problemAt(again.file, ['id'], 'error', message, 'put all changes to one flow in one file');
}
