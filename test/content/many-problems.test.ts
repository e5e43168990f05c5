import { describe, expect, it } from 'vitest';
import { checkExitCode, formatProblem, formatProblems, loadBundle, type Problem } from '../../src/content/index.js';
import { NOW, mainFlow, writeBundle, yaml } from './helpers.js';

describe('collecting problems', () => {
  it('reports every problem across files in one run, sorted by file and line', async () => {
    const dir = await writeBundle({
      'flows/main.yaml': mainFlow('  start:', '    say: [main.hello, main.missing]', '    next: fni', '  fin:', '    say: [main.hello]', '    end: true'),
      'flows/broken.yaml': yaml('id: broken', 'title: main.title', 'entry: a', 'nodes:', '  a:', '    say: [main.hello]', '    nxt: a'),
      'content/da/main.yaml': yaml('main.title: Titel', 'main.hello: "Hej {name:upper}"', 'main.law: Se § 7.'),
    });
    const { bundle, problems } = await loadBundle(dir, { now: NOW });
    expect(bundle).toBeUndefined();
    expect(formatProblems(problems).split('\n')).toEqual([
      'content/da/main.yaml:2:18  {name:upper} uses the unknown format "upper"  (hint: formats are: date, date-short)',
      'content/da/main.yaml:3:1  text "main.law" cites a § but has no source and reviewed  (hint: add source: (law and section, e.g. "Forvaltningsloven § 9") and reviewed: (the date it was checked, YYYY-MM-DD))',
      'flows/broken.yaml:7:5  unknown key "nxt"  (hint: Did you mean "next"?)',
      'flows/main.yaml:6:23  content key "main.missing" has no text in da  (hint: add it to content/da/main.yaml)',
      'flows/main.yaml:7:11  next "fni" is not a node of flow "main"  (hint: Did you mean "fin"?)',
    ]);
    expect(checkExitCode(problems)).toBe(1);
  });

  it('reports syntax errors in several files at once and skips the cross-file checks', async () => {
    const dir = await writeBundle({
      'flows/main.yaml': mainFlow('  start:', '    say: [main.hello', '    end: true'),
      'content/da/main.yaml': yaml('main.title: Titel', 'main.title: Igen'),
    });
    const { problems } = await loadBundle(dir, { now: NOW });
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(['content/da/main.yaml:2', 'flows/main.yaml:7']);
  });
});

describe('formatting problems', () => {
  const error: Problem = { severity: 'error', file: 'flows/a.yaml', line: 42, column: 11, message: 'next "x" is not a node', hint: 'Did you mean "y"?' };
  const warning: Problem = { severity: 'warning', file: 'content/da/a.yaml', line: 3, column: 1, message: 'text "a.b" (da) is not used by any flow' };

  it('formats file:line:column, two spaces, the message and the hint', () => {
    expect(formatProblem(error)).toBe('flows/a.yaml:42:11  next "x" is not a node  (hint: Did you mean "y"?)');
    expect(formatProblem(warning)).toBe('content/da/a.yaml:3:1  warning: text "a.b" (da) is not used by any flow');
  });

  it('sorts by file then line, and exits 1 only with errors', () => {
    const later = { ...warning, line: 1 };
    expect(formatProblems([error, warning, later]).split('\n').map((l) => l.split('  ')[0])).toEqual([
      'content/da/a.yaml:1:1',
      'content/da/a.yaml:3:1',
      'flows/a.yaml:42:11',
    ]);
    expect(checkExitCode([warning, later])).toBe(0);
    expect(checkExitCode([])).toBe(0);
    expect(checkExitCode([warning, error])).toBe(1);
  });
});
