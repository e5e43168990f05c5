/**
 * One YAML file of the bundle, with positions so every problem can point at
 * the line and column that causes it. Pure (the text is handed in).
 *
 * Plain YAML is read by the fast reader (plain-yaml.ts) and its positions are
 * worked out only when a problem in that file needs one; anything else is read
 * with positions at once, and its syntax errors and warnings are reported.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
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
  MULTIPLE_DOCS: 'keep one document a file: remove the "---" line',
  BLOCK_AS_IMPLICIT_KEY: 'put a nested map on its own indented lines, or quote a text that contains ": "',
};
const GENERIC_HINT = 'check the YAML syntax on this line and the line before';

const QUOTE_MESSAGE = 'the text on this line must be in double quotes';
const MISSING_COLON = 'a colon is missing after the key';
const MISSING_COLON_HINT = 'write the key, then ": ", then the text (e.g. complaint.intro: Hej); a line that goes on with the text above must be indented';
/** Characters that make YAML read a value as something other than a text when they start it. */
const SPECIAL_START = new Set(['{', '[', "'", '"', '>', '|', '*', '&', '!', '@', '`', '%', '-']);

function quoteHint(char: string | undefined): string {
  if (char === undefined || !SPECIAL_START.has(char)) return 'put the whole text in double quotes: key: "…"';
  return `a text that starts with ${char} must be in double quotes${char === '"' ? ' (write \\" for a " inside it)' : ''}`;
}

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
  const file: SourceFile = { path, text, data: undefined, syntaxOk: false };
  locatedFiles.set(file, { doc, lines });
  const errors = firstOnEachLine([...doc.errors.map((e) => yamlProblem(file, e, 'error')), ...textMarkProblems(file, doc)]);
  // Every tag is reported as an error above, so yaml's warning about an unknown one would only repeat it.
  const warnings = doc.warnings.filter((e) => e.code !== 'TAG_RESOLVE_FAILED').map((e) => yamlProblem(file, e, 'warning'));
  const problems = [...errors, ...warnings];
  // Data read past a syntax error is guesswork (and an unresolved alias would throw).
  if (errors.length > 0) return { file, problems };
  try {
    file.data = doc.toJS({ maxAliasCount: 100 });
    file.syntaxOk = true;
  } catch {
    // Only a document that repeats its aliases too often gets here (a "billion laughs").
    const hint = 'write the values out instead of repeating them with & and *';
    problems.push(problemAtOffset(file, firstAliasOffset(doc), 'error', 'the file repeats its * aliases too often to be read', hint));
  }
  return { file, problems };
}

function yamlProblem(file: SourceFile, e: YAMLError, severity: Severity): Problem {
  const offset = e.pos[0];
  const message = firstLine(e.message);
  const at = (text: string, hint: string): Problem => problemAtOffset(file, offset, severity, text, hint);
  if (e.code === 'MULTILINE_IMPLICIT_KEY' || /followed by map values/.test(message)) return at(MISSING_COLON, MISSING_COLON_HINT);
  if (e.code === 'BAD_SCALAR_START') return at(QUOTE_MESSAGE, quoteHint(file.text[offset]));
  const unclosed = /end with an? ([}\]])$/.exec(message);
  if (unclosed) {
    const open = unclosed[1] === '}' ? '{' : '[';
    return at(`a ${open} is not closed with ${unclosed[1]}`, `close the ${open} opened above, or put a text that starts with ${open} in double quotes`);
  }
  if (e.code === 'UNEXPECTED_TOKEN' && /at node end|Not a YAML token|Block scalar header|block-seq-ind/.test(message)) {
    // Point at the start of the text, whose first character is the cause, not where the parser gave up.
    const start = valueStart(file.text, offset);
    return problemAtOffset(file, start, severity, QUOTE_MESSAGE, quoteHint(file.text[start]));
  }
  // Only a quote or bracket that was opened can be closed.
  if (e.code === 'MISSING_CHAR' && /closing|to end with/.test(message)) return at(message, 'close the quote or bracket that was opened');
  return at(message, SYNTAX_HINTS[e.code] ?? GENERIC_HINT);
}

/** Where the value on the line of `offset` starts (after the indent, a "- " and a "key: "). */
function valueStart(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = /^[ \t]*(?:-[ \t]+)?(?:[^\s{["'][^:\n]*:[ \t]+)?/.exec(text.slice(lineStart))![0];
  return Math.min(lineStart + prefix.length, offset);
}

/**
 * What YAML silently takes out of a text: a `!` at its start is a tag, a `&` an anchor, and a `*` an
 * alias (`**Hvad …**` is read as the alias `*Hvad`). Each is reported where it is written.
 */
function textMarkProblems(file: SourceFile, doc: Document): Problem[] {
  const problems: Problem[] = [];
  const aliased = new Set<string>();
  visit(doc, { Alias: (_key, alias) => void aliased.add(alias.source) });
  const mark = (node: Node, char: '!' | '&'): void => {
    const start = node.range?.[0] ?? 0;
    const at = file.text.lastIndexOf(char, start);
    problems.push(problemAtOffset(file, at >= 0 ? at : start, 'error', QUOTE_MESSAGE, quoteHint(char)));
  };
  visit(doc, {
    Node: (_key, node) => {
      if (node.tag) mark(node, '!');
      // An anchor no alias uses does nothing but drop the word after its "&".
      if (isScalar(node) && node.anchor && !aliased.has(node.anchor)) mark(node, '&');
    },
    Alias: (_key, alias) => {
      if (!alias.resolve(doc)) problems.push(problemAtOffset(file, alias.range?.[0] ?? 0, 'error', QUOTE_MESSAGE, quoteHint('*')));
    },
  });
  return problems;
}

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias: (_key, alias) => {
      offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** One syntax error a line: the first is the cause, the rest of the line is the parser losing its way. */
function firstOnEachLine(problems: Problem[]): Problem[] {
  const seen = new Set<number>();
  return [...problems]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .filter((p) => {
      if (seen.has(p.line)) return false;
      seen.add(p.line);
      return true;
    });
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

/** The value at `path` as written in the file (`070445566` where the data holds the number 70445566). */
export function sourceAt(file: SourceFile, path: readonly PathSegment[]): string | undefined {
  const found = walk(located(file).doc.contents as Node | null, path);
  const range = found.depth === path.length ? found.node?.range : undefined;
  return range ? file.text.slice(range[0], range[1]) : undefined;
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
