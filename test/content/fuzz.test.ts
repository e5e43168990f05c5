import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/content/index.js';
import { mutate, mutation } from '../fuzz/yaml-mutations.js';
import { FIXTURE, NOW, writeBundle } from './helpers.js';

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.yaml')).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}

describe('loadBundle on randomly damaged YAML', () => {
  it('always resolves with problems or a bundle, never throws or hangs', async () => {
    const dir = await writeBundle({}, {});
    await cp(FIXTURE, dir, { recursive: true });
    const files = await yamlFiles(dir);
    const originals = new Map(await Promise.all(files.map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (file, mutations) => {
        const original = originals.get(file)!;
        await writeFile(join(dir, file), mutations.reduce(mutate, original));
        try {
          const result = await Promise.race([
            loadBundle(dir, { now: NOW }),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error('loadBundle hung')), 5000)),
          ]);
          expect(Array.isArray(result.problems)).toBe(true);
          expect(result.bundle !== undefined || result.problems.some((p) => p.severity === 'error')).toBe(true);
          // The loader's safety net must never be what answers: that would be a loader bug.
          expect(result.problems.filter((p) => p.file === '.')).toEqual([]);
          for (const p of result.problems) expect(p.line).toBeGreaterThanOrEqual(1);
        } finally {
          await writeFile(join(dir, file), original);
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
