import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlainYaml } from '../../src/content/plain-yaml.js';
import { parseSourceFile, parseWithPositions, problemAt } from '../../src/content/source-file.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** What the full reader makes of the text: its data, or why it would report a problem. */
function fullReading(text: string): { data?: unknown; problem?: string } {
  const { doc } = parseWithPositions(text);
  const problem = doc.errors[0]?.code ?? doc.warnings[0]?.code;
  return problem ? { problem } : { data: doc.toJS({ maxAliasCount: 100 }) };
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? yamlFiles(path) : entry.name.endsWith('.yaml') ? [path] : [];
  });
}

const AGREEING = [
  'a: 1', 'a: 017', 'a: 0o17', 'a: 0x1F', 'a: 1_000', 'a: 1e3', 'a: .5', 'a: +12', 'a: -.inf', 'a: ~', 'a: Null',
  'a: yes', 'a: True', 'a: on', '1: x', 'true: x', 'a: 2026-11-23', 'a: 12:30', '"": x', 'a: "\\u00e6"',
  "a: 'it''s'", 'a: |\n  x\n  y\n', 'a: >-\n  x\n  y\n', 'a: x #c', 'a: x#c', 'a:\n- 1\n- 2', '<<: {a: 1}\nb: 2',
  '\ufeffa: 1', 'a: 1\r\nb: 2\r\n', 'a: [1,\n  2]', 'a: {x: 1,\n  y: 2}', '---\na: 1', 'x: Hej du!', '__proto__: 1',
  'a: x:y', '- - a\n  - b',
];

/** Where the readers could disagree, or the full reader has something to say: the fast one must give way. */
const GIVING_WAY = [
  '%YAML 1.1\n---\na: yes', // 1.1 makes `yes` true
  'a: !!float 1', // yaml warns and keeps the string
  'a: !foo 1',
  'a: &x 1', // an anchor drops the word after "&": source-file.ts reports it
  '~: x', // a null key is "" to yaml, "null" to js-yaml
  'null: x',
  'a:\n  ~: 1',
  'a: &x 1\nb: *x',
  '[a, b]: x',
  '',
  '# only a comment',
  'a: 1\na: 2',
  'a: 1\n---\nb: 2',
  'a:\n\tb: 1',
  'a: "unterminated',
  'a: b: c',
  'a: @x',
];

describe('the fast reader of plain YAML', () => {
  it('reads every file of the bundle, the same as the full reader', () => {
    const files = [...yamlFiles(join(ROOT, 'flows')), ...yamlFiles(join(ROOT, 'content'))];
    expect(files.length).toBeGreaterThan(40);
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      const fast = readPlainYaml(text);
      expect(fast, `${relative(ROOT, path)} was not read by the fast reader`).toBeDefined();
      expect(fast!.data, relative(ROOT, path)).toEqual(fullReading(text).data);
    }
  });

  it.each(AGREEING)('agrees with the full reader on %j', (text) => {
    const full = fullReading(text);
    expect(full.problem).toBeUndefined();
    expect(readPlainYaml(text)).toEqual({ data: full.data });
  });

  it.each(GIVING_WAY)('leaves %j to the full reader', (text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });

  it('still points a problem in a fast-read file at its line and column', () => {
    const { file, problems } = parseSourceFile('flows/x.yaml', 'id: x\nnodes:\n  start:\n    next: nowhere\n');
    expect(problems).toEqual([]);
    const problem = problemAt(file, ['nodes', 'start', 'next'], 'error', 'no such node');
    expect(problem).toMatchObject({ file: 'flows/x.yaml', line: 4, column: 11 });
  });

  it('reports a syntax error the fast reader refused with the full reader\'s hint', () => {
    const { file, problems } = parseSourceFile('flows/x.yaml', 'id: x\nid: y\n');
    expect(file.syntaxOk).toBe(false);
    expect(problems).toMatchObject([{ severity: 'error', line: 2, hint: expect.stringContaining('only once') }]);
  });
});
