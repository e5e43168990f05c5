/**
 * The /admin dashboard in real Chromium: token entry, the report drawn from
 * answers given through the web API, the CSV download, print layout, and axe
 * (0 violations) on the login and report views. Every request must stay on the
 * app's origin and nothing may break the Content-Security-Policy.
 * Without /usr/bin/chromium the suite is skipped with a reason, except when CI=true.
 */
import { existsSync, readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../survey/csv-parse.js';
import { ADMIN_TOKEN, buildAdminTestApp, citizenSurvey, staffSurvey, type AdminTestApp } from './admin-app.js';

const CHROMIUM = '/usr/bin/chromium';

function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const reason = `${CHROMIUM} not found (install it with: apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(`The dashboard's browser test is required on CI, but ${reason}.`);
  console.warn(`Skipping the dashboard's browser test: ${reason}.`);
  return false;
}

describe.skipIf(!chromiumAvailable())('admin dashboard in Chromium', () => {
  let t: AdminTestApp;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const foreignRequests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    t = await buildAdminTestApp();
    for (const value of ['3', '2', '2', '1', '0']) await citizenSurvey(t.app, 'job_centre', value);
    for (const value of ['3', '3', '2', '2', '2']) await staffSurvey(t.app, 'caseworker', 'job_centre', value);
    t.setNow('2026-05-04T10:00:00Z');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP port');
    base = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    page.on('request', (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith('blob:')) foreignRequests.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() === 404) problems.push(`404 ${response.url()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.app.close();
  });

  const axe = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations;

  it('asks for the token, with no accessibility violations', async () => {
    await page.goto(`${base}/admin`);
    await expect.poll(() => page.locator('#token').isVisible()).toBe(true);
    expect(await axe()).toEqual([]);
  });

  it('refuses a wrong token and says so', async () => {
    await page.fill('#token', 'not-the-token-at-all');
    await page.click('#login-form button[type=submit]');
    await expect.poll(() => page.locator('#status').textContent()).toContain('ikke godkendt');
    expect(await page.locator('#login').isVisible()).toBe(true);
  });

  it('shows the report after the right token, as chart, gaps and table', async () => {
    await page.fill('#token', ADMIN_TOKEN);
    await page.click('#login-form button[type=submit]');
    await page.locator('#report h3').first().waitFor();
    expect(await page.locator('#municipality').inputValue()).toBe('oesterby');
    const section = page.locator('section.question', { has: page.locator('h3', { hasText: 'Har du indflydelse på de indsatser' }) });
    const rows = await section.locator('table.data tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/Borgere\s+1,6\s+5\s+1,4/);
    expect(rows[1]).toMatch(/Sagsbehandlere\s+2,4\s+5\s+2,3/);
    expect(rows[2]).toMatch(/Ledere\s+intet tal\s+under 5\s+2,5/);
    expect(await section.locator('.gaps').innerText()).toContain('Sagsbehandlere minus borgere: +0,8 i kommunen, +0,9 i hele landet');
    expect(await section.locator('svg.chart rect').count()).toBeGreaterThan(4);
    expect(await page.locator('section.question', { hasText: 'høj score dårlig' }).count()).toBe(1);
    expect(await page.evaluate(() => sessionStorage.getItem('medspiller.adminToken'))).toBe(ADMIN_TOKEN);
    expect(await axe()).toEqual([]);
  });

  it('filters by area, hiding a figure that would give a small area away', async () => {
    await page.selectOption('#area', 'health');
    await page.click('#filters button[type=submit]');
    await expect.poll(() => page.locator('#report .summary').innerText()).toContain('Område: Sundhed');
    const section = page.locator('section.question', { has: page.locator('h3', { hasText: 'Har du indflydelse' }) });
    expect(await section.locator('table.data tbody tr').first().innerText()).toMatch(/Borgere\s+intet tal\s+under 5/);
    await page.selectOption('#area', '');
    await page.click('#filters button[type=submit]');
    await expect.poll(() => page.locator('#report .summary').innerText()).toContain('Alle områder');
  });

  it('downloads the same numbers as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    expect(download.suggestedFilename()).toMatch(/^medspiller-survey-oesterby-.*-all\.csv$/);
    const rows = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(rows.find((row) => row.question === 'influence')).toMatchObject({ citizens_n: '5', citizens_mean: '1.6', caseworkers_mean: '2.4', gap_caseworkers: '0.8' });
  });

  it('keeps the token across a reload, and prints without the controls', async () => {
    await page.reload();
    await page.locator('#report h3').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await page.locator('table.data').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('logs out', async () => {
    await page.click('#logout');
    expect(await page.locator('#token').isVisible()).toBe(true);
    expect(await page.evaluate(() => sessionStorage.getItem('medspiller.adminToken'))).toBeNull();
  });

  it('made no request elsewhere and broke no rule of the Content-Security-Policy', () => {
    expect(foreignRequests).toEqual([]);
    // The wrong token's 401 is expected; anything else (a CSP refusal, a 404, a script error) is not.
    expect(problems.filter((p) => !p.includes('status of 401'))).toEqual([]);
  });
});
