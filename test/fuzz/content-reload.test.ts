/**
 * Hot reload of the real flows and content under random damage: whatever an
 * edit does to any YAML file (a flow, a text file, a municipality overlay), a
 * reload never throws or hangs; a refused edit keeps the last good bundle
 * serving, and an accepted one still starts a conversation. The loader's own
 * fuzz test (test/content/fuzz.test.ts) does the same to the small fixture.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createContentSource } from '../../src/content/index.js';
import { startConversation } from '../../src/engine/index.js';
import { CONTENT_NAMES } from '../../src/conversation/content-names.js';
import { silentLogger } from '../../src/logger.js';
import { copyContent } from '../cli/run-cli.js';
import { REAL_CONTENT_DIR } from '../reliability/api-client.js';
import { mutate, mutation } from './yaml-mutations.js';

const dir = copyContent(REAL_CONTENT_DIR);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
  .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
  .sort();

describe('content reload of the real content under random damage', () => {
  it('refuses broken edits, keeps the last good bundle, and never throws or hangs', async () => {
    const source = await createContentSource(dir, { watch: false, logger: silentLogger(), loadOptions: CONTENT_NAMES });
    const good = source.current();
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...files), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (file, mutations) => {
          const original = readFileSync(join(dir, file), 'utf8');
          const serving = source.current().version;
          writeFileSync(join(dir, file), mutations.reduce(mutate, original));
          try {
            const result = await Promise.race([
              source.reload(),
              new Promise<never>((_, reject) => setTimeout(() => reject(new Error('reload hung')), 10_000)),
            ]);
            if (!result.ok) {
              expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
              expect(source.current().version).toBe(serving);
            }
            const started = startConversation(source.current(), {}, { now: new Date('2026-03-10T10:00:00Z') });
            expect(started.prompt.kind).not.toBe('none');
          } finally {
            writeFileSync(join(dir, file), original);
            await source.reload();
          }
        }),
        { numRuns: 25 },
      );
      expect(source.current().version).toBe(good.version);
    } finally {
      source.close();
    }
  }, 240_000);
});
