/**
 * A script as one printable, standalone HTML page: a table of contents, one
 * section per branch, page-break hints for print, and the appendix of letters
 * and checklists. Every content string is escaped (see ./html.ts); the only
 * tags come from this file. No scripts; the one stylesheet is inline so the
 * file can be saved and printed anywhere.
 *
 * Pure and deterministic.
 */
import type { LegalSource } from '../engine/types.js';
import { contentHtml, escapeHtml, urlHtml } from './html.js';
import type { Script, ScriptAttachment, ScriptChoice, ScriptItem, ScriptStep } from './script-model.js';
import { attachmentWord, jumpPhrase, legalPhrase, nodeAnchor, routeLead, sectionAnchor, type PhraseFormat } from './script-phrases.js';
import type { ScriptText } from './script-texts.js';
import { SCRIPT_CSS } from './script-css.js';
import { fill, type AdviserStrings } from './strings.js';

export interface HtmlScriptOptions {
  /** Links a jump to another flow to that flow's script (web pages); plain text when undefined. */
  flowHref?: (flow: string, anchor: string) => string;
}

function format(options: HtmlScriptOptions): PhraseFormat {
  return {
    text: escapeHtml,
    target: (label, anchor, flow) => {
      if (flow === undefined) return `<a href="#${anchor}">${escapeHtml(label)}</a>`;
      return options.flowHref ? `<a href="${escapeHtml(options.flowHref(flow, anchor))}">${escapeHtml(label)}</a>` : escapeHtml(label);
    },
  };
}

function legalHtml(strings: AdviserStrings, legal: LegalSource): string {
  const link = legal.sourceUrl ? ` · ${urlHtml(legal.sourceUrl)}` : '';
  return `<p class="legal">${escapeHtml(legalPhrase(strings, legal))}${link}</p>`;
}

function condition(strings: AdviserStrings, text: string | undefined): string {
  return text ? `<p class="condition"><strong>${escapeHtml(strings.onlyIf)}:</strong> ${escapeHtml(text)}</p>` : '';
}

function textHtml(strings: AdviserStrings, text: ScriptText, cond?: string): string {
  const body = text.missing
    ? `<p class="warning">⚠ ${escapeHtml(strings.missingText)}: <code>${escapeHtml(text.key)}</code></p>`
    : `<div class="content">${contentHtml(text.text)}</div>`;
  const legal = text.legal ? legalHtml(strings, text.legal) : '';
  const note = text.note ? `<p class="note">${escapeHtml(strings.note)}: ${escapeHtml(text.note)}</p>` : '';
  return `<blockquote class="text">${condition(strings, cond)}${body}${legal}${note}</blockquote>`;
}

function itemHtml(strings: AdviserStrings, item: ScriptItem): string {
  if (item.kind === 'text') return textHtml(strings, item.text, item.condition);
  if (item.kind === 'link') {
    const href = `<code>${escapeHtml(item.href)}</code>`;
    return `<blockquote class="text">${condition(strings, item.condition)}<p>${escapeHtml(strings.link)}: ${escapeHtml(item.label.text)} (${href})</p></blockquote>`;
  }
  const kind = attachmentWord(strings, item.attachmentKind);
  const ref = `<a href="#appendix-${item.appendix}">${escapeHtml(fill(strings.seeAppendix, { n: item.appendix }))}</a>`;
  return `<blockquote class="text attachment">${condition(strings, item.condition)}<p>${escapeHtml(kind)}: <strong>${escapeHtml(item.title.text)}</strong> (${ref})</p></blockquote>`;
}

