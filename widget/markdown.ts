/**
 * The light Markdown of bot texts: paragraphs, line breaks, "- " and "1. " lists,
 * **bold**, *emphasis* and [links](https://…). Parsing gives a small tree of plain
 * data; `render-markdown.ts` turns it into DOM nodes with textContent only, so no
 * string is ever interpreted as HTML. Links are kept only for http(s), mailto and tel;
 * phone numbers and e-mail addresses in the text are linked too.
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

export function parseInline(text: string, contacts = true): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  for (let m = INLINE.exec(rest); m; m = INLINE.exec(rest)) {
    if (m.index > 0) pushText(out, rest.slice(0, m.index), contacts);
    if (m[1] !== undefined) out.push({ t: 'strong', c: parseInline(m[1], contacts) });
    else if (m[2] !== undefined) out.push({ t: 'em', c: parseInline(m[2], contacts) });
    else {
      const href = safeHref(m[4]!);
      if (href) out.push({ t: 'link', href, c: parseInline(m[3]!, false) });
      else pushText(out, m[3]!);
    }
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest) pushText(out, rest, contacts);
  return out;
}

/**
 * Danish phone numbers (8 digits, in pairs or not, maybe after +45) and e-mail addresses in a text:
 * they become links, so a citizen on a phone calls or writes with one tap instead of copying digits.
 * Digits next to other digits (a CPR number, an amount) are left alone.
 */
const CONTACT = /(?<![\d+])(\+45[ \u00a0]?)?(\d{2}(?:[ \u00a0]?\d{2}){3})(?![\d])|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

function pushContacts(out: Inline[], line: string): void {
  let from = 0;
  for (const m of line.matchAll(CONTACT)) {
    if (m.index > from) out.push({ t: 'text', v: line.slice(from, m.index) });
    const href = m[2] ? `tel:+45${m[2].replace(/\D/g, '')}` : `mailto:${m[0]}`;
    out.push({ t: 'link', href, c: [{ t: 'text', v: m[0] }] });
    from = m.index + m[0].length;
  }
  if (from < line.length) out.push({ t: 'text', v: line.slice(from) });
}

/** `contacts`: phone numbers and e-mail addresses become links (not inside a link's own label). */
function pushText(out: Inline[], text: string, contacts = true): void {
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (i > 0) out.push({ t: 'br' });
    if (!line) return;
    if (contacts) pushContacts(out, line);
    else out.push({ t: 'text', v: line });
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
