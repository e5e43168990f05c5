/**
 * A script as Markdown: readable as plain text, and as a page where Markdown is
 * rendered. Content texts keep their light Markdown; `<` and `&` are written as
 * entities so nothing in a content file becomes HTML. Fields the conversation
 * fills in are shown as code: `{deadline.date:date}`.
 *
 * Pure and deterministic.
 */
import type { LegalSource } from '../engine/types.js';
import type { Script, ScriptAttachment, ScriptChoice, ScriptItem, ScriptRoute, ScriptStep } from './script-model.js';
import { attachmentWord, jumpPhrase, legalPhrase, nodeAnchor, routeLead, sectionAnchor, type PhraseFormat } from './script-phrases.js';
import type { ScriptText } from './script-texts.js';
import { fill, type AdviserStrings } from './strings.js';

const SAFE_URL = /^https?:\/\/[^\s<>"]+$/;
const FIELD = /\{[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*(?::[a-z-]+)?(?:\|[^{}]*)?\}/g;

function escapeMd(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function contentMd(text: string): string {
  return escapeMd(text.trim()).replace(FIELD, (field) => `\`${field}\``);
}

const FORMAT: PhraseFormat = {
  text: escapeMd,
  target: (label, anchor, flow) => (flow ? escapeMd(label) : `[${escapeMd(label)}](#${anchor})`),
};

function quoteBlock(lines: string[]): string {
  return lines.map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
}

/** An autolink for a web address, or the address as text when it is not a plain http(s) URL. */
function urlMd(url: string): string {
  return SAFE_URL.test(url) ? `<${url}>` : escapeMd(url);
}

function legalLine(strings: AdviserStrings, legal: LegalSource): string {
  const link = legal.sourceUrl ? ` · ${urlMd(legal.sourceUrl)}` : '';
  return `_${escapeMd(legalPhrase(strings, legal))}_${link}`;
}

/** A content text with its condition above and its source and note below. */
function textBlock(strings: AdviserStrings, text: ScriptText, condition?: string): string {
  const lines: string[] = [];
  if (condition) lines.push(`**${escapeMd(strings.onlyIf)}:** ${escapeMd(condition)}`, '');
  lines.push(...(text.missing ? [`⚠ ${escapeMd(strings.missingText)}: \`${text.key}\``] : contentMd(text.text).split('\n')));
  if (text.legal) lines.push('', legalLine(strings, text.legal));
  if (text.note) lines.push('', `_${escapeMd(strings.note)}: ${escapeMd(text.note)}_`);
  return quoteBlock(lines);
}

function sayItem(strings: AdviserStrings, item: ScriptItem): string {
  if (item.kind === 'text') return textBlock(strings, item.text, item.condition);
  const condition = item.condition ? `**${escapeMd(strings.onlyIf)}:** ${escapeMd(item.condition)}\n>\n` : '';
  if (item.kind === 'link') {
    return `${condition ? `> ${condition}` : ''}> ${escapeMd(strings.link)}: ${contentMd(item.label.text)} (\`${escapeMd(item.href)}\`)`;
  }
  const kind = attachmentWord(strings, item.attachmentKind);
  const ref = fill(strings.seeAppendix, { n: item.appendix });
  return `${condition ? `> ${condition}` : ''}> ${escapeMd(kind)}: **${contentMd(item.title.text)}** ([${escapeMd(ref)}](#appendix-${item.appendix}))`;
}

function routeLine(strings: AdviserStrings, route: ScriptRoute, alone: boolean): string {
  return `**${escapeMd(routeLead(strings, route, alone))}:** → ${jumpPhrase(strings, route.jump, FORMAT)}`;
}

function choiceLines(strings: AdviserStrings, choice: ScriptChoice, i: number): string[] {
  const routes = choice.routes.map((route) => `${route.condition ? `${escapeMd(strings.ifWord)} ${escapeMd(route.condition)}: ` : ''}→ ${jumpPhrase(strings, route.jump, FORMAT)}`);
  const lines = [`${i + 1}. ${contentMd(choice.label.text)} (\`${choice.id}\`)${routes.length === 1 ? ` ${routes[0]}` : ''}`];
  if (routes.length > 1) lines.push(...routes.map((r) => `   - ${r}`));
  if (choice.condition) lines.push(`   - ${escapeMd(strings.onlyIf)}: ${escapeMd(choice.condition)}`);
  if (choice.sets) lines.push(`   - ${escapeMd(strings.alsoSets)}: ${choice.sets.map((s) => `\`${s.slot}\` = ${escapeMd(s.value)}`).join(', ')}`);
  return lines;
}

function stepMd(strings: AdviserStrings, step: ScriptStep): string {
  const out: string[] = [`<a id="${nodeAnchor(step.id)}"></a>`, `### ${step.number} ${escapeMd(step.title)} · \`${step.id}\``, ''];
  if (step.entry) out.push(`_${escapeMd(strings.entry)}_`, '');
  if (step.unreachable) out.push(`⚠ ${escapeMd(strings.unreachable)}`, '');
  for (const c of step.computes) {
    const args = c.args.map((a) => `\`${a.slot}\``).join(', ');
    out.push(`**${escapeMd(strings.computes)}:** \`${c.slot}\` = ${c.fn}(${args})${c.explain ? `. ${escapeMd(c.explain)}` : ''}`, '');
  }
  if (step.say.length > 0) out.push(`**${escapeMd(strings.say)}:**`, '', step.say.map((item) => sayItem(strings, item)).join('\n\n'), '');
  if (step.question) out.push(`**${escapeMd(strings.ask)}:**`, '', textBlock(strings, step.question), '');
  if (step.answer) out.push(`**${escapeMd(strings.answer)}:** ${escapeMd(step.answer)}`, '');
  if (step.slot) out.push(`**${escapeMd(strings.storedIn)}:** \`${step.slot}\``, '');
  if (step.choices.length > 0) out.push(`**${escapeMd(strings.choices)}:**`, '', ...step.choices.flatMap((c, i) => choiceLines(strings, c, i)), '');
  for (const e of step.effects) out.push(`**${escapeMd(strings.effects)}:** \`${e.name}\`${e.description ? `: ${escapeMd(e.description)}` : ''}`, '');
  for (const route of step.routes) out.push(routeLine(strings, route, step.routes.length === 1), '');
  if (step.end) out.push(`_${escapeMd(strings.end)}_`, '');
  if (step.deadEnd) out.push(`⚠ ${escapeMd(strings.deadEnd)}`, '');
  return out.join('\n');
}

function attachmentMd(strings: AdviserStrings, a: ScriptAttachment): string {
  const kind = attachmentWord(strings, a.kind);
  const out = [`<a id="appendix-${a.number}"></a>`, `### ${a.number}. ${escapeMd(kind)}: ${contentMd(a.title.text)}`, ''];
  out.push(`${escapeMd(strings.step)}: ${a.steps.map((s) => escapeMd(s)).join(', ')}${a.formats ? ` · ${escapeMd(strings.formats)}: ${a.formats.join(', ')}` : ''}`, '');
  if (a.fields.length > 0) out.push(`${escapeMd(strings.placeholders)}: ${a.fields.map((f) => `\`${f}\``).join(', ')}`, '');
  if (a.body) out.push('```text', a.body.text.trim().replace(/```/g, "'''"), '```', '');
  if (a.body?.legal) out.push(legalLine(strings, a.body.legal), '');
  for (const item of a.items ?? []) {
    const condition = item.condition ? ` _(${escapeMd(strings.onlyIf)}: ${escapeMd(item.condition)})_` : '';
    out.push(`- [ ] ${contentMd(item.text.text).replace(/\n/g, ' ')}${condition}`);
  }
  return out.join('\n');
}

function contentsMd(script: Script): string[] {
  const s = script.strings;
  const lines = [`## ${escapeMd(s.contents)}`, ''];
  script.sections.forEach((steps, i) => {
    lines.push(`- [${escapeMd(s.section)} ${i + 1}](#${sectionAnchor(i + 1)})`);
    for (const step of steps) lines.push(`  - [${step.number} ${escapeMd(step.title)}](#${nodeAnchor(step.id)})`);
  });
  if (script.attachments.length > 0) lines.push(`- [${escapeMd(s.appendix)}](#appendix)`);
  if (script.sources.length > 0) lines.push(`- [${escapeMd(s.sources)}](#sources)`);
  return [...lines, ''];
}

export function scriptToMarkdown(script: Script): string {
  const s = script.strings;
  const out = [`# ${escapeMd(fill(s.scriptTitle, { title: script.title }))}`, ''];
  out.push(escapeMd(fill(s.header, { municipality: script.municipality, locale: script.localeName, flow: script.flow })), '');
  out.push(...contentsMd(script));
  script.sections.forEach((steps, i) => {
    out.push(`<a id="${sectionAnchor(i + 1)}"></a>`, `## ${escapeMd(s.section)} ${i + 1}`, '');
    for (const step of steps) out.push(stepMd(s, step));
  });
  if (script.attachments.length > 0) {
    out.push('<a id="appendix"></a>', `## ${escapeMd(s.appendix)}`, '', escapeMd(fill(s.appendixIntro, { braces: '{…}' })), '');
    out.push(script.attachments.map((a) => attachmentMd(s, a)).join('\n\n'), '');
  }
  if (script.sources.length > 0) {
    out.push('<a id="sources"></a>', `## ${escapeMd(s.sources)}`, '');
    for (const legal of script.sources) out.push(`- ${escapeMd(legal.source)} (${escapeMd(s.reviewed)} ${legal.reviewed})${legal.sourceUrl ? ` ${urlMd(legal.sourceUrl)}` : ''}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
