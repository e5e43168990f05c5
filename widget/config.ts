/**
 * The embed contract: what a municipal page may put on the script tag.
 *   <script src="https://HOST/widget.js" data-municipality="demo" data-locale="da" defer></script>
 *   data-mode="inline" data-target="#medspiller"  render into that element instead of a launcher
 *   data-flow="complaint"                          start in a given flow
 *   data-api="https://HOST/api/v1/"                 API base (default: api/v1/ next to widget.js)
 *   data-phone="70 00 00 00"                        the citizen service's number, offered when the server cannot help
 * Pure: reads the tag's src and data attributes only.
 */
export interface WidgetConfig {
  apiBase: string;
  municipality?: string;
  locale?: string;
  flow?: string;
  mode: 'popup' | 'inline';
  /** CSS selector of the element the inline widget fills. */
  target: string;
  /** The citizen service's phone number as the page writes it; only set when it has digits. */
  phone?: string;
}

const DEFAULT_TARGET = '#medspiller';

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function readConfig(src: string, data: Record<string, string | undefined>): WidgetConfig {
  const api = nonEmpty(data.api);
  const apiBase = new URL(api ?? 'api/v1/', src).href;
  return {
    apiBase: apiBase.endsWith('/') ? apiBase : `${apiBase}/`,
    municipality: nonEmpty(data.municipality),
    locale: nonEmpty(data.locale),
    flow: nonEmpty(data.flow),
    mode: data.mode === 'inline' ? 'inline' : 'popup',
    target: nonEmpty(data.target) ?? DEFAULT_TARGET,
    phone: /\d/.test(data.phone ?? '') ? nonEmpty(data.phone) : undefined,
  };
}
