/**
 * The stylesheet of a printed script: readable on screen, and on paper with
 * the contents on their own page, steps kept whole, the appendix on a new page
 * and link addresses written out.
 */
export const SCRIPT_CSS = `
  :root { color-scheme: light; }
  body { font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; background: #fff; max-width: 48rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.6rem; margin-bottom: 0.25rem; }
  h2 { font-size: 1.3rem; border-bottom: 2px solid #333; padding-bottom: 0.2rem; margin-top: 2rem; }
  h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
  h4 { font-size: 0.95rem; margin: 0.75rem 0 0.25rem; text-transform: uppercase; letter-spacing: 0.03em; }
  nav.toc ul { list-style: none; padding-left: 1.25rem; }
  nav.toc > ul { padding-left: 0; }
  .num { display: inline-block; min-width: 2.5rem; font-variant-numeric: tabular-nums; }
  .node-id, .field { font-size: 0.85em; background: #eee; padding: 0 0.25em; border-radius: 3px; }
  .meta, .legal, .note { color: #333; font-size: 0.9rem; }
  .legal { border-left: 3px solid #1a5fb4; padding-left: 0.5rem; }
  blockquote.text { margin: 0.5rem 0; padding: 0.25rem 0.75rem; border-left: 4px solid #999; background: #f7f7f7; }
  .condition { font-style: italic; margin: 0.25rem 0; }
  .warning { font-weight: bold; color: #8b0000; }
  .flag { font-style: italic; }
  .choices li, .routes li { margin: 0.2rem 0; }
  .letter { border: 1px solid #999; padding: 0.5rem 1rem; font-family: Georgia, "Times New Roman", serif; }
  a { color: #1a5fb4; }
  a:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
  @media print {
    @page { margin: 18mm 15mm; }
    body { max-width: none; padding: 0; font-size: 11pt; }
    nav.toc { break-after: page; page-break-after: always; }
    section.branch h2 { break-after: avoid; page-break-after: avoid; }
    article.step, article.attachment, blockquote.text { break-inside: avoid; page-break-inside: avoid; }
    section.appendix, section.sources { break-before: page; page-break-before: always; }
    a { color: inherit; text-decoration: none; }
    a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
    blockquote.text { background: none; }
  }
`;
