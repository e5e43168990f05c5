/**
 * Hot reload on a copy of the real content, saved the ways editors and tools save:
 * appending in place, and writing a copy that is renamed over the file (an editor's
 * atomic save, `sed -i`, git checkout). Waits for each reload with a generous deadline.
 */
import { appendFile, copyFile, cp, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createContentSource, loadBundle, type ContentSource } from '../../src/content/index.js';
import { writeBundle } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const RELOAD_DEADLINE_MS = 20_000;
const silent = { info() {}, warn() {}, error() {} };
const sources: ContentSource[] = [];
afterEach(() => sources.splice(0).forEach((source) => source.close()));

async function copyOfContent(): Promise<string> {
  const dir = await writeBundle({}, {});
  await cp(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  await cp(join(ROOT, 'flows'), join(dir, 'flows'), { recursive: true });
  return dir;
}

/** Resolves once the source serves what the folder now holds; fails after the deadline. */
async function servesFolder(source: ContentSource, dir: string, step: string): Promise<void> {
  const wanted = (await loadBundle(dir)).bundle?.version;
  expect(wanted).toBeDefined();
  if (source.current().version === wanted) return;
  let unsubscribe = (): void => {};
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no reload after ${step} within ${RELOAD_DEADLINE_MS} ms`)), RELOAD_DEADLINE_MS);
      unsubscribe = source.onChange((bundle) => {
        if (bundle.version === wanted) resolve();
      });
      if (source.current().version === wanted) resolve();
    });
  } finally {
    clearTimeout(timer);
    unsubscribe();
  }
}

describe('content hot reload', () => {
  it('keeps seeing a file after it was replaced by a renamed copy', { timeout: 90_000 }, async () => {
    const dir = await copyOfContent();
    const source = await createContentSource(dir, { watch: true, logger: silent, debounceMs: 50 });
    sources.push(source);
    const menu = join(dir, 'content/da/menu.yaml');
    const copy = join(dir, 'content/da/.t');

    await appendFile(menu, '# 1\n');
    await servesFolder(source, dir, 'an append');

    await copyFile(menu, copy);
    await appendFile(copy, '# 2\n');
    await rename(copy, menu);
    await servesFolder(source, dir, 'a copy renamed over the file');

    await appendFile(menu, '# 3\n');
    await servesFolder(source, dir, 'an append to the renamed file');
  });

  it('watches a folder made after start', { timeout: 90_000 }, async () => {
    const dir = await copyOfContent();
    const source = await createContentSource(dir, { watch: true, logger: silent, debounceMs: 50 });
    sources.push(source);
    const folder = join(dir, 'content/municipalities/oesterby/da');
    await mkdir(folder);
    await copyFile(join(dir, 'content/municipalities/nordby/da/menu.yaml'), join(folder, 'menu.yaml'));
    await servesFolder(source, dir, 'a new folder with a file');

    await appendFile(join(folder, 'menu.yaml'), '# 1\n');
    await servesFolder(source, dir, 'an append to a file in the new folder');
  });
});
