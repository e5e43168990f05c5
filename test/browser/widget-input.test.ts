/**
 * Answering in the widget, and taking its results along, in Chromium against the
 * real app: typing at a choice question, the date field in Arabic (the calendar
 * picker and Arabic-Indic digits),
 * the meeting checklist printed, copied and downloaded with its legal sources, and
 * an Arabic letter printed right to left.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  BROWSER_TEST_TIMEOUT_MS,
  danishDateDaysAgo,
  expectNoAxeViolations,
  focused,
  openWidget,
  panel,
  poll,
  sharedAppAndBrowser,
  skipBrowser,
  tabTo,
} from './harness.js';

/** Switches the open widget to Arabic and answers the complaint questions up to the decision date. */
async function arabicDateQuestion(page: Page, url: string): Promise<void> {
  await openWidget(page, url);
  await panel(page).getByRole('button', { name: 'العربية' }).click();
  for (const name of ['تقديم شكوى على قرار', 'نعم، القرار مكتوب عندي', 'في البريد الرقمي Digital Post (مثل e-Boks أو mit.dk)']) {
    await panel(page).getByRole('button', { name }).click();
  }
  await panel(page).getByRole('textbox', { name: 'التاريخ' }).waitFor();
}

/** Sends the date field; returns the turn's request body once the answer is back (the field refusing the date sends none). */
async function sendDate(page: Page): Promise<unknown> {
  const response = page.waitForResponse((r) => r.url().endsWith('/turns') && r.request().method() === 'POST', { timeout: 10_000 });
  await panel(page).getByRole('button', { name: 'إرسال' }).click();
  return (await response).request().postDataJSON();
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

describe.skipIf(skipBrowser)('answering in the widget in Chromium', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const shared = sharedAppAndBrowser();

  it('lets the citizen type at a choice question, behind a "Skriv selv" button', async () => {
    const context = await shared.browser.newContext();
    const page = await context.newPage();
    await openWidget(page, shared.app.url);
    const field = panel(page).getByRole('textbox', { name: 'Eller skriv selv' });
    expect(await field.isHidden()).toBe(true);

    // With the keyboard: after the choices, the disclosure button opens the field and focuses it.
    await tabTo(page, 'button:Skriv selv');
    const toggle = panel(page).getByRole('button', { name: 'Skriv selv' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await focused(page)).toBe('input:Eller skriv selv');
    await expectNoAxeViolations(page, 'with the typed answer open');
    for (const target of [toggle, field, panel(page).getByRole('button', { name: 'Send' })]) {
      expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }

    await page.keyboard.press('Enter');
    await poll(() => panel(page).getByRole('alert').textContent()).toBe('Skriv dit svar først.');
    expect(await focused(page)).toBe('input:Eller skriv selv');

    const help = page.waitForRequest((r) => r.url().endsWith('/turns'));
    await page.keyboard.type('hjælp');
    await page.keyboard.press('Enter');
    expect((await help).postDataJSON()).toEqual({ text: 'hjælp' });
    await poll(() => focused(page)).toMatch(/^div:Du kan trykke på en knap eller skrive dit svar/);

    // A choice in the citizen's own words, with a typo, is read as that choice.
    await panel(page).getByRole('button', { name: 'Skriv selv' }).click();
    await field.fill('klage over en afgørlse');
    await field.press('Enter');
    await panel(page).getByRole('button', { name: 'Ja, jeg har den på skrift' }).waitFor();
    await context.close();
  });

  it('sends the day picked in the calendar in Arabic, and reads Arabic-Indic digits', async () => {
    const context = await shared.browser.newContext();
    const page = await context.newPage();
    await arabicDateQuestion(page, shared.app.url);

    const picked = danishDateDaysAgo(3).iso;
    await panel(page).getByLabel('أو اختر اليوم من التقويم').fill(picked);
    expect(await sendDate(page)).toEqual({ date: picked });
    await panel(page).getByRole('button', { name: 'رجوع' }).click();
    await panel(page).getByRole('textbox', { name: 'التاريخ' }).waitFor();

    const typed = danishDateDaysAgo(5);
    const [year, month, day] = typed.iso.split('-');
    const arabic = `${day}-${month}-${year}`.replace(/\d/g, (d) => ARABIC_INDIC[Number(d)]!);
    await panel(page).getByRole('textbox', { name: 'التاريخ' }).fill(arabic);
    expect(await sendDate(page)).toEqual({ date: typed.iso });
    await context.close();
  });

  it('prints, copies and downloads the checklist with its legal sources and its title once', async () => {
    const context = await shared.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
    const page = await context.newPage();
    await openWidget(page, shared.app.url);
    for (const name of ['Forbered et møde', 'Mit første møde om en ansøgning', 'Ved ikke', 'Nej, jeg kommer alene', 'Nej']) {
      await panel(page).getByRole('button', { name, exact: true }).click();
    }
    await panel(page).getByRole('button', { name: 'Spring over' }).click();
    const title = 'Min tjekliste til mødet';
    const checklist = panel(page).getByRole('region', { name: title });
    await checklist.waitFor();
    // As seen on screen: a linked source's hidden "opens in a new window" is not part of it.
    const sources = (await checklist.locator('.ms-source').allTextContents()).map((t) => t.replace(' (åbner i et nyt vindue)', ''));
    expect(sources).toContain('Kilde: Forvaltningsloven § 9');

    const popup = page.waitForEvent('popup');
    await checklist.getByRole('button', { name: 'Udskriv' }).click();
    const printedPage = await popup;
    expect(await printedPage.evaluate(() => document.documentElement.dir)).toBe('ltr');
    const printed = await printedPage.locator('body').innerText();
    expect(printed.split(title)).toHaveLength(2);
    for (const source of sources) expect(printed).toContain(source);

    await checklist.getByRole('button', { name: 'Kopiér' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith(`${title}\n`)).toBe(true);
    expect(copied.split(title)).toHaveLength(2);
    for (const source of sources) expect(copied).toContain(source);

    const download = page.waitForEvent('download');
    await checklist.getByRole('button', { name: 'Hent som tekstfil' }).click();
    const { readFile } = await import('node:fs/promises');
    expect(await readFile((await (await download).path())!, 'utf8')).toBe(copied);
    await context.close();
  });

  it('prints an Arabic letter right to left, in Arabic', async () => {
    const context = await shared.browser.newContext();
    const page = await context.newPage();
    await arabicDateQuestion(page, shared.app.url);
    await panel(page).getByRole('textbox', { name: 'التاريخ' }).fill(danishDateDaysAgo(2).iso);
    await sendDate(page);
    await panel(page).getByRole('button', { name: 'ساعدني في كتابة الشكوى' }).click();
    const letter = panel(page).getByRole('region', { name: 'شكوى على قرار' });
    await letter.waitFor();

    const popup = page.waitForEvent('popup');
    await letter.getByRole('button', { name: 'طباعة' }).click();
    const printed = await popup;
    const root = await printed.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));
    expect(root).toEqual({ dir: 'rtl', lang: 'ar' });
    expect(await printed.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    await context.close();
  });
});