function choiceHtml(strings: AdviserStrings, choice: ScriptChoice, f: PhraseFormat): string {
  const routes = choice.routes.map((r) => `${r.condition ? `${escapeHtml(strings.ifWord)} ${escapeHtml(r.condition)}: ` : ''}→ ${jumpPhrase(strings, r.jump, f)}`);
  const details: string[] = routes.length > 1 ? routes : [];
  if (choice.condition) details.push(`${escapeHtml(strings.onlyIf)}: ${escapeHtml(choice.condition)}`);
  if (choice.sets) details.push(`${escapeHtml(strings.alsoSets)}: ${choice.sets.map((s) => `<code>${escapeHtml(s.slot)}</code> = ${escapeHtml(s.value)}`).join(', ')}`);
  const sub = details.length > 0 ? `<ul>${details.map((d) => `<li>${d}</li>`).join('')}</ul>` : '';
  return `<li>${escapeHtml(choice.label.text)} <code>${escapeHtml(choice.id)}</code>${routes.length === 1 ? ` ${routes[0]}` : ''}${sub}</li>`;
}

function flags(strings: AdviserStrings, step: ScriptStep): string[] {
  const out: string[] = [];
  if (step.entry) out.push(`<p class="flag">${escapeHtml(strings.entry)}</p>`);
  if (step.unreachable) out.push(`<p class="warning">⚠ ${escapeHtml(strings.unreachable)}</p>`);
  return out;
}

function stepHtml(strings: AdviserStrings, step: ScriptStep, f: PhraseFormat): string {
  const h = (label: string) => `<h4>${escapeHtml(label)}</h4>`;
  const out = [`<article class="step" id="${nodeAnchor(step.id)}" aria-labelledby="${nodeAnchor(step.id)}-h">`];
  out.push(`<h3 id="${nodeAnchor(step.id)}-h"><span class="num">${step.number}</span> ${escapeHtml(step.title)} <code class="node-id">${escapeHtml(step.id)}</code></h3>`);
  out.push(...flags(strings, step));
  for (const c of step.computes) {
    const args = c.args.map((a) => `<code>${escapeHtml(a.slot)}</code>`).join(', ');
    out.push(`<p class="compute"><strong>${escapeHtml(strings.computes)}:</strong> <code>${escapeHtml(c.slot)}</code> = ${escapeHtml(c.fn)}(${args})${c.explain ? `. ${escapeHtml(c.explain)}` : ''}</p>`);
  }
  if (step.say.length > 0) out.push(h(strings.say), ...step.say.map((item) => itemHtml(strings, item)));
  if (step.question) out.push(h(strings.ask), textHtml(strings, step.question));
  if (step.answer) out.push(`<p><strong>${escapeHtml(strings.answer)}:</strong> ${escapeHtml(step.answer)}</p>`);
  if (step.slot) out.push(`<p><strong>${escapeHtml(strings.storedIn)}:</strong> <code>${escapeHtml(step.slot)}</code></p>`);
  if (step.choices.length > 0) out.push(h(strings.choices), `<ol class="choices">${step.choices.map((c) => choiceHtml(strings, c, f)).join('')}</ol>`);
  for (const e of step.effects) out.push(`<p><strong>${escapeHtml(strings.effects)}:</strong> <code>${escapeHtml(e.name)}</code>${e.description ? `: ${escapeHtml(e.description)}` : ''}</p>`);
  if (step.routes.length > 0) {
    const items = step.routes.map((r) => `<li><strong>${escapeHtml(routeLead(strings, r, step.routes.length === 1))}:</strong> → ${jumpPhrase(strings, r.jump, f)}</li>`);
    out.push(`<ul class="routes">${items.join('')}</ul>`);
  }
  if (step.end) out.push(`<p class="flag">${escapeHtml(strings.end)}</p>`);
  if (step.deadEnd) out.push(`<p class="warning">⚠ ${escapeHtml(strings.deadEnd)}</p>`);
  out.push('</article>');
  return out.join('\n');
}

