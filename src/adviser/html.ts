/**
 * Safe HTML from content texts for the adviser pages: everything is escaped
 * first, then only the light Markdown of content files is turned into tags
 * (`**bold**`, `_italic_`, lines starting with "- " as a list), and fields the
 * conversation fills in are marked. No HTML in a content string ever reaches
 * the page as HTML.
 *
 * Pure.
 */
import { escapeHtml } from '../escape-html.js';

export { escapeHtml };

const FIELD = /\{[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*(?::[a-z-]+)?(?:\|[^{}]*)?\}/g;
const SAFE_URL = /^https?:\/\/[^\s<>"']+$/;

function inline(escaped: string): string {
  return escaped
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])_([^_]+)_(?=[\s.,;:!?)]|$)/g, '$1<em>$2</em>')
    .replace(FIELD, (field) => `<code class="field">${field}</code>`);
}

/** A content text (light Markdown) as paragraphs and lists. */
export function contentHtml(text: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .map((block) => {
      const lines = block.split('\n');
      const html: string[] = [];
      let list: string[] = [];
      const flush = () => {
        if (list.length > 0) html.push(`<ul>${list.map((item) => `<li>${item}</li>`).join('')}</ul>`);
        list = [];
      };
      const paragraph: string[] = [];
      for (const line of lines) {
        const item = /^\s*[-*]\s+(.*)$/.exec(line);
        if (item) {
          if (paragraph.length > 0) html.push(`<p>${paragraph.splice(0).join('<br>\n')}</p>`);
          list.push(inline(escapeHtml(item[1]!)));
        } else {
          flush();
          paragraph.push(inline(escapeHtml(line)));
        }
      }
      flush();
      if (paragraph.length > 0) html.push(`<p>${paragraph.join('<br>\n')}</p>`);
      return html.join('\n');
    })
    .join('\n');
}

/** A link to a web address, or the address as text when it is not a plain http(s) URL. */
export function urlHtml(url: string, label = url): string {
  return SAFE_URL.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>` : escapeHtml(label);
}
