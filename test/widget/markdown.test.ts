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

describe('phone numbers and e-mail addresses', () => {
  const tel = (v: string, href: string): Inline => ({ t: 'link', href, c: [{ t: 'text', v }] });

  it('become links, so a citizen calls or writes with one tap', () => {
    expect(parseInline('- Telefon: 70 00 00 00')).toEqual([{ t: 'text', v: '- Telefon: ' }, tel('70 00 00 00', 'tel:+4570000000')]);
    expect(parseInline('Ring +45 70112233 eller 70\u00a011\u00a022\u00a033.')).toEqual([
      { t: 'text', v: 'Ring ' },
      tel('+45 70112233', 'tel:+4570112233'),
      { t: 'text', v: ' eller ' },
      tel('70\u00a011\u00a022\u00a033', 'tel:+4570112233'),
      { t: 'text', v: '.' },
    ]);
    expect(parseInline('**E-mail: borgerservice@demo.example.dk**')).toEqual([
      { t: 'strong', c: [{ t: 'text', v: 'E-mail: ' }, tel('borgerservice@demo.example.dk', 'mailto:borgerservice@demo.example.dk')] },
    ]);
    // In Arabic text the server sets the number apart with invisible isolates.
    expect(parseInline('الرقم \u206870 00 00 00\u2069.')[1]).toEqual(tel('70 00 00 00', 'tel:+4570000000'));
  });

  it('leave other numbers alone: CPR numbers, dates, amounts, years, longer digit runs', () => {
    for (const text of ['010203-1234', '0102031234', '15.3.2026', 'kr. 12 000 000', 'år 2026 og 2027', '1234567', '123456789']) {
      expect(parseInline(text), text).toEqual([{ t: 'text', v: text }]);
    }
  });

  it('are not linked again inside a link', () => {
    expect(parseInline('[Ring 70 00 00 00](tel:+4570000000)')).toEqual([tel('Ring 70 00 00 00', 'tel:+4570000000')]);
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
