/**
 * Evaluates the data conditions flows use (`{ slot, equals | in | before | after | exists | includes }`,
 * `all` / `any` / `not`). No expressions, no eval: a missing slot makes a comparison false.
 *
 * Pure.
 */
import { readPath } from './template.js';
import type { Condition, Operand } from './types.js';

export interface ConditionScope {
  /** Slots plus the read-only `municipality` namespace. */
  values: Record<string, unknown>;
  /** Today's ISO date, for `before: today` / `after: today`. */
  today: string;
}

function resolve(operand: Operand, scope: ConditionScope): unknown {
  if (typeof operand === 'object') return readPath(scope.values, operand.slot);
  if (operand === 'today') return scope.today;
  return operand;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // YAML authors write `equals: 3` for a slot holding "3" (and the reverse).
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  return scalar(a) && scalar(b) && String(a) === String(b);
}

function compare(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

export function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

export function evaluate(condition: Condition, scope: ConditionScope): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, scope));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, scope));
  if ('not' in condition) return !evaluate(condition.not, scope);
  const value = readPath(scope.values, condition.slot);
  if ('exists' in condition) return isPresent(value) === condition.exists;
  if ('equals' in condition) return same(value, resolve(condition.equals, scope));
  if ('in' in condition) return condition.in.some((option) => same(value, resolve(option, scope)));
  if ('includes' in condition) {
    const wanted = resolve(condition.includes, scope);
    return Array.isArray(value) && value.some((item) => same(item, wanted));
  }
  const other = resolve('before' in condition ? condition.before : condition.after, scope);
  const order = compare(value, other);
  if (order === undefined) return false;
  return 'before' in condition ? order < 0 : order > 0;
}

/** True when there is no condition. */
export function passes(condition: Condition | undefined, scope: ConditionScope): boolean {
  return condition === undefined || evaluate(condition, scope);
}
