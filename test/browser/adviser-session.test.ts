/**
 * The guided session (/adviser) in real Chromium against the real app: an
 * adviser walks the complaint flow with a citizen, sees the law beside the
 * step, writes a private note (which never reaches the server), reloads the
 * page and goes back a step, and ends with a summary holding the answers, the computed deadline and
 * the note. Also checked with axe. Without Chromium the suite is skipped with
 * a printed reason, except when CI=true: then it fails.
 */
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { complaintDeadline, formatDate, todayInDenmark } from '../../src/engine/index.js';
import { silentLogger } from '../../src/logger.js';
import { buildApp } from '../../src/server.js';
import { createMemoryStores } from '../../src/stores/create-stores.js';
import { ROOT } from '../adviser/real-bundle.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function chromiumMissing(): boolean {
  if (existsSync(CHROMIUM)) return false;
  const reason = `${CHROMIUM} not found (install it with: apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(`The adviser browser test is required on CI, but ${reason}.`);
  console.warn(`Skipping the adviser browser test: ${reason}.`);
  return true;
}

function isoDaysAgo(days: number): string {
  return todayInDenmark(new Date(Date.now() - days * 86_400_000));
}

const NOTE = 'Borgeren har brevet i e-Boks, men har ikke åbnet det før i går.';

async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe ${state}`).toEqual([]);
}

describe.skipIf(chromiumMissing())('the guided adviser session in Chromium', { timeout: 90_000 }, () => {
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', MEDSPILLER_RATE_LIMIT: '0', MEDSPILLER_WATCH_CONTENT: 'false', MEDSPILLER_CONTENT_DIR: ROOT }, ROOT);
    app = await buildApp(config, { stores: createMemoryStores(), logger: silentLogger() });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP port');
    url = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('walks a complaint and hands over a summary with the answers, the deadline and the notes', async () => {
    const context = await browser.newContext({ locale: 'da-DK' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`));
    const sent: string[] = [];
    page.on('request', (request) => sent.push(`${request.url()} ${request.postData() ?? ''}`));

    await page.goto(`${url}/adviser?flow=complaint`);
    await expect.poll(() => page.getByLabel('Samtale', { exact: true }).inputValue()).toBe('complaint');
    await expectNoAxeViolations(page, 'on the start page');
    await page.getByRole('button', { name: 'Start samtalen' }).click();

    await page.getByRole('heading', { name: 'Trin 1' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-h');
    // A keyboard user: Tab to the first choice and press Enter.
    await page.getByRole('button', { name: 'Ja, jeg har den på skrift' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Trin 2' }).waitFor();
    // A reload resumes the session where it was.
    await page.reload();
    await page.getByRole('heading', { name: 'Trin 2' }).waitFor();
    await page.getByRole('button', { name: /I Digital Post/ }).click();

    await page.getByRole('heading', { name: 'Trin 3' }).waitFor();
    const decision = isoDaysAgo(10);
    await page.getByLabel('Hvilken dato står der på afgørelsen?').fill(decision);
    await page.getByRole('button', { name: 'Send svar' }).click();

    await page.getByRole('heading', { name: 'Trin 4' }).waitFor();
    const legal = page.getByRole('complementary', { name: 'Lovgrundlag for dette trin' });
    await expect.poll(() => legal.textContent()).toMatch(/Retssikkerhedsloven § 67/);
    await page.getByLabel('Dine noter til trin 4').fill(NOTE);
    await expectNoAxeViolations(page, 'during the session');

    // Back one step and forward again: the note stays with step 4's question.
    await page.getByRole('button', { name: 'Gå et trin tilbage' }).click();
    await page.getByRole('heading', { name: 'Trin 3' }).waitFor();
    await page.getByLabel('Hvilken dato står der på afgørelsen?').fill(decision);
    await page.getByRole('button', { name: 'Send svar' }).click();
    await page.getByRole('heading', { name: 'Trin 4' }).waitFor();
    expect(await page.getByLabel('Dine noter til trin 4').inputValue()).toBe(NOTE);

    await page.getByRole('button', { name: 'Hjælp mig med at skrive klagen' }).click();
    await page.getByRole('heading', { name: 'Trin 5' }).waitFor();
    await page.getByRole('button', { name: 'Afslut og lav opsummering' }).click();

    const summary = page.locator('#summary');
    await page.getByRole('heading', { name: 'Opsummering: Klage over en afgørelse' }).waitFor();
    const answers = await page.locator('#summary-answers').textContent();
    expect(answers).toContain('Ja, jeg har den på skrift');
    expect(answers).toContain('I Digital Post');
    expect(answers).toContain(formatDate(decision, 'da', 'short'));
    const deadline = complaintDeadline(decision, 'digital', todayInDenmark(new Date())).date;
    expect(await page.locator('#summary-deadlines').textContent()).toContain(formatDate(deadline, 'da', 'long'));
    expect(await summary.textContent()).toContain(NOTE);
    expect(await summary.textContent()).toContain('Klage over afgørelse');
    await expectNoAxeViolations(page, 'on the summary');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Hent som tekstfil' }).click();
    const text = await (await download).createReadStream().then(async (stream) => {
      let body = '';
      for await (const chunk of stream) body += chunk;
      return body;
    });
    expect(text).toContain(NOTE);
    expect(text).toContain(formatDate(deadline, 'da', 'long'));

    expect(sent.filter((line) => line.includes('e-Boks, men'))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
