/**
 * Content timings:
 *  - the full bundle (every flow, locale and municipality overlay in the
 *    repository) read, validated, checked and built: the first load in the
 *    process (as at start-up) and the median of the loads after it;
 *  - a synthetic bundle of 100 municipality overlays: the repository's
 *    content copied to a temporary folder with 100 more municipalities, each a
 *    copy of one of the real overlays (with its texts and flow overrides) under
 *    a new id;
 *  - a hot reload: a text edited on disk, then `reload()` on a running content
 *    source until the new bundle serves. The file watcher adds its debounce
 *    (200 ms by default) before it calls the same reload.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createContentSource, loadBundle, type LoadOptions } from '../src/content/index.js';
import type { Bundle } from '../src/engine/types.js';
import { silentLogger } from '../src/logger.js';
import { median, round } from './stats.js';

export interface ContentOptions {
  /** Timed loads after the first (median reported). */
  repeats: number;
  overlays: number;
}

export interface BundleLoad {
  firstMs: number;
  medianMs: number;
  flows: number;
  locales: number;
  municipalities: number;
  /** Warnings the checks reported (errors would have stopped the load). */
  warnings: number;
}

export interface ContentResult {
  fullBundle: BundleLoad;
  syntheticOverlays: BundleLoad;
  hotReloadMs: number;
}

async function timedLoads(dir: string, options: LoadOptions, repeats: number): Promise<BundleLoad> {
  const times: number[] = [];
  let bundle: Bundle | undefined;
  let warnings = 0;
  for (let i = 0; i <= repeats; i++) {
    const started = performance.now();
    const result = await loadBundle(dir, options);
    times.push(performance.now() - started);
    if (!result.bundle) throw new Error(`the bundle in ${dir} did not load: ${result.problems.find((p) => p.severity === 'error')?.message}`);
    bundle = result.bundle;
    warnings = result.problems.length;
  }
  const place = bundle!.municipalities[bundle!.defaultMunicipality]!;
  return {
    firstMs: round(times[0]!),
    medianMs: round(median(times.slice(1))),
    flows: Object.keys(place.flows).length,
    locales: bundle!.locales.length,
    municipalities: Object.keys(bundle!.municipalities).length,
    warnings,
  };
}

/** Copies flows/ and content/ of `root` into a new temporary folder. */
function copyContent(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'medspiller-bench-content-'));
  for (const folder of ['flows', 'content']) cpSync(join(root, folder), join(dir, folder), { recursive: true });
  return dir;
}

/** Adds `count` municipalities to a copied bundle, each a copy of one of its overlays under a new id. */
function addOverlays(dir: string, count: number): void {
  const municipalities = join(dir, 'content', 'municipalities');
  const originals = readdirSync(municipalities).sort();
  for (let i = 0; i < count; i++) {
    const original = originals[i % originals.length]!;
    const id = `bench-${String(i + 1).padStart(3, '0')}`;
    cpSync(join(municipalities, original), join(municipalities, id), { recursive: true });
    const file = join(municipalities, id, 'municipality.yaml');
    const yaml = readFileSync(file, 'utf8');
    if (!new RegExp(`^id: ${original}$`, 'm').test(yaml)) throw new Error(`${original}/municipality.yaml has no "id: ${original}" line`);
    writeFileSync(file, yaml.replace(new RegExp(`^id: ${original}$`, 'm'), `id: ${id}`));
  }
}

/** Writes one Danish text file anew (its text gets a counter), reloads, and checks the new version serves. */
async function timeHotReloads(dir: string, options: LoadOptions, repeats: number): Promise<number> {
  const source = await createContentSource(dir, { watch: false, logger: silentLogger(), loadOptions: options });
  const file = join(dir, 'content', 'da', 'bench-reload.yaml');
  const times: number[] = [];
  try {
    for (let i = 0; i < Math.max(repeats, 1); i++) {
      const before = source.current().version;
      writeFileSync(file, `bench.reload_marker: "Version ${i}"\n`);
      const started = performance.now();
      const result = await source.reload();
      times.push(performance.now() - started);
      if (!result.ok || source.current().version === before) throw new Error('the hot reload did not serve the edited content');
    }
  } finally {
    source.close();
    rmSync(file, { force: true });
  }
  return round(median(times));
}

export async function benchContent(root: string, loadOptions: LoadOptions, options: ContentOptions): Promise<ContentResult> {
  const fullBundle = await timedLoads(root, loadOptions, options.repeats);
  const dir = copyContent(root);
  try {
    const hotReloadMs = await timeHotReloads(dir, loadOptions, options.repeats);
    addOverlays(dir, options.overlays);
    const syntheticOverlays = await timedLoads(dir, loadOptions, options.repeats);
    return { fullBundle, syntheticOverlays, hotReloadMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
