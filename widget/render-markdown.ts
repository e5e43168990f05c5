/**
 * Turns parsed Markdown into DOM nodes. Only createElement and text nodes:
 * whatever a text contains ends up as text, never as markup.
 */
import { parseMarkdown, safeHref, type Inline } from './markdown.js';
import { el } from './dom.js';

/**
 * A link; web links open a new window and say so to everyone (WCAG 3.2.5 advice).
 * An unsafe href (javascript:, data:, relative) gives plain text instead.
 */
export function externalLink(href: string, content: Node[] | string, newWindow: string, className?: string): HTMLElement {
  const safe = safeHref(href);
  const children = typeof content === 'string' ? [content] : content;
  if (!safe) return el('span', {}, ...children);
  const a = el('a', { href: safe, className }, ...children);
  if (/^https?:/i.test(safe)) {
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.append(el('span', { className: 'ms-sr' }, ` ${newWindow}`));
  }
  return a;
}

function inlineNodes(nodes: Inline[], newWindow: string): Node[] {
  return nodes.map((n): Node => {
    switch (n.t) {
      case 'text':
        return document.createTextNode(n.v);
      case 'br':
        return el('br');
      case 'link':
        return externalLink(n.href, inlineNodes(n.c, newWindow), newWindow);
      default:
        return el(n.t, {}, ...inlineNodes(n.c, newWindow));
    }
  });
}

export function renderMarkdown(source: string, newWindow: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of parseMarkdown(source)) {
    if (block.t === 'p') fragment.append(el('p', {}, ...inlineNodes(block.c, newWindow)));
    else fragment.append(el(block.t, {}, ...block.items.map((item) => el('li', {}, ...inlineNodes(item, newWindow)))));
  }
  return fragment;
}
