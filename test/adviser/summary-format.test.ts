/**
 * The summary the adviser hands over, as text and as a standalone HTML file,
 * built in the browser with the adviser's notes: every section present, the
 * notes only where they were written, and everything escaped.
 */
import { describe, expect, it } from 'vitest';
import { summaryToHtml, summaryToText, type SummaryInput } from '../../src/adviser/client/summary-format.js';
import { GUIDED_STRINGS } from '../../src/adviser/guided-strings.js';
import type { HandoverSummary } from '../../src/adviser/summary.js';

const summary: HandoverSummary = {
  conversation: 'abc',
  flow: 'complaint',
  flowTitle: 'Klage over en afgørelse',
  municipality: 'Demo Kommune',
  locale: 'da',
  done: false,
  answers: [
    { step: 1, question: 'Hvordan fik du afgørelsen?', answer: 'I Digital Post' },
    { step: 2, question: 'Hvilken dato står der på afgørelsen?', answer: '10. marts 2026' },
  ],
  deadlines: [{ key: 'd', text: 'Din frist er **tirsdag den 7. april 2026**.', legal: { source: 'Retssikkerhedsloven § 67', reviewed: '2026-01-15' } }],
  discussed: [{ key: 't', text: 'Du kan klage <b>gratis</b>.' }],
  nextSteps: [{ title: 'Husk', items: [{ key: 'i', text: 'Gem en kopi.' }] }, { link: { label: 'DUKH', href: 'https://dukh.dk' } }],
  documents: [{ id: 'letter', title: 'Klage', text: 'Til kommunen\n\nJeg klager.', downloads: [] }],
  sources: [{ source: 'Retssikkerhedsloven § 67', reviewed: '2026-01-15' }],
};

const input: SummaryInput = {
  summary,
  notes: [{ step: 2, question: 'Hvilken dato står der på afgørelsen?', text: 'Brevet lå i e-Boks <i>uåbnet</i>.' }],
  strings: GUIDED_STRINGS.da!,
  date: '20. marts 2026',
};

describe('summaryToText', () => {
  it('has the answers, the deadline with its source, next steps, letters, what was said and the notes', () => {
    const text = summaryToText(input);
    expect(text.startsWith('Opsummering: Klage over en afgørelse\n====')).toBe(true);
    expect(text).toContain('Dato: 20. marts 2026 · Demo Kommune');
    expect(text).toContain('2. Hvilken dato står der på afgørelsen?\n   Svar: 10. marts 2026');
    expect(text).toContain('- Din frist er tirsdag den 7. april 2026.\n  Kilde: Retssikkerhedsloven § 67 (gennemgået 2026-01-15)');
    expect(text).toContain('Husk\n- [ ] Gem en kopi.\n- DUKH: https://dukh.dk');
    expect(text).toContain('Klage\n\nTil kommunen\n\nJeg klager.');
    expect(text).toContain('Rådgiverens noter\n-----------------\n2. Hvilken dato står der på afgørelsen?\n   Brevet lå i e-Boks <i>uåbnet</i>.');
  });

  it('leaves the notes section out when there are no notes', () => {
    expect(summaryToText({ ...input, notes: [] })).not.toContain('Rådgiverens noter');
  });
});

describe('summaryToHtml', () => {
  it('is a standalone page with every section, escaping content and notes', () => {
    const html = summaryToHtml(input);
    expect(html).toMatch(/^<!doctype html>\n<html lang="da">/);
    expect(html).toContain('<td>2</td><td>Hvilken dato står der på afgørelsen?</td><td>10. marts 2026</td>');
    expect(html).toContain('Du kan klage &#60;b&#62;gratis&#60;/b&#62;.');
    expect(html).toContain('Brevet lå i e-Boks &#60;i&#62;uåbnet&#60;/i&#62;.');
    expect(html).not.toContain('<script');
    for (const heading of ['Svarene', 'Frister', 'Næste skridt', 'Breve', 'Det har vi talt om', 'Rådgiverens noter', 'Kilder']) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
  });
});
