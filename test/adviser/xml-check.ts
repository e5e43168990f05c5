/**
 * A tiny XML well-formedness check for the SVG maps (no XML parser is among
 * the dependencies): one root element, tags properly nested and closed,
 * attributes quoted and unique, and every `&` starting a known entity.
 * Returns the problems found (none for well-formed XML) and the elements.
 */
const ENTITY = /^&(?:#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);/;
const NAME = /^[A-Za-z_][\w.:-]*/;

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** Text directly inside the element. */
  text: string;
}

function checkText(text: string, where: number, problems: string[]): void {
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    if (!ENTITY.test(text.slice(i))) problems.push(`bad & at ${where + i}`);
  }
  if (text.includes('<')) problems.push(`raw < at ${where}`);
}

function parseAttributes(source: string, at: number, problems: string[]): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /\s+([A-Za-z_][\w.:-]*)="([^"]*)"/gy;
  let last = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    if (m[1]! in attributes) problems.push(`duplicate attribute ${m[1]} at ${at}`);
    checkText(m[2]!, at, problems);
    attributes[m[1]!] = m[2]!;
    last = pattern.lastIndex;
  }
  if (source.slice(last).trim() !== '') problems.push(`bad attributes "${source.slice(last)}" at ${at}`);
  return attributes;
}

export function checkXml(xml: string): { problems: string[]; elements: XmlElement[] } {
  const problems: string[] = [];
  const elements: XmlElement[] = [];
  const stack: XmlElement[] = [];
  let roots = 0;
  let i = 0;
  while (i < xml.length) {
    const open = xml.indexOf('<', i);
    const text = xml.slice(i, open < 0 ? xml.length : open);
    if (stack.length === 0 && text.trim() !== '') problems.push(`text outside the root at ${i}`);
    checkText(text, i, problems);
    if (stack.length > 0) stack[stack.length - 1]!.text += text;
    if (open < 0) break;
    const close = xml.indexOf('>', open);
    if (close < 0) {
      problems.push(`unclosed tag at ${open}`);
      break;
    }
    const tag = xml.slice(open + 1, close);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const top = stack.pop();
      if (top?.name !== name) problems.push(`</${name}> closes <${top?.name ?? 'nothing'}> at ${open}`);
    } else {
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const name = NAME.exec(body)?.[0];
      if (!name) problems.push(`bad tag name at ${open}`);
      const element = { name: name ?? '', attributes: parseAttributes(body.slice(name?.length ?? 0), open, problems), text: '' };
      elements.push(element);
      if (stack.length === 0) roots += 1;
      if (!selfClosing) stack.push(element);
    }
    i = close + 1;
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.map((e) => e.name).join('>, <')}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return { problems, elements };
}
