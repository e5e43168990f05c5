/**
 * The repository's own flows/ and content/, loaded once per test file, and the
 * flow ids found in flows/ (every one of them gets a script and a map).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBundle, formatProblem } from '../../src/content/index.js';
import { CONTENT_NAMES } from '../../src/conversation/content-names.js';
import type { Bundle } from '../../src/engine/types.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const FLOW_IDS = readdirSync(`${ROOT}flows`)
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''))
  .sort();

let loading: Promise<Bundle> | undefined;

export function realBundle(): Promise<Bundle> {
  loading ??= loadBundle(ROOT, CONTENT_NAMES).then(({ bundle, problems }) => {
    if (!bundle) throw new Error(`the repository's content does not load:\n${problems.map(formatProblem).join('\n')}`);
    return bundle;
  });
  return loading;
}
