/**
 * The stylesheet of the adviser pages (/adviser/assets/adviser.css): large
 * targets (at least 44 px), visible focus, high contrast, reduced motion, and
 * a print view that shows only the summary.
 */
export const GUIDED_CSS = `
:root { color-scheme: light; --ink: #111; --muted: #3d3d3d; --line: #767676; --accent: #0b4f9c; --soft: #f3f6fa; --warn: #8b0000; }
* { box-sizing: border-box; }
body { margin: 0; font: 1.05rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
.skip-link { position: absolute; left: -9999px; top: 0; }
.skip-link:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.75rem; z-index: 10; }
.page-header, main { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
.page-header { padding-top: 1rem; }
h1 { font-size: 1.7rem; margin: 0.5rem 0; }
h2 { font-size: 1.35rem; }
h3 { font-size: 1.1rem; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
button, select, input, textarea { font: inherit; min-height: 44px; }
button { min-width: 44px; padding: 0.5rem 1rem; border: 2px solid var(--accent); border-radius: 6px; background: #fff; color: var(--accent); cursor: pointer; }
button.primary, button.choice { background: var(--accent); color: #fff; }
button:hover { text-decoration: underline; }
button[disabled] { opacity: 0.6; cursor: default; }
select, input, textarea { border: 2px solid var(--line); border-radius: 6px; padding: 0.4rem 0.6rem; max-width: 100%; }
textarea { width: 100%; min-height: 6rem; }
.field { display: flex; flex-direction: column; gap: 0.25rem; margin: 0 0 1rem; max-width: 28rem; }
.field label, label { font-weight: 600; }
.privacy { color: var(--muted); }
.links { margin: 1rem 0; }
.status { min-height: 1.5rem; font-weight: 600; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; }
@media (max-width: 48rem) { .layout { grid-template-columns: 1fr; } }
.reply { margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; border-left: 4px solid var(--line); background: var(--soft); }
.reply p { margin: 0.25rem 0; }
.doc-text { white-space: pre-wrap; font-family: Georgia, serif; background: #fff; border: 1px solid var(--line); padding: 0.5rem; }
.question { font-weight: 700; font-size: 1.1rem; }
.choices { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0.5rem 0 1rem; }
.answer-row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; margin: 0.5rem 0 1rem; }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 1rem 0; }
aside.legal { border: 2px solid var(--line); border-radius: 6px; padding: 0 1rem 1rem; }
aside.legal li { margin: 0.5rem 0; }
.history li { margin: 0.25rem 0; }
.history .citizen { font-weight: 600; }
.summary-block { margin: 1rem 0; }
.summary-answers { border-collapse: collapse; width: 100%; }
.summary-answers th, .summary-answers td { border: 1px solid var(--line); padding: 0.4rem; text-align: left; vertical-align: top; }
.toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 1rem 0; }
.map { overflow-x: auto; margin: 1rem 0; }
.map svg { max-width: none; height: auto; }
.edge-list li { margin: 0.2rem 0; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; scroll-behavior: auto !important; } }
@media (forced-colors: active) { button.primary, button.choice { border: 2px solid ButtonText; } }
@media print {
  body.printing-summary .page-header, body.printing-summary #setup, body.printing-summary #session, body.printing-summary .toolbar, body.printing-summary .status, .skip-link { display: none !important; }
  body { font-size: 11pt; }
  a { color: inherit; }
  .summary-block { break-inside: avoid; page-break-inside: avoid; }
}
`;
