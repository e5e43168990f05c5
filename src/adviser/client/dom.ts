/**
 * Small DOM helpers for the guided-session page. Text only ever enters the page
 * through textContent: content texts are shown with their light Markdown
 * (`**bold**`, `_italic_`, "- " lists) built as elements, never as HTML.
 */
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function inline(text: string): Node[] {
  const nodes: Node[] = [];
  const pattern = /\*\*([^*]+)\*\*|(^|[\s(])_([^_]+)_(?=[\s.,;:!?)]|$)/g;
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    const lead = match[2] ?? '';
    nodes.push(document.createTextNode(text.slice(at, start) + lead));
    nodes.push(match[1] !== undefined ? el('strong', {}, match[1]) : el('em', {}, match[3]!));
    at = start + match[0].length;
  }
  nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}

/** A content text as paragraphs and lists. */
export function richText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of text.trim().split(/\n{2,}/)) {
    let list: HTMLUListElement | undefined;
    let paragraph: HTMLParagraphElement | undefined;
    for (const line of block.split('\n')) {
      const item = /^\s*[-*]\s+(.*)$/.exec(line);
      if (item) {
        paragraph = undefined;
        list ??= fragment.appendChild(el('ul'));
        list.append(el('li', {}, ...inline(item[1]!)));
      } else {
        list = undefined;
        if (paragraph) paragraph.append(el('br'));
        paragraph ??= fragment.appendChild(el('p'));
        paragraph.append(...inline(line));
      }
    }
  }
  return fragment;
}

export function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`missing #${id}`);
  return found as T;
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
