/**
 * Turns zod issues into problems a council editor can act on: one problem per
 * cause, at the YAML node that causes it, in plain words. Unions are resolved
 * to the alternative the editor most likely meant. Pure.
 */
import type { z } from 'zod';
import type { Problem } from './problem.js';
import { problemAt, sourceAt, type PathSegment, type SourceFile } from './source-file.js';
import { didYouMean } from './suggest.js';
import { schemaKeys } from './json-schemas.js';

type Issue = z.core.$ZodIssue;

/** Problems for all issues of one validation of `data` (the file's data, or part of it at `base`). */
export function issueProblems(file: SourceFile, data: unknown, issues: readonly Issue[], base: PathSegment[] = []): Problem[] {
  return flatten(issues, data, []).flatMap(({ issue, path }) => describe(file, data, issue, base, path));
}

interface Located {
  issue: Issue;
  path: PathSegment[];
}

function flatten(issues: readonly Issue[], root: unknown, at: PathSegment[]): Located[] {
  return issues.flatMap((issue) => {
    const path = [...at, ...(issue.path as PathSegment[])];
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ issue, path }];
    const value = valueAt(root, path);
    if (value === undefined) return [{ issue: missingValue(), path }];
    if (issue.errors.every((branch) => mismatchesType(branch))) return [{ issue: typeUnion(issue, value), path }];
    const best = [...issue.errors].sort((a, b) => score(a, value) - score(b, value))[0]!;
    return flatten(best, root, path);
  });
}

/** How badly one alternative of a union fits: a wrong type at the top rules it out. */
function score(branch: readonly Issue[], value: unknown): number {
  let total = 0;
  for (const issue of branch) {
    const path = issue.path as PathSegment[];
    if (path.length === 1 && valueAt(value, path) === undefined) total += 10;
    else if (path.length === 0 && issue.code === 'invalid_type') total += 1000;
    else if (path.length === 0 && issue.code === 'unrecognized_keys') total += 10 * issue.keys.length;
    else if (issue.code === 'invalid_union') total += Math.min(...issue.errors.map((b) => score(b, valueAt(value, path))));
    else total += 1;
  }
  return total;
}

function mismatchesType(branch: readonly Issue[]): boolean {
  return branch.some(
    (i) =>
      i.path.length === 0 &&
      (i.code === 'invalid_type' || (i.code === 'invalid_union' && i.errors.every((b) => mismatchesType(b)))),
  );
}

/** A required union-typed key that is absent: reported as missing, not as a list of types. */
function missingValue(): Issue {
  return { code: 'invalid_type', expected: 'unknown', path: [], message: 'missing', input: undefined } as Issue;
}

function typeUnion(issue: Issue & { code: 'invalid_union' }, value: unknown): Issue {
  const expected = [...new Set(expectedTypes(issue.errors))];
  const message = `expected ${joinOr(expected.map(typeName))}, found ${kindOf(value)}`;
  return { code: 'custom', path: [], message, input: value, params: { expected } } as Issue;
}

function expectedTypes(branches: readonly (readonly Issue[])[]): string[] {
  return branches.flatMap((branch) =>
    branch.flatMap((i) => {
      if (i.path.length > 0) return [];
      if (i.code === 'invalid_type') return [i.expected];
      return i.code === 'invalid_union' ? expectedTypes(i.errors) : [];
    }),
  );
}

function describe(file: SourceFile, root: unknown, issue: Issue, base: PathSegment[], path: PathSegment[]): Problem[] {
  const at = [...base, ...path];
  const value = valueAt(root, path);
  const label = labelOf(at);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return [problemAt(file, at, 'error', `"${String(path.at(-1) ?? '')}" is missing`, `add ${String(path.at(-1))}: …`)];
      return [problemAt(file, at, 'error', `${label}: expected ${typeName(issue.expected)}, found ${kindOf(value)}`, textHint(file, at, [issue.expected], value))];
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        problemAt(file, [...at, key], 'error', `unknown key "${key}"`, didYouMean(key, schemaKeys()) ?? 'remove it, or check its spelling', { key: true }),
      );
    case 'invalid_key':
      return [problemAt(file, at, 'error', `"${String(path.at(-1))}" is not a valid name`, innerMessage(issue.issues), { key: true })];
    case 'invalid_format':
      return [problemAt(file, at, 'error', `${label} "${String(value)}" is not valid`, formatHint(issue))];
    case 'too_small':
      return [problemAt(file, at, 'error', tooSmall(label, issue.origin, Number(issue.minimum)))];
    case 'too_big':
      return [problemAt(file, at, 'error', `${label} is too ${issue.origin === 'number' ? 'large' : 'long'} (at most ${String(issue.maximum)})`)];
    case 'invalid_value':
      return [problemAt(file, at, 'error', `${label} "${String(value)}" is not allowed`, `use ${joinOr(issue.values.map((v) => `"${String(v)}"`))}`)];
    default: {
      const expected = issue.code === 'custom' ? (issue.params?.expected as string[] | undefined) : undefined;
      const hint = expected ? textHint(file, at, expected, value) : undefined;
      return [problemAt(file, at, 'error', at.length ? `${label}: ${issue.message}` : issue.message, hint)];
    }
  }
}

/** A number or true/false where a text belongs (`phone: 70445566`): quoting it, as written, makes it a text. */
function textHint(file: SourceFile, at: PathSegment[], expected: readonly string[], value: unknown): string | undefined {
  if (!expected.includes('string') || (typeof value !== 'number' && typeof value !== 'boolean')) return undefined;
  const written = sourceAt(file, at) ?? String(value);
  return `put it in double quotes: "${written}"`;
}

function formatHint(issue: Issue & { code: 'invalid_format' }): string {
  if (issue.format === 'url') return 'write a full web address, e.g. https://www.example.dk/page';
  return issue.message;
}

function tooSmall(label: string, origin: string, minimum: number): string {
  if (origin === 'array') return `${label} needs at least ${minimum} item${minimum === 1 ? '' : 's'}`;
  if (origin === 'string') return `${label} must not be empty`;
  return `${label} must be at least ${minimum}`;
}

function innerMessage(issues: readonly Issue[]): string {
  return issues.map((i) => i.message).join('; ');
}

/** "next", "item 2 of say", or "the file". */
function labelOf(path: readonly PathSegment[]): string {
  const last = path.at(-1);
  if (last === undefined) return 'the file';
  if (typeof last === 'string') return last;
  const parent = path.at(-2);
  return parent === undefined ? `item ${last + 1}` : `item ${last + 1} of ${String(parent)}`;
}

export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment as string];
  }
  return value;
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value === 'number' ? 'the number' : ''} ${String(value)}`.trim();
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'a text',
    object: 'a map (key: value lines)',
    record: 'a map (key: value lines)',
    array: 'a list ("- " lines)',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    null: 'nothing',
  };
  return names[expected] ?? expected;
}

function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
