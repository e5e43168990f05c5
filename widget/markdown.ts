/**
 * The light Markdown of bot texts: paragraphs, line breaks, "- " and "1. " lists,
 * **bold**, *emphasis* and [links](https://…). Parsing gives a small tree of plain
 * data; `render-markdown.ts` turns it into DOM nodes with textContent only, so no
 * string is ever interpreted as HTML. Links are kept only for http(s), mailto and tel.
 */
export type Inline =
  | { t: 'text'; v: string }
  | { t: 'br' }
  | { t: 'strong' | 'em'; c: Inline[] }
  | { t: 'link'; href: string; c: Inline[] };

export type Block = { t: 'p'; c: Inline[] } | { t: 'ul' | 'ol'; items: Inline[][] };

const INLINE = /\*\*(.+?)\*\*|\*(?=\S)(.+?)\*|\[([^\]\n]+)\]\(([^)\s]+)\)/;
const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

/** The href when it is a safe absolute link, otherwise undefined. */
export function safeHref(href: string): string | undefined {
  if (!/^(https?:\/\/|mailto:|tel:)/i.test(href)) return undefined;
  try {
    return new URL(href).href;
  } catch {
    return undefined;
  }
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  for (let m = INLINE.exec(rest); m; m = INLINE.exec(rest)) {
    if (m.index > 0) pushText(out, rest.slice(0, m.index));
    if (m[1] !== undefined) out.push({ t: 'strong', c: parseInline(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'em', c: parseInline(m[2]) });
    else {
      const href = safeHref(m[4]!);
      if (href) out.push({ t: 'link', href, c: parseInline(m[3]!) });
      else pushText(out, m[3]!);
    }
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest) pushText(out, rest);
  return out;
}

function pushText(out: Inline[], text: string): void {
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (i > 0) out.push({ t: 'br' });
    if (line) out.push({ t: 'text', v: line });
  });
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ t: 'p', c: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    const item = BULLET.exec(line) ?? NUMBERED.exec(line);
    if (item) {
      flush();
      const kind: 'ul' | 'ol' = BULLET.test(line) ? 'ul' : 'ol';
      const last = blocks[blocks.length - 1];
      if (last && last.t === kind) last.items.push(parseInline(item[1]!));
      else blocks.push({ t: kind, items: [parseInline(item[1]!)] });
    } else if (line.trim() === '') flush();
    else paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

function inlineText(nodes: Inline[]): string {
  return nodes.map((n) => (n.t === 'text' ? n.v : n.t === 'br' ? '\n' : inlineText(n.c))).join('');
}

/** The text without its markup, for reading aloud and copying. */
export function plainText(source: string): string {
  return parseMarkdown(source)
    .map((b) => (b.t === 'p' ? inlineText(b.c) : b.items.map((i) => `- ${inlineText(i)}`).join('\n')))
    .join('\n\n');
}
