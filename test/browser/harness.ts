/**
 * Shared set-up for the widget's browser tests: real Chromium (Debian's
 * /usr/bin/chromium via playwright-core), the real app from buildApp on the
 * repository's flows/ and content/ with in-memory stores, listening on a free port.
 * Without Chromium the suites are skipped with a printed reason, except when
 * CI=true: then a missing browser fails the run.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
// @ts-expect-error: the build script is plain JavaScript run by node
import { buildWidget } from '../../scripts/build-widget.mjs';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { buildApp } from '../../src/server.js';
import { createMemoryStores } from '../../src/stores/create-stores.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RESULTS_DIR = `${ROOT}test-results/`;

function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const reason = `${CHROMIUM_PATH} not found (install it with: apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(`The widget's browser tests are required on CI, but ${reason}.`);
  console.warn(`Skipping the widget's browser tests: ${reason}.`);
  return false;
}

export const skipBrowser = !chromiumAvailable();

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

/** Builds public/widget.js and starts the real app on a free port. */
export async function startApp(): Promise<RunningApp> {
  await buildWidget();
  const config = loadConfig(
    { NODE_ENV: 'test', MEDSPILLER_RATE_LIMIT: '0', MEDSPILLER_WATCH_CONTENT: 'false', MEDSPILLER_CONTENT_DIR: ROOT },
    ROOT,
  );
  const app = await buildApp(config, { stores: createMemoryStores(), logger: silentLogger() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the app did not get a TCP port');
  return { url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

/** The app and Chromium, started once for the describe block that calls this and closed after it. */
export function sharedAppAndBrowser(): { readonly app: RunningApp; readonly browser: Browser } {
  const shared = {} as { app: RunningApp; browser: Browser };
  beforeAll(async () => {
    [shared.app, shared.browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await shared.browser?.close();
    await shared.app?.close();
  });
  return shared;
}

/** Generous limits: on two busy cores a turn can take a few seconds. */
export const BROWSER_TEST_TIMEOUT_MS = 60_000;

/** expect.poll with room for a slow machine (the default gives up after one second). */
export function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 10_000 });
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core on the whole page (the widget's open shadow root included); expects no violations. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations ${state}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: `${RESULTS_DIR}widget-${name}.png`, animations: 'disabled' });
}

/** The panel's accessible dialog (popup mode). */
export const panel = (page: Page) => page.getByRole('dialog', { name: 'Medspiller' });

/** Opens the popup widget with a click and waits for the first question's choices. */
export async function openWidget(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: /Spørg Medspiller|Ask Medspiller/ }).click();
  await page.getByRole('button', { name: 'Klage over en afgørelse' }).waitFor();
}

/** What has focus, seen through the widget's shadow root: its tag and text or label. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return '';
    const label = active.getAttribute('aria-label') ?? (active as HTMLInputElement).labels?.[0]?.textContent ?? (active as HTMLElement).innerText;
    return `${active.tagName.toLowerCase()}:${label.trim()}`;
  });
}

/** Presses Tab until the focused element is `target` (tag:text), as a keyboard user would. */
export async function tabTo(page: Page, target: string, maxPresses = 30): Promise<void> {
  for (let i = 0; i < maxPresses; i += 1) {
    if ((await focused(page)) === target) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}; focus is on ${await focused(page)}`);
}

/** A date `days` before today, the way a Danish citizen writes it ("3/3-2026"). */
export function danishDateDaysAgo(days: number): { typed: string; iso: string } {
  const date = new Date(Date.now() - days * 86_400_000);
  const iso = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return { typed: `${date.getDate()}/${date.getMonth() + 1}-${date.getFullYear()}`, iso };
}

const STORAGE_KEY_PREFIX = 'medspiller:';

/** The conversation id the widget keeps in sessionStorage, or undefined when it keeps none. */
export function storedId(page: Page): Promise<string | undefined> {
  return page.evaluate((prefix) => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith(prefix));
    return key ? (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { id?: string }).id : undefined;
  }, STORAGE_KEY_PREFIX);
}