function attachmentHtml(strings: AdviserStrings, a: ScriptAttachment): string {
  const kind = attachmentWord(strings, a.kind);
  const out = [`<article class="attachment" id="appendix-${a.number}">`, `<h3>${a.number}. ${escapeHtml(kind)}: ${escapeHtml(a.title.text)}</h3>`];
  const formats = a.formats ? ` · ${escapeHtml(strings.formats)}: ${escapeHtml(a.formats.join(', '))}` : '';
  out.push(`<p class="meta">${escapeHtml(strings.step)}: ${a.steps.map((s) => escapeHtml(s)).join(', ')}${formats}</p>`);
  if (a.fields.length > 0) out.push(`<p class="meta">${escapeHtml(strings.placeholders)}: ${a.fields.map((x) => `<code class="field">${escapeHtml(x)}</code>`).join(', ')}</p>`);
  if (a.body) out.push(`<div class="letter">${contentHtml(a.body.text)}</div>`);
  if (a.body?.legal) out.push(legalHtml(strings, a.body.legal));
  if (a.items) {
    const items = a.items.map((it) => `<li>${contentHtml(it.text.text)}${it.condition ? `<p class="condition">${escapeHtml(strings.onlyIf)}: ${escapeHtml(it.condition)}</p>` : ''}</li>`);
    out.push(`<ul class="checklist">${items.join('')}</ul>`);
  }
  out.push('</article>');
  return out.join('\n');
}

function contentsHtml(script: Script): string {
  const s = script.strings;
  const sections = script.sections.map((steps, i) => {
    const inner = steps.map((step) => `<li><a href="#${nodeAnchor(step.id)}">${step.number} ${escapeHtml(step.title)}</a></li>`).join('');
    return `<li><a href="#${sectionAnchor(i + 1)}">${escapeHtml(s.section)} ${i + 1}</a><ul>${inner}</ul></li>`;
  });
  if (script.attachments.length > 0) sections.push(`<li><a href="#appendix">${escapeHtml(s.appendix)}</a></li>`);
  if (script.sources.length > 0) sections.push(`<li><a href="#sources">${escapeHtml(s.sources)}</a></li>`);
  return `<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">${escapeHtml(s.contents)}</h2><ul>${sections.join('\n')}</ul></nav>`;
}

export function scriptToHtml(script: Script, options: HtmlScriptOptions = {}): string {
  const s = script.strings;
  const f = format(options);
  const title = fill(s.scriptTitle, { title: script.title });
  const sections = script.sections.map((steps, i) => {
    const id = sectionAnchor(i + 1);
    return `<section class="branch" id="${id}" aria-labelledby="${id}-h">\n<h2 id="${id}-h">${escapeHtml(s.section)} ${i + 1}</h2>\n${steps.map((step) => stepHtml(s, step, f)).join('\n')}\n</section>`;
  });
  if (script.attachments.length > 0) {
    const intro = `<p>${escapeHtml(fill(s.appendixIntro, { braces: '{…}' }))}</p>`;
    sections.push(`<section class="appendix" id="appendix" aria-labelledby="appendix-h">\n<h2 id="appendix-h">${escapeHtml(s.appendix)}</h2>\n${intro}\n${script.attachments.map((a) => attachmentHtml(s, a)).join('\n')}\n</section>`);
  }
  if (script.sources.length > 0) {
    const items = script.sources.map((l) => `<li>${escapeHtml(l.source)} (${escapeHtml(s.reviewed)} ${escapeHtml(l.reviewed)})${l.sourceUrl ? ` ${urlHtml(l.sourceUrl)}` : ''}</li>`);
    sections.push(`<section class="sources" id="sources" aria-labelledby="sources-h">\n<h2 id="sources-h">${escapeHtml(s.sources)}</h2>\n<ul>${items.join('')}</ul>\n</section>`);
  }
  return `<!doctype html>
<html lang="${escapeHtml(script.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${SCRIPT_CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(fill(s.header, { municipality: script.municipality, locale: script.localeName, flow: script.flow }))}</p>
</header>
${contentsHtml(script)}
<main>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
