/**
 * The widget end to end in Chromium against the real app: a complaint done with
 * the keyboard only, resume after reload, delete with confirmation, and the
 * letter's copy/print/download.
 */
import { describe, expect, it } from 'vitest';
import {
  BROWSER_TEST_TIMEOUT_MS,
  danishDateDaysAgo,
  focused,
  panel,
  poll,
  sharedAppAndBrowser,
  skipBrowser,
  storedId,
  tabTo,
} from './harness.js';


describe.skipIf(skipBrowser)('widget journeys in Chromium', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const shared = sharedAppAndBrowser();

  it('does a complaint with the keyboard only: menu → complaint → date → deadline → letter', async () => {
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(shared.app.url);

    await tabTo(page, 'button:Spørg Medspiller');
    await page.keyboard.press('Enter');
    // Focus goes to the start of each new bot turn; the next Tab reaches the answers.
    await poll(() => focused(page)).toMatch(/^div:Hej, jeg hedder Medspiller/);
    const log = panel(page).getByRole('log');
    expect(await log.getAttribute('aria-live')).toBe('polite');
    const firstTurn = await log.locator('.ms-turn').first().elementHandle();

    await tabTo(page, 'button:Klage over en afgørelse');
    await page.keyboard.press('Enter');
    await poll(() => focused(page)).toMatch(/^div:.*Har du fået afgørelsen på skrift\?/s);
    await tabTo(page, 'button:Ja, jeg har den på skrift');
    await page.keyboard.press('Enter');
    await poll(() => focused(page)).toMatch(/^div:Hvordan fik du afgørelsen\?/);
    await tabTo(page, 'button:I Digital Post (fx e-Boks eller mit.dk)');
    await page.keyboard.press('Enter');

    await poll(() => focused(page)).toMatch(/^div:/);
    await tabTo(page, 'input:Dato');
    await page.keyboard.type('31/2-2026');
    await page.keyboard.press('Enter');
    await poll(() => panel(page).getByRole('alert').first().textContent()).toContain('Jeg kan ikke læse datoen');
    expect(await focused(page)).toBe('input:Dato');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(danishDateDaysAgo(3).typed);
    await page.keyboard.press('Enter');

    await poll(() => focused(page)).toMatch(/^div:Din sidste frist for at klage er/);
    // The focused turn is read through focus, so the live log keeps quiet about it.
    expect(await log.locator('.ms-bot').last().getAttribute('aria-live')).toBe('off');
    expect(await log.textContent()).toContain('Kilde: Retssikkerhedsloven § 67');
    await tabTo(page, 'button:Hjælp mig med at skrive klagen');
    await page.keyboard.press('Enter');
    await poll(() => focused(page)).toMatch(/^div:/);

    const letter = panel(page).getByRole('heading', { name: 'Klage over afgørelse' });
    await letter.waitFor();
    for (const name of ['Kopiér', 'Udskriv', 'Hent som tekstfil']) {
      expect(await panel(page).getByRole('button', { name }).count()).toBeGreaterThan(0);
    }
    // Turns are appended, never re-rendered: the live log announces only what is new.
    expect(await firstTurn!.evaluate((node) => node.isConnected)).toBe(true);
    expect(await log.locator('.ms-citizen').count()).toBe(5);

    await page.keyboard.press('Escape');
    expect(await panel(page).isHidden()).toBe(true);
    expect(await focused(page)).toBe('button:Spørg Medspiller');
    await context.close();
  });

  it('resumes after a reload, and deletes only after an inline confirmation', async () => {
    const context = await shared.browser.newContext();
    const page = await context.newPage();
    await page.goto(shared.app.url);
    await page.getByRole('button', { name: 'Spørg Medspiller' }).click();
    await panel(page).getByRole('button', { name: 'Klage over en afgørelse' }).click();
    await panel(page).getByRole('button', { name: 'Ja, jeg har den på skrift' }).waitFor();
    const id = await storedId(page);
    expect(id).toMatch(/^[\w-]{22,}$/);

    await page.reload();
    await panel(page).getByRole('button', { name: 'Ja, jeg har den på skrift' }).waitFor();
    expect(await storedId(page)).toBe(id);
    expect(await panel(page).getByRole('log').textContent()).toContain('Klage over en afgørelse');

    await panel(page).getByRole('button', { name: 'Slet samtale' }).click();
    const confirm = panel(page).getByRole('group', { name: /Vil du slette hele samtalen/ });
    await confirm.waitFor();
    expect(await focused(page)).toBe('button:Nej, behold den');
    await page.keyboard.press('Escape');
    expect(await confirm.count()).toBe(0);
    expect(await focused(page)).toBe('button:Slet samtale');
    expect(await panel(page).isVisible()).toBe(true);

    await page.keyboard.press('Enter');
    const erased = page.waitForResponse((r) => r.request().method() === 'DELETE');
    await panel(page).getByRole('button', { name: 'Ja, slet den' }).click();
    expect((await erased).status()).toBe(204);
    await poll(() => panel(page).getByRole('log').textContent()).toContain('Samtalen er slettet');
    expect(await storedId(page)).toBeUndefined();
    expect((await fetch(`${shared.app.url}/api/v1/conversations/${id}`)).status).toBe(404);
    expect(await focused(page)).toBe('button:Start en ny samtale');

    await page.keyboard.press('Enter');
    await panel(page).getByRole('button', { name: 'Klage over en afgørelse' }).waitFor();
    expect(await storedId(page)).not.toBe(id);
    await context.close();
  });

  it('copies, prints and downloads the letter, and offers the deadline for the calendar', async () => {
    const context = await shared.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(shared.app.url);
    await page.getByRole('button', { name: 'Spørg Medspiller' }).click();
    for (const name of ['Klage over en afgørelse', 'Ja, jeg har den på skrift', 'I Digital Post (fx e-Boks eller mit.dk)']) {
      await panel(page).getByRole('button', { name }).click();
    }
    await panel(page).getByRole('textbox', { name: 'Dato' }).fill(danishDateDaysAgo(2).typed);
    await panel(page).getByRole('button', { name: 'Send' }).click();
    const { readFile } = await import('node:fs/promises');

    // The reminder is its own named region with one action: into the calendar.
    const reminder = panel(page).getByRole('region', { name: /^Husk at klage senest/ });
    await reminder.waitFor();
    expect(await reminder.getByRole('button').count()).toBe(0);
    const calendarDownload = page.waitForEvent('download');
    await reminder.getByRole('link', { name: 'Læg i din kalender' }).click();
    const calendarFile = await calendarDownload;
    expect(calendarFile.suggestedFilename()).toMatch(/\.ics$/);
    const calendar = await readFile((await calendarFile.path())!, 'utf8');
    expect(calendar).toContain('BEGIN:VCALENDAR');
    expect(calendar).toContain('BEGIN:VALARM');

    await panel(page).getByRole('button', { name: 'Hjælp mig med at skrive klagen' }).click();
    const letter = panel(page).getByRole('region', { name: 'Klage over afgørelse' });
    await letter.waitFor();

    await letter.getByRole('button', { name: 'Kopiér' }).click();
    await poll(() => panel(page).getByRole('status').textContent()).toBe('Teksten er kopieret.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Til Medspiller Kommune (demo)');

    const popup = page.waitForEvent('popup');
    await letter.getByRole('button', { name: 'Udskriv' }).click();
    const printed = await popup;
    expect(await printed.title()).toBe('Klage over afgørelse');
    expect(await printed.locator('body').innerText()).toContain(copied.split('\n')[0]!);
    await printed.close();

    const download = page.waitForEvent('download');
    await letter.getByRole('button', { name: 'Hent som tekstfil' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('klage-over-afgoerelse.txt');
    expect(await readFile((await file.path())!, 'utf8')).toContain(copied.split('\n')[0]!);

    const wordDownload = page.waitForEvent('download');
    await letter.getByRole('link', { name: 'Hent som Word-fil' }).click();
    const word = await readFile((await (await wordDownload).path())!);
    expect(word.subarray(0, 2).toString('latin1')).toBe('PK');
    await context.close();
  });
});
