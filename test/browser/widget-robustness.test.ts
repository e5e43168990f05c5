/**
 * The widget when things go wrong or look unusual: a dropped network and a
 * server error (with Retry and a phone number), a lost reply, a rate limit, an
 * expired conversation, hostile content, right-to-left locales, a wrong embed tag,
 * a host page's root font size, a strict CSP, tiny screens and big zoom, and reading aloud.
 * Odd server answers are played with Playwright's request routing.
 */
import type { BrowserContext, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PAGE_CSP } from '../../src/channels/web/widget-routes.js';
import {
  BROWSER_TEST_TIMEOUT_MS,
  expectNoAxeViolations,
  focused,
  openWidget,
  panel,
  poll,
  screenshot,
  sharedAppAndBrowser,
  skipBrowser,
  storedId,
} from './harness.js';

const FAKE_ID = 'fake-conversation-id-0000000';
const LOCALES = [
  { code: 'da', name: 'Dansk', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
];

function json(route: Route, status: number, body: unknown): Promise<void> {
  return route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
}

/** Answers POST /conversations with `start`, and every turn by echoing nothing and asking again. */
async function fakeConversation(context: BrowserContext, start: Record<string, unknown>): Promise<void> {
  await context.route('**/api/v1/conversations', (route) => json(route, 201, { id: FAKE_ID, done: false, locales: LOCALES, ...start }));
  await context.route(`**/api/v1/conversations/${FAKE_ID}/turns`, (route) =>
    json(route, 200, { replies: [{ type: 'text', key: 'k', text: 'Tak.' }], prompt: start.prompt, done: false, locale: start.locale, dir: start.dir }),
  );
}

/** A host page with its own script tag (and anything else for its head), served from the app's origin. */
async function hostPage(page: Page, url: string, attributes: string, head = ''): Promise<void> {
  await page.route(`${url}/host-page`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="da"><head><title>Vært</title>${head}<script src="/widget.js" ${attributes} defer></script></head><body><main><h1>Vært</h1><div id="chat"></div></main></body></html>`,
    }),
  );
  await page.goto(`${url}/host-page`);
}

function shadowHtml(page: Page): Promise<string> {
  return page.evaluate(() => document.getElementById('medspiller-widget')!.shadowRoot!.innerHTML);
}

describe.skipIf(skipBrowser)('widget robustness in Chromium', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  const shared = sharedAppAndBrowser();

  it('explains a dropped network or a server error and offers Retry, never a blank panel', async () => {
    const context = await shared.browser.newContext();
    const page = await context.newPage();
    await context.route('**/api/v1/conversations', (route) => route.abort('internetdisconnected'));
    await page.goto(shared.app.url);
    await page.getByRole('button', { name: 'Spørg Medspiller' }).click();
    await poll(() => panel(page).getByRole('alert').textContent()).toContain('Der er ingen forbindelse lige nu');
    // The demo page has no data-phone: the widget still names a way to a person.
    expect(await panel(page).getByRole('alert').textContent()).toContain('Vil du tale med et menneske, så ring til din kommunes borgerservice.');
    expect(await focused(page)).toBe('button:Prøv igen');
    await expectNoAxeViolations(page, 'with a connection problem');
    await screenshot(page, 'offline');

    await context.unroute('**/api/v1/conversations');
    await page.keyboard.press('Enter');
    await panel(page).getByRole('button', { name: 'Klage over en afgørelse' }).waitFor();
    expect(await panel(page).getByRole('alert').count()).toBe(0);

    await context.route('**/turns', (route) => json(route, 500, { error: { code: 'internal', message: 'Something went wrong.' } }));
    await panel(page).getByRole('button', { name: 'Klage over en afgørelse' }).click();
    await poll(() => panel(page).getByRole('alert').textContent()).toContain('Noget gik galt hos os');
    expect(await panel(page).getByRole('button', { name: 'Klage over en afgørelse' }).isVisible()).toBe(true);
    await context.unroute('**/turns');
    await panel(page).getByRole('button', { name: 'Prøv igen' }).click();
    await panel(page).getByRole('button', { name: 'Ja, jeg har den på skrift' }).waitFor();
    await context.close();
  });

  it('offers a phone number instead of tools that do nothing when the server cannot be reached', async () => {
    const context = await shared.browser.newContext();
    const page = await context.newPage();
    await context.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
    await hostPage(page, shared.app.url, 'data-municipality="demo" data-phone="70 00 00 00"');
    await page.getByRole('button', { name: 'Spørg Medspiller' }).click();
    const alert = panel(page).getByRole('alert');
    await poll(() => alert.textContent()).toContain('Vil du tale med et menneske, så ring til kommunens borgerservice på 70 00 00 00.');
    expect(await alert.getByRole('link', { name: '70 00 00 00' }).getAttribute('href')).toBe('tel:70000000');
    for (const name of ['Tal med et menneske', 'Tilbage', 'Start forfra', 'Slet samtale']) {
      expect(await panel(page).getByRole('button', { name }).count(), name).toBe(0);
    }
    await expectNoAxeViolations(page, 'with the server unreachable');
    await context.close();
  });

  it('offers the phone number when asking for a person fails mid-conversation', async () => {
    const context = await shared.browser.newContext();
    const page = await context.newPage();
    await hostPage(page, shared.app.url, 'data-municipality="demo" data-phone="+45 70 00 00 00"');
    await page.getByRole('button', { name: 'Spørg Medspiller' }).click();
    await panel(page).getByRole('button', { name: 'Klage over en afgørelse' }).waitFor();
    await context.route('**/turns', (route) => json(route, 500, { error: { code: 'internal', message: 'Something went wrong.' } }));
    await panel(page).locator('.ms-tools').getByRole('button', { name: 'Tal med et menneske' }).click();
    const alert = panel(page).getByRole('alert');
    await poll(() => alert.textContent()).toContain('Noget gik galt hos os');
    expect(await alert.getByRole('link', { name: '+45 70 00 00 00' }).getAttribute('href')).toBe('tel:+4570000000');
    await context.close();
  });

  it('after "too many requests" holds Retry back for as long as the server asks, and says roughly how long', async () => {
    const context = await shared.browser.newContext();
    const page = await context.newPage();
    await page.clock.install();
    await openWidget(page, shared.app.url);
    let turns = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/turns')) turns += 1;
    });
    const limited = { status: 429, headers: { 'retry-after': '57' }, contentType: 'application/json', body: '{"error":{"code":"rate_limited","message":"Wait."}}' };
    await context.route('**/turns', (route) => route.fulfill(limited), { times: 1 });
    await panel(page).getByRole('button', { name: 'Klage over en afgørelse' }).click();
    await poll(() => panel(page).getByRole('alert').textContent()).toContain('Du kan prøve igen om cirka et minut.');
    const retry = panel(page).getByRole('button', { name: 'Prøv igen' });
    expect(await retry.getAttribute('aria-disabled')).toBe('true');
    await retry.click({ force: true });
    await page.waitForTimeout(500);
    expect(turns).toBe(1);
    expect(await panel(page).getByRole('alert').count()).toBe(1);

    await page.clock.fastForward(57_000);
    await poll(() => retry.getAttribute('aria-disabled')).toBeNull();
    expect(await panel(page).getByRole('status').textContent()).toBe('Du kan prøve igen nu.');
    await retry.click();
    await panel(page).getByRole('button', { name: 'Ja, jeg har den på skrift' }).waitFor();
    expect(await panel(page).getByRole('status').textContent()).toBe('');
    await context.close();
  });

  it('shows where the conversation really is when the server took an answer whose reply was lost', async () => {
    const context = await shared.browser.newContext();
    const page = await context.newPage();
    await openWidget(page, shared.app.url);
    const keys: Array<string | undefined> = [];
    const statuses: number[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/turns')) keys.push(request.headers()['idempotency-key']);
    });
    page.on('response', (response) => {
      if (response.url().endsWith('/turns')) statuses.push(response.status());
    });
    await context.route('**/turns', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await panel(page).getByRole('button', { name: 'Klage over en afgørelse' }).click();
    await poll(() => panel(page).getByRole('alert').textContent()).toContain('Der er ingen forbindelse');
    await context.unroute('**/turns');

    // The retry sends the answer again with the same Idempotency-Key: the server, which took it, refuses it (409).
    await panel(page).getByRole('button', { name: 'Prøv igen' }).click();
    await panel(page).getByRole('button', { name: 'Ja, jeg har den på skrift' }).waitFor();
    expect(await panel(page).getByRole('alert').count()).toBe(0);
    expect(await panel(page).locator('.ms-citizen').allInnerTexts()).toEqual([expect.stringContaining('Klage over en afgørelse')]);
    await poll(() => focused(page)).toMatch(/^div:Samtalen var allerede gået videre/);
    expect(keys).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/), keys[0]]);
    expect(statuses).toEqual([409]);

    // A turn saved at the same moment elsewhere (409): the widget shows the state the server has.
    await context.route('**/turns', (route) => json(route, 409, { error: { code: 'conflict', message: 'Changed elsewhere.' } }), { times: 1 });
    await panel(page).getByRole('button', { name: 'Ja, jeg har den på skrift' }).click();
    await poll(() => focused(page)).toMatch(/^div:Samtalen var allerede gået videre/);
    expect(await panel(page).getByRole('alert').count()).toBe(0);
    expect(await panel(page).getByRole('button', { name: 'Ja, jeg har den på skrift' }).count()).toBe(1);
    await context.close();
  });

  it('starts afresh, and says so, when the conversation has expired', async () => {
    const context = await shared.browser.newContext();
    const page = await context.newPage();
    await openWidget(page, shared.app.url);
    const started: string[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'POST' && response.status() === 201) started.push(response.url());
    });
    const id = await storedId(page);
    expect((await fetch(`${shared.app.url}/api/v1/conversations/${id}`, { method: 'DELETE' })).status).toBe(204);

    await panel(page).getByRole('button', { name: 'Klage over en afgørelse' }).click();
    await panel(page).getByText('Din tidligere samtale findes ikke mere').waitFor();
    await poll(() => focused(page)).toMatch(/^div:Din tidligere samtale findes ikke mere/);
    expect(started).toHaveLength(1);
    expect(await panel(page).getByRole('button', { name: 'Klage over en afgørelse' }).count()).toBe(1);
    await context.close();
  });

  it('confirms deleting a conversation the server has already let expire, and forgets it', async () => {
    const context = await shared.browser.newContext();
    const page = await context.newPage();
    await openWidget(page, shared.app.url);
    const id = await storedId(page);
    expect((await fetch(`${shared.app.url}/api/v1/conversations/${id}`, { method: 'DELETE' })).status).toBe(204);

    await panel(page).getByRole('button', { name: 'Slet samtale' }).click();
    await panel(page).getByRole('button', { name: 'Ja, slet den' }).click();
    await panel(page).getByText('Samtalen er slettet').waitFor();
    expect(await panel(page).getByRole('alert').count()).toBe(0);
    expect(await storedId(page)).toBeUndefined();
    expect(await focused(page)).toBe('button:Start en ny samtale');
    await context.close();
  });

  it('shows hostile content and the citizen’s own text as plain text', async () => {
    const context = await shared.browser.newContext();
    await fakeConversation(context, {
      locale: 'da',
      dir: 'ltr',
      replies: [
        { type: 'text', key: 'a', text: 'Hej <img src=x onerror="window.__pwned=1"> **fed** [ond](javascript:window.__pwned=2) [lov](https://www.retsinformation.dk/)' },
        { type: 'text', key: 'b', text: '<script>window.__pwned=3</script>', legal: { source: '<b>§ 1</b>', sourceUrl: 'javascript:alert(1)', reviewed: '2026-01-01' } },
        { type: 'checklist', key: 'c', title: '<i>Tjekliste</i>', items: [{ key: 'd', text: '<iframe src="https://evil.example"></iframe>' }] },
        { type: 'document', key: 'e', id: 'doc', title: 'Brev', text: '<svg onload="window.__pwned=4"></svg>', formats: ['txt'] },
        { type: 'link', key: 'f', label: 'Klik', href: 'javascript:window.__pwned=5' },
      ],
      prompt: { kind: 'text', question: 'Skriv noget' },
    });
    const page = await context.newPage();
    await page.goto(shared.app.url);
    await page.getByRole('button', { name: 'Spørg Medspiller' }).click();
    await panel(page).getByRole('textbox', { name: 'Dit svar' }).fill('<img src=y onerror="window.__pwned=6">');
    await panel(page).getByRole('button', { name: 'Send' }).click();
    await panel(page).getByText('Tak.').waitFor();

    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.getElementById('medspiller-widget')!.shadowRoot!.querySelectorAll('img, script, iframe, svg, b, i').length)).toBe(0);
    const log = await panel(page).getByRole('log').innerText();
    for (const literal of ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=3</script>', '<i>Tjekliste</i>', '<img src=y onerror="window.__pwned=6">']) {
      expect(log).toContain(literal);
    }
    const html = await shadowHtml(page);
    expect(html).not.toContain('javascript:');
    const law = panel(page).getByRole('link', { name: /^lov/ });
    expect(await law.getAttribute('href')).toBe('https://www.retsinformation.dk/');
    expect(await law.getAttribute('rel')).toBe('noopener noreferrer');
    await context.close();
  });

  it('lays out right to left when the conversation’s language is written that way', async () => {
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await fakeConversation(context, {
      locale: 'ar',
      dir: 'rtl',
      replies: [{ type: 'text', key: 'a', text: 'مرحبا' }],
      prompt: { kind: 'choice', question: 'سؤال', choices: [{ id: 'a', label: 'نعم' }] },
    });
    const page = await context.newPage();
    await page.goto(shared.app.url);
    await page.getByRole('button', { name: 'Spørg Medspiller' }).click();
    await panel(page).getByRole('button', { name: 'نعم' }).click();
    await panel(page).getByText('Tak.').waitFor();
    const layout = await page.evaluate(() => {
      const root = document.getElementById('medspiller-widget')!.shadowRoot!;
      const box = (selector: string) => root.querySelector(selector)!.getBoundingClientRect();
      return {
        dir: root.querySelector('.ms-root')!.getAttribute('dir'),
        lang: root.querySelector('.ms-root')!.getAttribute('lang'),
        panelLeft: box('.ms-panel').left,
        citizenLeft: box('.ms-citizen .ms-msg').left,
        botLeft: box('.ms-bot .ms-msg').left,
      };
    });
    expect(layout).toMatchObject({ dir: 'rtl', lang: 'ar' });
    // The widget's own buttons speak the conversation's language too, not Danish.
    await panel(page).getByRole('button', { name: 'ابدأ من جديد' }).waitFor();
    expect(layout.panelLeft).toBeLessThan(100);
    expect(layout.citizenLeft).toBeLessThan(layout.botLeft);
    await screenshot(page, 'rtl');
    await context.close();
  });

  it('warns in the console about a missing or unknown municipality or flow, and still works', async () => {
    const context = await shared.browser.newContext();
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await hostPage(page, shared.app.url, 'data-municipality="nowhere"');
    await page.getByRole('button', { name: 'Spørg Medspiller' }).click();
    await panel(page).getByRole('button', { name: 'Klage over en afgørelse' }).waitFor();
    expect(warnings).toContainEqual(expect.stringContaining('municipality "nowhere" is unknown'));

    await hostPage(page, shared.app.url, 'data-mode="inline" data-target="#chat" data-flow="nowhere"');
    await page.getByRole('region', { name: 'Medspiller' }).getByRole('button', { name: 'Klage over en afgørelse' }).waitFor();
    expect(warnings).toContainEqual(expect.stringContaining('no data-municipality'));
    expect(warnings).toContainEqual(expect.stringContaining('data-flow "nowhere" is unknown'));
    await context.close();
  });

  it('keeps its targets 44 px tall on a host page that shrinks its root font size', async () => {
    const context = await shared.browser.newContext();
    const page = await context.newPage();
    await hostPage(page, shared.app.url, 'data-municipality="demo"', '<style>html { font-size: 62.5%; }</style>');
    await page.getByRole('button', { name: 'Spørg Medspiller' }).click();
    await panel(page).getByRole('button', { name: 'Klage over en afgørelse' }).waitFor();
    const heights = await page.evaluate(() =>
      [...document.getElementById('medspiller-widget')!.shadowRoot!.querySelectorAll<HTMLElement>('button')]
        .filter((node) => node.offsetParent !== null)
        .map((node) => `${node.textContent} ${Math.round(node.getBoundingClientRect().height)}`),
    );
    expect(heights.filter((entry) => Number(entry.split(' ').at(-1)) < 44)).toEqual([]);
    expect(heights).toContainEqual(expect.stringMatching(/^Tal med et menneske \d+$/));
    await context.close();
  });

  it('runs under the demo page’s strict CSP and asks no other site for anything', async () => {
    const context = await shared.browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    const response = await page.goto(shared.app.url);
    expect(response?.headers()['content-security-policy']).toBe(DEMO_PAGE_CSP);
    await openWidget(page, shared.app.url);
    await panel(page).getByRole('button', { name: 'Klage over en afgørelse' }).click();
    await panel(page).getByRole('button', { name: 'Ja, jeg har den på skrift' }).waitFor();
    const launcherColour = await page.getByRole('button', { name: 'Spørg Medspiller' }).evaluate((node) => getComputedStyle(node).backgroundColor);
    expect(launcherColour).toBe('rgb(11, 85, 99)');
    expect(problems).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(shared.app.url))).toEqual([]);
    await context.close();
  });

  it.each([
    ['320 CSS px (WCAG reflow)', { width: 320, height: 640 }, 1],
    ['a 320 px phone at 200% zoom', { width: 160, height: 320 }, 2],
  ])('has no horizontal scrolling at %s', async (name, viewport, deviceScaleFactor) => {
    const context = await shared.browser.newContext({ viewport, deviceScaleFactor });
    const page = await context.newPage();
    await openWidget(page, shared.app.url);
    for (const choice of ['Klage over en afgørelse', 'Ja, jeg har den på skrift', 'I Digital Post (fx e-Boks eller mit.dk)']) {
      await panel(page).getByRole('button', { name: choice }).click();
    }
    await panel(page).getByRole('textbox', { name: 'Dato' }).waitFor();
    const overflow = await page.evaluate(() => {
      const root = document.getElementById('medspiller-widget')!.shadowRoot!;
      const wide = [...root.querySelectorAll<HTMLElement>('.ms-panel, .ms-panel *')].filter(
        (node) => node.offsetParent !== null && node.getBoundingClientRect().right > window.innerWidth + 1,
      );
      return { page: document.documentElement.scrollWidth - window.innerWidth, wide: wide.map((n) => n.className || n.tagName) };
    });
    expect(overflow).toEqual({ page: 0, wide: [] });
    await screenshot(page, name.startsWith('320') ? 'reflow-320' : 'zoom-200');
    await context.close();
  });

  it('follows the browser’s text size: at 200% nothing is cut off or scrolls sideways', async () => {
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await openWidget(page, shared.app.url);
    const layout = await page.evaluate(() => {
      const root = document.getElementById('medspiller-widget')!.shadowRoot!;
      const clipped = [...root.querySelectorAll<HTMLElement>('.ms-panel *')].filter(
        (node) => node.offsetParent !== null && node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX !== 'visible',
      );
      return { fontSize: getComputedStyle(root.querySelector('.ms-root')!).fontSize, clipped: clipped.map((n) => n.className || n.tagName) };
    });
    expect(layout).toEqual({ fontSize: '32px', clipped: [] });
    await screenshot(page, 'text-200');
    await context.close();
  });

  it('reads the latest turn aloud with a voice on the device, never a voice synthesised online', async () => {
    const context = await shared.browser.newContext();
    await context.addInitScript(() => {
      const spoken: Array<{ text: string; lang: string; voice?: string }> = [];
      Object.assign(window, { __spoken: spoken });
      const voices = [
        // Listed first, as Chrome lists its own: synthesised on Google's servers.
        { name: 'Google dansk', lang: 'da-DK', localService: false },
        { name: 'Sara', lang: 'da-DK', localService: true },
        { name: 'Google UK English Female', lang: 'en-GB', localService: false },
      ];
      const listeners: Array<() => void> = [];
      Object.assign(window, { __addVoice: (voice: (typeof voices)[number]) => (voices.push(voice), listeners.forEach((l) => l())) });
      Object.defineProperty(window, 'speechSynthesis', {
        value: {
          speaking: false,
          cancel() {},
          getVoices: () => voices,
          addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
          speak(utterance: SpeechSynthesisUtterance) {
            spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name });
            setTimeout(() => utterance.onend?.(new Event('end') as SpeechSynthesisEvent), 0);
          },
        },
      });
      // The test's plain objects stand in for SpeechSynthesisVoice, which pages cannot construct.
      const Utterance = window.SpeechSynthesisUtterance;
      Object.defineProperty(window, 'SpeechSynthesisUtterance', {
        value: class extends Utterance {
          #voice: unknown;
          override get voice() {
            return this.#voice as SpeechSynthesisVoice;
          }
          override set voice(voice) {
            this.#voice = voice;
          }
        },
      });
    });
    const page = await context.newPage();
    await openWidget(page, shared.app.url);
    await panel(page).getByRole('button', { name: 'Læs op' }).click();
    await panel(page).getByRole('button', { name: 'English' }).click();
    // English has only an online voice: no button until a local one turns up.
    await poll(() => panel(page).getByRole('button', { name: 'Read aloud' }).count()).toBe(0);
    await page.evaluate(() => (window as unknown as { __addVoice(v: object): void }).__addVoice({ name: 'Daniel', lang: 'en-GB', localService: true }));
    await panel(page).getByRole('button', { name: 'Read aloud' }).click();
    const spoken = await page.evaluate(() => (window as unknown as { __spoken: Array<{ text: string; lang: string; voice?: string }> }).__spoken);
    expect(spoken.map((s) => [s.lang, s.voice])).toEqual([
      ['da-DK', 'Sara'],
      ['en-GB', 'Daniel'],
    ]);
    expect(spoken[0]!.text).toContain('Hvad vil du have hjælp til?');
    expect(spoken[1]!.text).toContain('Complain about a decision');
    await context.close();
  });
});
