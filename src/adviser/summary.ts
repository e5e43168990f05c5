/**
 * The handover summary of a guided session, built from the conversation's
 * transcript (what GET /api/v1/conversations/:id returns): the questions and
 * the citizen's answers, the deadlines worked out, what was explained (with
 * its legal source), the next steps (checklists, links) and the letters.
 *
 * A text counts as a deadline when its content uses a computed value (e.g.
 * `{deadline.date:date}`); messages only the system flow shows ("I did not
 * understand") are left out. The adviser's private notes are not here: they
 * stay in the browser, which adds them when it prints or exports.
 *
 * Pure.
 */
import { findEntry, placeOf, SYSTEM_FLOW, templatePlaceholders } from '../engine/index.js';
import type { Bundle, LegalSource, ResolvedMunicipality } from '../engine/types.js';
import type { ConversationView } from '../conversation/types.js';
import { RENDERED_FORMATS } from '../conversation/documents.js';
import { slotVocabulary } from './describe-condition.js';
import { answeredSteps, type AnsweredStep } from './transcript-answers.js';

export interface SummaryText {
  key: string;
  text: string;
  legal?: LegalSource;
}

export interface HandoverSummary {
  conversation: string;
  flow?: string;
  flowTitle?: string;
  municipality: string;
  locale: string;
  done: boolean;
  answers: AnsweredStep[];
  deadlines: SummaryText[];
  discussed: SummaryText[];
  nextSteps: Array<{ title?: string; items: SummaryText[] } | { link: { label: string; href: string } }>;
  documents: Array<{ id: string; title: string; text: string; downloads: Array<{ format: string; href: string }> }>;
  sources: LegalSource[];
}

/** Keys said only by the system flow's nodes: prompts about input, not advice. */
function systemOnlyKeys(place: ResolvedMunicipality): Set<string> {
  const keysOf = (flows: [string, ResolvedMunicipality['flows'][string]][]) =>
    new Set(flows.flatMap(([, flow]) => Object.values(flow.nodes).flatMap((node) => (node.say ?? []).map((item) => (typeof item === 'string' ? item : 'text' in item ? item.text : '')))));
  const entries = Object.entries(place.flows);
  const system = keysOf(entries.filter(([id]) => id === SYSTEM_FLOW));
  const others = keysOf(entries.filter(([id]) => id !== SYSTEM_FLOW));
  return new Set([...system].filter((key) => !others.has(key)));
}

function usesComputedValue(bundle: Bundle, place: ResolvedMunicipality, locale: string, key: string, computed: Set<string>): boolean {
  const entry = findEntry(bundle, place, locale, key);
  return entry !== undefined && templatePlaceholders(entry.text).some((p) => computed.has(p.path.split('.')[0]!));
}

function summaryText(reply: { key: string; text: string; legal?: LegalSource }): SummaryText {
  return reply.legal ? { key: reply.key, text: reply.text, legal: reply.legal } : { key: reply.key, text: reply.text };
}

function addUnique(list: SummaryText[], item: SummaryText): void {
  if (!list.some((existing) => existing.key === item.key && existing.text === item.text)) list.push(item);
}

export function buildSummary(bundle: Bundle, view: ConversationView, flow?: string): HandoverSummary {
  const place = placeOf(bundle, view.municipality);
  const computed = new Set(slotVocabulary(place, flow ?? '').computed.keys());
  const hidden = systemOnlyKeys(place);
  const summary: HandoverSummary = {
    conversation: view.id,
    municipality: place.municipality.name,
    locale: view.locale,
    done: view.done,
    answers: answeredSteps(view.transcript),
    deadlines: [],
    discussed: [],
    nextSteps: [],
    documents: [],
    sources: [],
  };
  const flowDef = flow ? place.flows[flow] : undefined;
  if (flow && flowDef) {
    summary.flow = flow;
    summary.flowTitle = findEntry(bundle, place, view.locale, flowDef.title)?.text ?? flow;
  }
  const replies = view.transcript.flatMap((entry) => (entry.role === 'bot' ? entry.replies : []));
  for (const reply of replies) {
    if (reply.type === 'text' && hidden.has(reply.key)) continue;
    if (reply.type === 'text') {
      const target = usesComputedValue(bundle, place, view.locale, reply.key, computed) ? summary.deadlines : summary.discussed;
      addUnique(target, summaryText(reply));
    } else if (reply.type === 'checklist') {
      summary.nextSteps.push({ title: reply.title, items: reply.items.map(summaryText) });
    } else if (reply.type === 'link') {
      summary.nextSteps.push({ link: { label: reply.label, href: reply.href } });
    } else {
      summary.documents = summary.documents.filter((doc) => doc.id !== reply.id);
      const formats = reply.formats.filter((f) => (RENDERED_FORMATS as readonly string[]).includes(f));
      const downloads = formats.map((format) => ({ format, href: `/api/v1/conversations/${encodeURIComponent(view.id)}/documents/${encodeURIComponent(reply.id)}?format=${format}` }));
      summary.documents.push({ id: reply.id, title: reply.title, text: reply.text, downloads });
    }
  }
  summary.sources = sourcesOf([...summary.deadlines, ...summary.discussed, ...summary.nextSteps.flatMap((s) => ('items' in s ? s.items : []))]);
  return summary;
}

function sourcesOf(texts: SummaryText[]): LegalSource[] {
  const unique = new Map<string, LegalSource>();
  for (const legal of texts.flatMap((t) => (t.legal ? [t.legal] : []))) unique.set(`${legal.source}|${legal.reviewed}|${legal.sourceUrl ?? ''}`, legal);
  return [...unique.values()].sort((a, b) => a.source.localeCompare(b.source, 'da'));
}
