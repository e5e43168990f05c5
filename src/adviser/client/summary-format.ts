/**
 * The handover summary as plain text (to copy or download) and as a standalone
 * printable HTML file, with the adviser's notes added. Runs in the browser, so
 * the notes never leave it unless the adviser exports them.
 *
 * Pure: no DOM, so it is tested in Node.
 */
import type { LegalSource } from '../../engine/types.js';
import type { GuidedStrings } from '../guided-strings.js';
import { escapeHtml } from '../../escape-html.js';
import type { HandoverSummary } from '../summary.js';
import type { StepNote } from './notes.js';

export interface SummaryInput {
  summary: HandoverSummary;
  notes: StepNote[];
  strings: GuidedStrings;
  /** The date shown on the summary, already formatted. */
  date: string;
}

function plain(text: string): string {
  return text.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/(^|[\s(])_([^_]+)_(?=[\s.,;:!?)]|$)/g, '$1$2').trim();
}

function legalText(s: GuidedStrings, legal: LegalSource): string {
  return `${s.source}: ${legal.source} (${s.reviewed} ${legal.reviewed})${legal.sourceUrl ? ` ${legal.sourceUrl}` : ''}`;
}

export function summaryTitle(input: SummaryInput): string {
  const { summary, strings } = input;
  return `${strings.summaryHeading}: ${summary.flowTitle ?? summary.flow ?? ''}`.replace(/:\s*$/, '');
}

function heading(text: string): string {
  return `${text}\n${'-'.repeat(Math.min(text.length, 72))}`;
}

function nextStepLines(summary: HandoverSummary): string[] {
  return summary.nextSteps.flatMap((step) =>
    'link' in step ? [`- ${plain(step.link.label)}: ${step.link.href}`] : [...(step.title ? [plain(step.title)] : []), ...step.items.map((it) => `- [ ] ${plain(it.text)}`)],
  );
}

export function summaryToText(input: SummaryInput): string {
  const { summary, notes, strings: s } = input;
  const title = summaryTitle(input);
  const out = [title, '='.repeat(Math.min(title.length, 72)), `${s.date}: ${input.date} · ${summary.municipality}`, ''];
  const section = (name: string, lines: string[]) => out.push(heading(name), ...(lines.length > 0 ? lines : [s.none]), '');
  section(s.answersHeading, summary.answers.map((a) => `${a.step}. ${plain(a.question)}\n   ${s.answer}: ${a.answer}`));
  section(s.deadlinesHeading, summary.deadlines.map((d) => `- ${plain(d.text)}${d.legal ? `\n  ${legalText(s, d.legal)}` : ''}`));
  section(s.nextStepsHeading, nextStepLines(summary));
  section(s.documentsHeading, summary.documents.map((d) => `${plain(d.title)}\n\n${d.text.trim()}\n`));
  section(s.discussedHeading, summary.discussed.map((d) => `- ${plain(d.text).replace(/\n/g, '\n  ')}${d.legal ? `\n  ${legalText(s, d.legal)}` : ''}`));
  if (notes.length > 0) section(s.notesHeading, notes.map((n) => `${n.step}. ${plain(n.question)}\n   ${n.text.trim()}`));
  section(s.sourcesHeading, summary.sources.map((l) => `- ${l.source} (${s.reviewed} ${l.reviewed})${l.sourceUrl ? ` ${l.sourceUrl}` : ''}`));
  return `${out.join('\n').trimEnd()}\n`;
}

function paragraphs(text: string): string {
  return plain(text)
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function legalHtml(s: GuidedStrings, legal: LegalSource | undefined): string {
  return legal ? `<p class="legal">${escapeHtml(legalText(s, legal))}</p>` : '';
}

function sectionHtml(title: string, body: string, none: string): string {
  return `<section><h2>${escapeHtml(title)}</h2>${body || `<p>${escapeHtml(none)}</p>`}</section>`;
}

export function summaryToHtml(input: SummaryInput): string {
  const { summary, notes, strings: s } = input;
  const title = summaryTitle(input);
  const answers = summary.answers.length
    ? `<table><thead><tr><th scope="col">#</th><th scope="col">${escapeHtml(s.question)}</th><th scope="col">${escapeHtml(s.answer)}</th></tr></thead><tbody>${summary.answers
        .map((a) => `<tr><td>${a.step}</td><td>${escapeHtml(plain(a.question))}</td><td>${escapeHtml(a.answer)}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const texts = (list: HandoverSummary['deadlines']) => list.map((d) => `<div class="item">${paragraphs(d.text)}${legalHtml(s, d.legal)}</div>`).join('');
  const next = nextStepLines(summary).map((line) => `<li>${escapeHtml(line.replace(/^- (\[ \] )?/, ''))}</li>`).join('');
  const docs = summary.documents.map((d) => `<article><h3>${escapeHtml(plain(d.title))}</h3><div class="letter">${paragraphs(d.text)}</div></article>`).join('');
  const noteItems = notes.map((n) => `<li><strong>${n.step}. ${escapeHtml(plain(n.question))}</strong><br>${escapeHtml(n.text.trim()).replace(/\n/g, '<br>')}</li>`).join('');
  const sources = summary.sources.map((l) => `<li>${escapeHtml(l.source)} (${escapeHtml(s.reviewed)} ${escapeHtml(l.reviewed)})${l.sourceUrl ? ` ${escapeHtml(l.sourceUrl)}` : ''}</li>`).join('');
  return `<!doctype html>
<html lang="${escapeHtml(summary.locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:46rem;margin:1.5rem auto;padding:0 1rem;color:#111}table{border-collapse:collapse;width:100%}th,td{border:1px solid #767676;padding:.4rem;text-align:left;vertical-align:top}.legal{color:#333;font-size:.9rem}.letter{border:1px solid #767676;padding:.5rem 1rem;font-family:Georgia,serif}section{break-inside:avoid}@media print{body{margin:0;max-width:none}}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(s.date)}: ${escapeHtml(input.date)} · ${escapeHtml(summary.municipality)}</p>
${sectionHtml(s.answersHeading, answers, s.none)}
${sectionHtml(s.deadlinesHeading, texts(summary.deadlines), s.none)}
${sectionHtml(s.nextStepsHeading, next ? `<ul>${next}</ul>` : '', s.none)}
${sectionHtml(s.documentsHeading, docs, s.none)}
${sectionHtml(s.discussedHeading, texts(summary.discussed), s.none)}
${notes.length > 0 ? sectionHtml(s.notesHeading, `<ul>${noteItems}</ul>`, s.none) : ''}
${sectionHtml(s.sourcesHeading, sources ? `<ul>${sources}</ul>` : '', s.none)}
</body>
</html>
`;
}
