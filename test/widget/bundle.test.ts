import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the build script is plain JavaScript run by node
import { buildWidget } from '../../scripts/build-widget.mjs';

const dir = mkdtempSync(join(tmpdir(), 'medspiller-widget-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the widget bundle', () => {
  it('is one file of at most 16 KB gzipped, with no eval and no third-party addresses', async () => {
    const outfile = join(dir, 'widget.js');
    const { gzipped } = (await buildWidget({ outfile })) as { bytes: number; gzipped: number };
    console.info(`widget.js: ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThanOrEqual(16 * 1024);

    const code = readFileSync(outfile, 'utf8');
    expect(code).not.toMatch(/\beval\(|new Function\(|\.innerHTML\b|insertAdjacentHTML|document\.write\(/);
    const addresses = code.match(/https?:\/\/[^\s"'`)]+/g) ?? [];
    expect(addresses).toEqual([]);
  });
});
