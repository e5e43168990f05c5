import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, plainText, safeHref, type Block, type Inline } from '../../widget/markdown.js';

/** Every string the renderer will put into the page, as text nodes or href attributes. */
function strings(nodes: Array<Inline | Block>): string[] {
  return nodes.flatMap((n): string[] => {
    switch (n.t) {
      case 'text':
        return [n.v];
      case 'br':
        return [];
      case 'link':
        return [n.href, ...strings(n.c)];
      case 'p':
      case 'strong':
      case 'em':
        return strings(n.c);
      default:
        return n.items.flatMap((item) => strings(item));
    }
  });
}

describe('parseMarkdown', () => {
  it('reads paragraphs, line breaks, lists, bold, emphasis and links', () => {
    const blocks = parseMarkdown(
      'Du kan **klage** inden *4 uger*.\nSe [loven](https://www.retsinformation.dk/eli/lta/2024/261).\n\n- Navn\n- CPR-nummer\n\n1. Skriv\n2. Send',
    );
    expect(blocks).toEqual([
      {
        t: 'p',
        c: [
          { t: 'text', v: 'Du kan ' },
          { t: 'strong', c: [{ t: 'text', v: 'klage' }] },
          { t: 'text', v: ' inden ' },
          { t: 'em', c: [{ t: 'text', v: '4 uger' }] },
          { t: 'text', v: '.' },
          { t: 'br' },
          { t: 'text', v: 'Se ' },
          { t: 'link', href: 'https://www.retsinformation.dk/eli/lta/2024/261', c: [{ t: 'text', v: 'loven' }] },
          { t: 'text', v: '.' },
        ],
      },
      { t: 'ul', items: [[{ t: 'text', v: 'Navn' }], [{ t: 'text', v: 'CPR-nummer' }]] },
      { t: 'ol', items: [[{ t: 'text', v: 'Skriv' }], [{ t: 'text', v: 'Send' }]] },
    ]);
  });

  it('keeps a lone asterisk and a multiplication as text', () => {
    expect(parseInline('2 * 3 = 6')).toEqual([{ t: 'text', v: '2 * 3 = 6' }]);
  });
});

describe('injection attempts stay text', () => {
  it.each([
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '**<b onclick="x()">fed</b>**',
    '[<img src=x>](https://example.org)',
    '&lt;script&gt; &amp; &#x3C;',
  ])('markup in %j is kept as literal text', (source) => {
    const text = strings(parseMarkdown(source)).join('');
    for (const tag of source.match(/<[^>]*>|&[#\w]+;/g) ?? []) expect(text).toContain(tag);
  });

  it.each([
    '[klik](javascript:alert(1))',
    '[klik](JAVASCRIPT:alert(1))',
    '[klik](data:text/html,<script>alert(1)</script>)',
    '[klik](//evil.example/x)',
    '[klik](/relative)',
    '[klik](vbscript:x)',
  ])('%j gives no link', (source) => {
    expect(JSON.stringify(parseMarkdown(source))).not.toContain('"link"');
    expect(strings(parseMarkdown(source)).join('')).toContain('klik');
  });
});

describe('safeHref', () => {
  it('allows web, mail and phone links only', () => {
    expect(safeHref('https://ast.dk/klage')).toBe('https://ast.dk/klage');
    expect(safeHref('mailto:borgerservice@example.org')).toBe('mailto:borgerservice@example.org');
    expect(safeHref('tel:+4500000000')).toBe('tel:+4500000000');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref(' javascript:alert(1)')).toBeUndefined();
    expect(safeHref('vbscript:x')).toBeUndefined();
    expect(safeHref('https://')).toBeUndefined();
  });
});

describe('plainText', () => {
  it('drops markup for reading aloud and copying', () => {
    expect(plainText('Du kan **klage**. Se [loven](https://retsinformation.dk).\n\n- Navn\n- CPR')).toBe(
      'Du kan klage. Se loven.\n\n- Navn\n- CPR',
    );
  });
});
