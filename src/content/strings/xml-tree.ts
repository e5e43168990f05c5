/**
 * A small, strict XML reader for translation files: elements with attributes, text
 * (entities and character references decoded), CDATA; comments, processing
 * instructions and the doctype are skipped. Enough for XLIFF written by translation
 * tools; anything malformed throws with the line it is on.
 *
 * Pure.
 */

export interface XmlElement {
  /** The local name, without a namespace prefix. */
  name: string;
  attributes: Record<string, string>;
  children: Array<XmlElement | string>;
  line: number;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string, line = 0): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (whole, ref: string | undefined) => {
    if (!ref) throw new Error(`line ${line}: a "&" must be written &amp;`);
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const known = ENTITIES[ref];
    if (known === undefined) throw new Error(`line ${line}: unknown entity ${whole}`);
    return known;
  });
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' } as Record<string, string>)[c]};`);
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function parseAttributes(source: string, line: number): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let rest = source;
  for (const m of source.matchAll(pattern)) {
    attributes[m[1]!] = decodeEntities(m[3] ?? m[4] ?? '', line);
    rest = rest.replace(m[0], '');
  }
  if (rest.trim() !== '') throw new Error(`line ${line}: cannot read the attributes "${rest.trim()}"`);
  return attributes;
}

const SKIPPED = [
  ['<!--', '-->'],
  ['<?', '?>'],
  ['<!DOCTYPE', '>'],
] as const;

/** Parses a whole document and returns its root element. */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], line: 1 };
  const stack: XmlElement[] = [root];
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('<', i);
    const textEnd = open < 0 ? text.length : open;
    if (textEnd > i) stack.at(-1)!.children.push(decodeEntities(text.slice(i, textEnd), lineAt(i)));
    if (open < 0) break;
    const skip = SKIPPED.find(([start]) => text.startsWith(start, open));
    if (skip) {
      const end = text.indexOf(skip[1], open);
      if (end < 0) throw new Error(`line ${lineAt(open)}: "${skip[0]}" is not closed`);
      i = end + skip[1].length;
      continue;
    }
    if (text.startsWith('<![CDATA[', open)) {
      const end = text.indexOf(']]>', open);
      if (end < 0) throw new Error(`line ${lineAt(open)}: CDATA is not closed`);
      stack.at(-1)!.children.push(text.slice(open + 9, end));
      i = end + 3;
      continue;
    }
    const close = text.indexOf('>', open);
    if (close < 0) throw new Error(`line ${lineAt(open)}: a tag is not closed`);
    i = close + 1;
    readTag(text.slice(open + 1, close), lineAt(open), stack);
  }
  if (stack.length > 1) throw new Error(`<${stack.at(-1)!.name}> opened on line ${stack.at(-1)!.line} is not closed`);
  const element = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!element) throw new Error('the file holds no XML element');
  return element;
}

function readTag(tag: string, line: number, stack: XmlElement[]): void {
  if (tag.startsWith('/')) {
    const name = localName(tag.slice(1).trim());
    const current = stack.pop();
    if (!current || current.name !== name || stack.length === 0) throw new Error(`line ${line}: </${name}> does not close an open element`);
    return;
  }
  const selfClosing = tag.endsWith('/');
  const body = selfClosing ? tag.slice(0, -1) : tag;
  const nameEnd = body.search(/\s|$/);
  const element: XmlElement = { name: localName(body.slice(0, nameEnd)), attributes: parseAttributes(body.slice(nameEnd), line), children: [], line };
  stack.at(-1)!.children.push(element);
  if (!selfClosing) stack.push(element);
}

/** Every element named `name` below `element`, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) =>
    typeof child === 'string' ? [] : [...(child.name === name ? [child] : []), ...descendants(child, name)],
  );
}
