/**
 * One YAML file of the bundle, with positions so every problem can point at
 * the line and column that causes it. Pure (the text is handed in).
 *
 * Plain YAML is read by the fast reader (plain-yaml.ts) and its positions are
 * worked out only when a problem in that file needs one; anything else is read
 * with positions at once, and its syntax errors and warnings are reported.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, Pair, YAMLError } from 'yaml';
import { readPlainYaml } from './plain-yaml.js';
import type { Problem, Severity } from './problem.js';

export type PathSegment = string | number;

export interface SourceFile {
  /** Relative to the bundle folder, with "/" separators, e.g. `flows/complaint.yaml`. */
  path: string;
  text: string;
  /** The plain data (undefined when the YAML could not be turned into data). */
  data: unknown;
  /** False when the YAML has syntax errors: its data is then not used for checks. */
  syntaxOk: boolean;
}

export interface Position {
  line: number;
  column: number;
}

const SYNTAX_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'each key may appear only once in a map: remove or rename one of them',
  BAD_INDENT: 'line up keys of the same map with the same number of spaces',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MISSING_CHAR: 'close the quote or bracket that was opened',
  MULTIPLE_DOCS: 'keep one document a file: remove the "---" line',
  BLOCK_AS_IMPLICIT_KEY: 'put a nested map on its own indented lines, or quote a text that contains ": "',
};

export interface Located {
  doc: Document;
  lines: LineCounter;
}

/** Each file's document with positions, once parsed (kept apart so a SourceFile stays plain data). */
const locatedFiles = new WeakMap<SourceFile, Located>();

/** The full reader: positions, syntax errors and warnings (also what plain-yaml.test.ts holds the fast reader to). */
export function parseWithPositions(text: string): Located {
  const lines = new LineCounter();
  // logLevel 'error': yaml would print odd input (a list used as a key) to the console; the schema check reports it instead.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  return { doc, lines };
}

function located(file: SourceFile): Located {
  let found = locatedFiles.get(file);
  if (!found) {
    found = parseWithPositions(file.text);
    locatedFiles.set(file, found);
  }
  return found;
}

/** Parses YAML text; syntax errors and warnings become problems with their own positions. */
export function parseSourceFile(path: string, text: string): { file: SourceFile; problems: Problem[] } {
  const plain = readPlainYaml(text);
  if (plain) return { file: { path, text, data: plain.data, syntaxOk: true }, problems: [] };
  const { doc, lines } = parseWithPositions(text);
  const file: SourceFile = { path, text, data: undefined, syntaxOk: doc.errors.length === 0 };
  locatedFiles.set(file, { doc, lines });
  const problems = [
    ...doc.errors.map((e) => yamlProblem(file, e, 'error')),
    ...doc.warnings.map((e) => yamlProblem(file, e, 'warning')),
  ];
  try {
    file.data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    file.syntaxOk = false;
    problems.push(problemAtOffset(file, 0, 'error', `the YAML could not be read: ${(error as Error).message}`));
  }
  return { file, problems };
}

function yamlProblem(file: SourceFile, e: YAMLError, severity: Severity): Problem {
  const hint = SYNTAX_HINTS[e.code] ?? 'check the YAML syntax on this line and the line before';
  return problemAtOffset(file, e.pos[0], severity, firstLine(e.message), hint);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

export function problemAtOffset(file: SourceFile, offset: number, severity: Severity, message: string, hint?: string): Problem {
  const { line, col } = located(file).lines.linePos(Math.max(0, Math.min(offset, file.text.length)));
  return withHint({ severity, file: file.path, line, column: col, message }, hint);
}

export interface PointOptions {
  /** Point at the key of the last path segment instead of its value. */
  key?: boolean;
  /** Point inside the value at the first occurrence of this text (e.g. a placeholder). */
  find?: string;
}

/** A problem at the YAML node reached by `path` (or the nearest existing parent). */
export function problemAt(
  file: SourceFile,
  path: readonly PathSegment[],
  severity: Severity,
  message: string,
  hint?: string,
  options: PointOptions = {},
): Problem {
  return problemAtOffset(file, offsetOf(file, path, options), severity, message, hint);
}

export function positionOf(file: SourceFile, path: readonly PathSegment[], options: PointOptions = {}): Position {
  const { line, col } = located(file).lines.linePos(offsetOf(file, path, options));
  return { line, column: col };
}

function offsetOf(file: SourceFile, path: readonly PathSegment[], options: PointOptions): number {
  const found = walk(located(file).doc.contents as Node | null, path);
  const complete = found.depth === path.length;
  const keyOffset = found.pair && isScalar(found.pair.key) ? found.pair.key.range?.[0] : undefined;
  if (!complete || options.key || isEmpty(found.node)) {
    return keyOffset ?? found.node?.range?.[0] ?? 0;
  }
  const start = found.node?.range?.[0] ?? keyOffset ?? 0;
  if (options.find && found.node?.range) {
    const index = file.text.slice(start, found.node.range[1]).indexOf(options.find);
    if (index >= 0) return start + index;
  }
  return start;
}

interface Walked {
  node: Node | null;
  pair?: Pair;
  depth: number;
}

/** Follows map keys and list indexes as far as the document has them. */
function walk(root: Node | null, path: readonly PathSegment[]): Walked {
  let current: Walked = { node: root, depth: 0 };
  for (const segment of path) {
    const next = child(current.node, segment);
    if (!next) break;
    current = { node: next.node, pair: next.pair, depth: current.depth + 1 };
  }
  return current;
}

function child(node: Node | null, segment: PathSegment): { node: Node | null; pair?: Pair } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
    return pair ? { node: (pair.value as Node | null) ?? null, pair } : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    return item ? { node: item } : undefined;
  }
  return undefined;
}

function isEmpty(node: Node | null): boolean {
  return !node || (isScalar(node) && node.value === null && !node.source);
}

function withHint(problem: Problem, hint: string | undefined): Problem {
  return hint ? { ...problem, hint } : problem;
}
