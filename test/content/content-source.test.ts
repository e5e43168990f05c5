import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentLoadError, createContentSource, type ContentLogger, type ContentSource } from '../../src/content/index.js';
import type { Bundle } from '../../src/engine/types.js';
import { NOW, mainFlow, writeBundle, yaml } from './helpers.js';

interface Logged {
  level: 'info' | 'warn' | 'error';
  obj: object;
  msg?: string;
}

function recordingLogger(): ContentLogger & { logged: Logged[] } {
  const logged: Logged[] = [];
  return {
    logged,
    info: (obj, msg) => void logged.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => void logged.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => void logged.push({ level: 'error', obj, msg }),
  };
}

const hello = (text: string): string => yaml('main.title: Titel', `main.hello: ${text}`);
const sources: ContentSource[] = [];
afterEach(() => sources.splice(0).forEach((source) => source.close()));

async function open(dir: string, watch = false): Promise<{ source: ContentSource; logger: ReturnType<typeof recordingLogger> }> {
  const logger = recordingLogger();
  const source = await createContentSource(dir, { watch, logger, loadOptions: { now: NOW }, debounceMs: 50 });
  sources.push(source);
  return { source, logger };
}

function helloText(bundle: Bundle): string | undefined {
  return bundle.municipalities.demo?.texts.da?.['main.hello']?.text;
}

describe('createContentSource', () => {
  it('refuses to start with errors, carrying every problem', async () => {
    const dir = await writeBundle({ 'flows/main.yaml': mainFlow('  start:', '    say: [main.nope]') });
    const error = await createContentSource(dir, { watch: false, logger: recordingLogger(), loadOptions: { now: NOW } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentLoadError);
    expect((error as ContentLoadError).problems.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual(['content/da/main.yaml:2:1', 'flows/main.yaml:5:3', 'flows/main.yaml:6:11']);
    expect((error as Error).message).toContain('flows/main.yaml:6:11  content key "main.nope" has no text in da');
  });

  it('serves a bundle the caller already loaded, without loading it again, and reloads from the folder', async () => {
    const dir = await writeBundle();
    const { source: loaded } = await open(dir);
    const initial = loaded.current();
    await writeFile(join(dir, 'content/da/main.yaml'), hello('Hej igen'));
    const logger = recordingLogger();
    const source = await createContentSource(dir, { watch: false, logger, loadOptions: { now: NOW }, initial });
    sources.push(source);
    // The folder already holds the edit: a load at creation would have served it.
    expect(source.current()).toBe(initial);
    expect(logger.logged.map((l) => l.level)).toEqual(['info']);
    expect((await source.reload()).ok).toBe(true);
    expect(helloText(source.current())).toBe('Hej igen');
  });

  it('keeps the last good bundle on a broken edit and swaps on a good one', async () => {
    const dir = await writeBundle();
    const { source, logger } = await open(dir);
    const first = source.current();
    const changes: Bundle[] = [];
    source.onChange((bundle) => changes.push(bundle));

    await writeFile(join(dir, 'content/da/main.yaml'), hello('"Hej'));
    const broken = await source.reload();
    expect(broken.ok).toBe(false);
    expect(broken.problems[0]?.file).toBe('content/da/main.yaml');
    expect(source.current()).toBe(first);
    const rejected = logger.logged.find((l) => l.level === 'error')!;
    expect(rejected.msg).toBe('content reload rejected: keeping the last good version');
    expect(rejected.obj).toEqual({ version: first.version, problems: ['content/da/main.yaml:3:1  Missing closing "quote  (hint: close the quote or bracket that was opened)'] });

    await writeFile(join(dir, 'content/da/main.yaml'), hello('Goddag'));
    expect(await source.reload()).toEqual({ ok: true, problems: [] });
    expect(helloText(source.current())).toBe('Goddag');
    expect(source.current().version).not.toBe(first.version);
    expect(changes).toEqual([source.current()]);
  });

  it('logs a reload\'s warnings as check prints them, hints included', async () => {
    const dir = await writeBundle();
    const { source, logger } = await open(dir);
    await writeFile(join(dir, 'content/da/extra.yaml'), yaml('main.unused: Ikke brugt'));
    expect((await source.reload()).ok).toBe(true);
    expect(logger.logged.at(-1)).toEqual({
      level: 'info',
      msg: 'content reloaded',
      obj: {
        version: source.current().version,
        warnings: 1,
        problems: ['content/da/extra.yaml:1:1  warning: text "main.unused" (da) is not used by any flow  (hint: use it in a flow, or delete it)'],
      },
    });
  });

  it('logs a refused reload\'s errors before its warnings, at most 50 lines', async () => {
    const dir = await writeBundle();
    const { source, logger } = await open(dir);
    const unused = Array.from({ length: 60 }, (_, i) => `main.unused_${String(i).padStart(2, '0')}: Ikke brugt`);
    await writeFile(join(dir, 'content/da/extra.yaml'), yaml(...unused));
    await writeFile(join(dir, 'flows/main.yaml'), mainFlow('  start:', '    say: [main.hello]', '    next: nowhere'));
    expect((await source.reload()).ok).toBe(false);
    const { obj } = logger.logged.at(-1)!;
    const lines = (obj as { problems: string[] }).problems;
    expect(lines).toHaveLength(51);
    expect(lines[0]).toMatch(/^flows\/main\.yaml:7:11  next "nowhere" is not a node of flow "main"  \(hint: /);
    expect(lines[1]).toBe('content/da/extra.yaml:1:1  warning: text "main.unused_00" (da) is not used by any flow  (hint: use it in a flow, or delete it)');
    expect(lines[50]).toBe('and 11 more');
  });

  it('reloads by itself when a watched file changes', async () => {
    const dir = await writeBundle();
    const { source } = await open(dir, true);
    const changed = new Promise<Bundle>((resolve) => source.onChange(resolve));
    await writeFile(join(dir, 'content/da/main.yaml'), hello('Hej fra en redaktør'));
    expect(helloText(await changed)).toBe('Hej fra en redaktør');
  });

  it('runs reloads one at a time so the newest content wins', async () => {
    const dir = await writeBundle();
    const { source } = await open(dir);
    await writeFile(join(dir, 'content/da/main.yaml'), hello('Første'));
    const one = source.reload();
    await writeFile(join(dir, 'content/da/main.yaml'), hello('Anden'));
    const two = source.reload();
    await Promise.all([one, two]);
    expect(helloText(source.current())).toBe('Anden');
  });
});
