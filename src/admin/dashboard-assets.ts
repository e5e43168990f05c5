/**
 * The dashboard's files: index.html and dashboard.css as written, and
 * dashboard.ts bundled by esbuild into one script on first request (then kept
 * in memory). No inline script or style anywhere, so the page runs under the
 * app's strict Content-Security-Policy, and nothing is fetched from elsewhere.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const DASHBOARD_DIR = fileURLToPath(new URL('./dashboard/', import.meta.url));

export interface DashboardAssets {
  html(): Promise<string>;
  css(): Promise<string>;
  script(): Promise<string>;
}

async function bundleScript(): Promise<string> {
  const result = await build({
    entryPoints: [`${DASHBOARD_DIR}dashboard.ts`],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: ['chrome100', 'firefox100', 'safari15'],
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

function once(load: () => Promise<string>): () => Promise<string> {
  let pending: Promise<string> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined; // try again on the next request
      throw error;
    });
    return pending;
  };
}

export function createDashboardAssets(): DashboardAssets {
  return {
    html: once(() => readFile(`${DASHBOARD_DIR}index.html`, 'utf8')),
    css: once(() => readFile(`${DASHBOARD_DIR}dashboard.css`, 'utf8')),
    script: once(bundleScript),
  };
}
