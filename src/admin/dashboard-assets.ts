/**
 * The dashboard's files: index.html and dashboard.css as written, and
 * dashboard.ts bundled by esbuild into one script on first request (then kept
 * in memory). No inline script or style anywhere, so the page runs under the
 * app's strict Content-Security-Policy, and nothing is fetched from elsewhere.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { scriptOnRequest } from '../browser-bundle.js';
import { loadOnce } from '../load-once.js';

const DASHBOARD_DIR = fileURLToPath(new URL('./dashboard/', import.meta.url));

export interface DashboardAssets {
  html(): Promise<string>;
  css(): Promise<string>;
  script(): Promise<string>;
}

export function createDashboardAssets(): DashboardAssets {
  return {
    html: loadOnce(() => readFile(`${DASHBOARD_DIR}index.html`, 'utf8')),
    css: loadOnce(() => readFile(`${DASHBOARD_DIR}dashboard.css`, 'utf8')),
    script: scriptOnRequest(`${DASHBOARD_DIR}dashboard.ts`),
  };
}
