/**
 * axe-core (WCAG 2.0–2.2 A/AA rules) on the demo pages with the widget in its
 * main states and in every locale, plus screenshots of the open widget on a
 * desktop and a phone (saved under test-results/).
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
  screenshot,
  sharedAppAndBrowser,
  skipBrowser,
} from './harness.js';

async function toDocument(page: Page): Promise<void> {
  for (const name of ['Klage over en afgørelse', 'Ja, jeg har den på skrift', 'I Digital Post (fx e-Boks eller mit.dk)']) {
    await panel(page).getByRole('button', { name }).click();
  }
  await panel(page).getByRole('textbox', { name: 'Dato' }).fill(danishDateDaysAgo(5).typed);
  await panel(page).getByRole('button', { name: 'Send' }).click();
  await panel(page).getByRole('button', { name: 'Hjælp mig med at skrive klagen' }).click();
  await panel(page).getByRole('heading', { name: 'Klage over afgørelse' }).waitFor();
}

/** Visible controls smaller than 44 × 44 CSS px (WCAG 2.5.8 asks 24; we keep to 44). */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.getElementById('medspiller-widget')!.shadowRoot!;
    return [...root.querySelectorAll<HTMLElement>('button, input, .ms-linkcard')]
      .filter((node) => node.offsetParent !== null)
      .map((node) => ({ text: node.textContent || node.id, box: node.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`);
  });
}

describe.skipIf(skipBrowser)('widget accessibility in Chromium', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const shared = sharedAppAndBrowser();

  it('is a modal dialog that keeps Tab inside while it fills a phone screen, and not on a wide one', async () => {
    const phone = await shared.browser.newContext({ viewport: { width: 360, height: 640 } });
    const page = await phone.newPage();
    await openWidget(page, shared.app.url);
    expect(await panel(page).getAttribute('aria-modal')).toBe('true');
    expect(await page.getByRole('button', { name: 'Spørg Medspiller' }).isVisible()).toBe(false);
    const inPanel = () => page.evaluate(() => Boolean(document.getElementById('medspiller-widget')!.shadowRoot!.activeElement?.closest('.ms-panel')));
    for (const key of ['Tab', 'Shift+Tab']) {
      const seen = new Set<string>();
      for (let press = 1; press <= 40; press += 1) {
        await page.keyboard.press(key);
        expect(await inPanel(), `${key} × ${press}: ${await focused(page)}`).toBe(true);
        seen.add(await focused(page));
      }
      // Both ends were passed, so focus went round.
      expect([...seen]).toEqual(expect.arrayContaining(['button:Luk', 'button:Slet samtale']));
    }
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('button:Spørg Medspiller');
    expect(await panel(page).count()).toBe(0);
    await phone.close();

    const desktop = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const wide = await desktop.newPage();
    await openWidget(wide, shared.app.url);
    expect(await panel(wide).getAttribute('aria-modal')).toBeNull();
    expect(await wide.getByRole('button', { name: 'Spørg Medspiller' }).isVisible()).toBe(true);
    await desktop.close();
  });

  it('has no violations open, mid-conversation, with a letter, and in every locale', async () => {
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await openWidget(page, shared.app.url);
    await expectNoAxeViolations(page, 'with the widget open');
    await screenshot(page, 'desktop-open');

    await panel(page).getByRole('button', { name: 'Klage over en afgørelse' }).click();
    await panel(page).getByRole('button', { name: 'Ja, jeg har den på skrift' }).click();
    await panel(page).getByRole('button', { name: 'I Digital Post (fx e-Boks eller mit.dk)' }).click();
    await panel(page).getByRole('textbox', { name: 'Dato' }).fill('hej');
    await panel(page).getByRole('button', { name: 'Send' }).click();
    await panel(page).getByText('Jeg kan ikke læse datoen').waitFor();
    await expectNoAxeViolations(page, 'at the date question with a validation message');
    await screenshot(page, 'desktop-date');

    await panel(page).getByRole('textbox', { name: 'Dato' }).fill(danishDateDaysAgo(5).typed);
    await panel(page).getByRole('button', { name: 'Send' }).click();
    await panel(page).getByRole('button', { name: 'Hjælp mig med at skrive klagen' }).click();
    await panel(page).getByRole('heading', { name: 'Klage over afgørelse' }).waitFor();
    await expectNoAxeViolations(page, 'with a letter shown');
    await screenshot(page, 'desktop-letter');

    await panel(page).getByRole('button', { name: 'English' }).click();
    await panel(page).getByRole('button', { name: 'Delete conversation' }).waitFor();
    expect(await panel(page).getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    // The repeated question arrives while focus stays on the language button: the live log announces it.
    expect(await focused(page)).toBe('button:English');
    expect(await panel(page).locator('.ms-bot').last().getAttribute('lang')).toBe('en');
    expect(await panel(page).locator('.ms-bot').last().getAttribute('aria-live')).toBeNull();
    await expectNoAxeViolations(page, 'in English');
    await screenshot(page, 'desktop-english');

    await panel(page).getByRole('button', { name: 'Let dansk' }).click();
    await panel(page).getByRole('button', { name: 'Slet samtale' }).waitFor();
    await expectNoAxeViolations(page, 'in easy-read Danish');
    await context.close();
  });

  it('has no violations on a phone (where every target is at least 44 px), in the inline demo, and in high contrast with reduced motion', async () => {
    const phone = await shared.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    let page = await phone.newPage();
    await openWidget(page, shared.app.url);
    await expectNoAxeViolations(page, 'on a phone');
    await screenshot(page, 'phone-open');
    await toDocument(page);
    await screenshot(page, 'phone-letter');
    expect(await smallTargets(page)).toEqual([]);
    await phone.close();

    const desktop = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await desktop.newPage();
    await page.goto(`${shared.app.url}/demo/inline`);
    await page.getByRole('region', { name: 'Medspiller' }).getByRole('button', { name: 'Klage over en afgørelse' }).waitFor();
    await expectNoAxeViolations(page, 'in the inline demo');
    await screenshot(page, 'inline');

    await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
    await openWidget(page, shared.app.url);
    const animation = await panel(page).evaluate((node) => getComputedStyle(node).animationName);
    expect(animation).toBe('none');
    await expectNoAxeViolations(page, 'in forced colours');
    await screenshot(page, 'forced-colors');
    await desktop.close();
  });
});
