/**
 * widget.js: one script tag adds Medspiller to any page (see config.ts for the
 * attributes). The widget lives in an open Shadow DOM so the host page's CSS and
 * ours never meet. Styles go in through a constructed stylesheet (allowed by a
 * strict `style-src 'self'` CSP); browsers without adoptedStyleSheets get a
 * <style> element, which such a CSP would block.
 */
import { createApi } from './api.js';
import { readConfig, type WidgetConfig } from './config.js';
import { Controller } from './controller.js';
import { createSession } from './session.js';
import css from './widget.css';

function addStyles(shadow: ShadowRoot): void {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}

function hostFor(config: WidgetConfig): { host: HTMLElement; config: WidgetConfig } {
  if (config.mode === 'inline') {
    const target = document.querySelector<HTMLElement>(config.target);
    if (target) return { host: target, config };
    console.warn(`Medspiller: no element matches data-target "${config.target}"; showing the chat button instead.`);
  }
  const host = document.createElement('div');
  host.id = 'medspiller-widget';
  document.body.append(host);
  return { host, config: { ...config, mode: 'popup' } };
}

function mount(script: HTMLScriptElement): void {
  const { host, config } = hostFor(readConfig(script.src, { ...script.dataset }));
  if (host.shadowRoot) return;
  const shadow = host.attachShadow({ mode: 'open' });
  addStyles(shadow);
  const session = createSession(`medspiller:${config.apiBase}:${config.municipality ?? ''}`);
  new Controller(shadow, config, createApi(config.apiBase), session).init();
}

const script = (document.currentScript ?? document.querySelector('script[src*="widget.js"]')) as HTMLScriptElement | null;
if (script) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => mount(script), { once: true });
  else mount(script);
}
