/** Small bundle folders written to the OS temp folder, for tests that need exact positions. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { formatProblem, loadBundle, type LoadOptions, type Problem } from '../../src/content/index.js';

export const NOW = new Date('2026-06-01T12:00:00Z');
export const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'bundle');

/** The smallest valid bundle: one flow, Danish only, one municipality. Tests replace or add files. */
export const MINIMAL: Record<string, string> = {
  'content/settings.yaml': ['mainFlow: main', 'defaultMunicipality: demo', 'locales:', '  da: { name: Dansk }', ''].join('\n'),
  'flows/main.yaml': ['id: main', 'title: main.title', 'entry: start', 'nodes:', '  start:', '    say: [main.hello]', '    end: true', ''].join('\n'),
  'content/da/main.yaml': ['main.title: Titel', 'main.hello: Hej', ''].join('\n'),
  'content/municipalities/demo/municipality.yaml': ['id: demo', 'name: Demo Kommune', 'contacts:', '  citizen_service: { phone: "+45 11 22 33 44" }', ''].join('\n'),
};

const created: string[] = [];
afterAll(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Writes `files` (path → text; undefined deletes a MINIMAL file) over MINIMAL into a new temp folder. */
export async function writeBundle(files: Record<string, string | undefined> = {}, base: Record<string, string> = MINIMAL): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'medspiller-content-'));
  created.push(dir);
  for (const [path, text] of Object.entries({ ...base, ...files })) {
    if (text === undefined) continue;
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** YAML lines joined with newlines (so a test's line numbers are easy to count). */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** The `main` flow entered at `start`: these four header lines, then `nodes` (so the first node is on line 5). */
export function mainFlow(...nodes: string[]): string {
  return yaml('id: main', 'title: main.title', 'entry: start', 'nodes:', ...nodes);
}

/** Loads a bundle written from `files` and returns its problems formatted (`file:line:col  message  (hint: …)`). */
export async function problemsOf(files: Record<string, string | undefined>, options: LoadOptions = {}): Promise<string[]> {
  const { problems } = await load(files, options);
  return problems.map(formatProblem);
}

export async function load(files: Record<string, string | undefined>, options: LoadOptions = {}): Promise<{ problems: Problem[]; bundle?: unknown; dir: string }> {
  const dir = await writeBundle(files);
  return { ...(await loadBundle(dir, { now: NOW, ...options })), dir };
}
