/**
 * A flow as an adviser's script, independent of the output format: numbered
 * sections of steps, each with what to say (and the law behind it), what to
 * ask, the choices and where each leads, conditions and computed values in
 * words, and the letters and checklists the flow can produce as appendices.
 * The Markdown and HTML renderers only lay this out.
 *
 * Pure and deterministic: the same bundle, flow, municipality and locale give
 * the same script.
 */
import { knownLocale, localeChain, placeOf } from '../engine/index.js';
import type { Bundle, Condition, FlowNode, LegalSource, ResolvedMunicipality, SayItem, SlotValue } from '../engine/types.js';
import { describeCondition, slotVocabulary, type DescribeContext } from './describe-condition.js';
import { choicesOf, flowGraph, type EdgeTarget, type FlowEdge, type FlowGraphView } from './flow-graph.js';
import { numberSteps, type Numbering } from './numbering.js';
import { describeAnswer, stepTitle } from './script-describe.js';
import { slotFields, textLookup, type ScriptText, type TextLookup } from './script-texts.js';
import { adviserStrings, computeExplanation, type AdviserStrings } from './strings.js';

export interface ScriptJump {
  kind: EdgeTarget['kind'];
  flow: string;
  node?: string;
  /** "4.2" for a step of this flow. */
  number?: string;
  /** The other flow's title, for a jump to another flow. */
  flowTitle?: string;
}

export interface ScriptRoute {
  condition?: string;
  otherwise?: boolean;
  jump: ScriptJump;
}

export type ScriptItem = { condition?: string } & (
  | { kind: 'text'; text: ScriptText }
  | { kind: 'attachment'; appendix: number; attachmentKind: AttachmentKind; title: ScriptText }
  | { kind: 'link'; label: ScriptText; href: string }
);

/** A calendar reminder is a document offered only as an .ics file. */
export type AttachmentKind = 'checklist' | 'document' | 'calendar';

export interface ScriptAttachment {
  number: number;
  kind: AttachmentKind;
  title: ScriptText;
  /** Document id and formats offered for download. */
  id?: string;
  formats?: string[];
  body?: ScriptText;
  items?: Array<{ text: ScriptText; condition?: string }>;
  /** Fields filled in from the citizen's answers, e.g. `{deadline.date:date}`. */
  fields: string[];
  /** Steps that produce it. */
  steps: string[];
}

export interface ScriptChoice {
  id: string;
  label: ScriptText;
  condition?: string;
  sets?: Array<{ slot: string; value: string }>;
  routes: ScriptRoute[];
}

export interface ScriptCompute {
  slot: string;
  fn: string;
  args: Array<{ param: string; slot: string }>;
  explain?: string;
}

export interface ScriptStep {
  number: string;
  id: string;
  title: string;
  entry: boolean;
  computes: ScriptCompute[];
  say: ScriptItem[];
  question?: ScriptText;
  answer?: string;
  slot?: string;
  choices: ScriptChoice[];
  routes: ScriptRoute[];
  effects: Array<{ name: string; description?: string }>;
  end: boolean;
  unreachable: boolean;
  deadEnd: boolean;
}

export interface Script {
  flow: string;
  title: string;
  locale: string;
  localeName: string;
  municipality: string;
  strings: AdviserStrings;
  sections: ScriptStep[][];
  attachments: ScriptAttachment[];
  sources: LegalSource[];
}

export interface ScriptOptions {
  flow: string;
  municipality?: string;
  locale?: string;
}

interface Builder {
  bundle: Bundle;
  place: ResolvedMunicipality;
  graph: FlowGraphView;
  numberOf: Map<string, string>;
  texts: TextLookup;
  strings: AdviserStrings;
  describe: DescribeContext;
  attachments: ScriptAttachment[];
}

/** The municipality and locale a script is for: unknown ones fall back like a conversation does. */
export function scriptPlace(bundle: Bundle, options: ScriptOptions): { place: ResolvedMunicipality; locale: string } {
  const place = placeOf(bundle, options.municipality);
  const locale = knownLocale(bundle, options.locale);
  return { place, locale };
}

/** What the script and the map of a flow both start from. */
export interface FlowView extends Numbering {
  place: ResolvedMunicipality;
  locale: string;
  graph: FlowGraphView;
  strings: AdviserStrings;
  texts: TextLookup;
  describe: DescribeContext;
}

/** The flow as seen from a municipality and locale, or undefined when the municipality has no such flow. */
export function flowView(bundle: Bundle, options: ScriptOptions): FlowView | undefined {
  const { place, locale } = scriptPlace(bundle, options);
  const graph = flowGraph(place, options.flow);
  if (!graph) return undefined;
  const strings = adviserStrings(localeChain(bundle, locale));
  const texts = textLookup(bundle, place, locale);
  const describe = { strings, texts, vocabulary: slotVocabulary(place, options.flow) };
  return { place, locale, graph, strings, texts, describe, ...numberSteps(place, graph) };
}

/** The script of a flow, or undefined when the municipality has no such flow. */
export function buildScript(bundle: Bundle, options: ScriptOptions): Script | undefined {
  const view = flowView(bundle, options);
  if (!view) return undefined;
  const { place, locale, graph, strings, texts, describe, sections, numberOf } = view;
  const b: Builder = { bundle, place, graph, numberOf, texts, strings, describe, attachments: [] };
  const steps = sections.map((ids) => ids.map((id) => buildStep(b, id, graph.flow.nodes[id]!)));
  return {
    flow: options.flow,
    title: texts(graph.flow.title).text,
    locale,
    localeName: bundle.localeInfo[locale]?.name ?? locale,
    municipality: place.municipality.name,
    strings,
    sections: steps,
    attachments: b.attachments,
    sources: collectSources(steps, b.attachments),
  };
}

function buildStep(b: Builder, id: string, node: FlowNode): ScriptStep {
  const number = b.numberOf.get(id)!;
  const edges = b.graph.edges.filter((edge) => edge.from === id);
  const step: ScriptStep = {
    number,
    id,
    title: stepTitle(b.strings, b.texts, id, node),
    entry: id === b.graph.flow.entry,
    computes: computesOf(b, node),
    say: (node.say ?? []).map((item) => sayItem(b, item, number)),
    choices: (choicesOf(node) ?? []).map((choice) => ({
      id: choice.id,
      label: b.texts(choice.label),
      ...(choice.if ? { condition: describeCondition(b.describe, choice.if) } : {}),
      ...(choice.set ? { sets: Object.entries(choice.set).map(([slot, value]) => ({ slot, value: showValue(b, value) })) } : {}),
      routes: edges.filter((edge) => edge.choice?.id === choice.id).map((edge) => route(b, edge)),
    })),
    routes: edges.filter((edge) => !edge.choice).map((edge) => route(b, edge)),
    effects: (node.do ?? []).map((name) => ({ name, description: b.strings.effectNames[name] })),
    end: node.end === true,
    unreachable: b.graph.unreachable.has(id),
    deadEnd: b.graph.deadEnds.has(id),
  };
  if (node.question) step.question = b.texts(node.question);
  if (node.ask) {
    step.slot = node.slot ?? id;
    const answer = describeAnswer(b.strings, b.texts, node);
    if (answer) step.answer = answer;
  }
  return step;
}

function computesOf(b: Builder, node: FlowNode): ScriptCompute[] {
  return Object.entries(node.compute ?? {}).map(([slot, spec]) => ({
    slot,
    fn: spec.fn,
    args: Object.entries(spec.args).map(([param, from]) => ({ param, slot: from })),
    explain: computeExplanation(b.strings, spec.fn),
  }));
}

function showValue(b: Builder, value: SlotValue): string {
  if (value === null || value === '') return b.strings.answerKinds.empty;
  if (typeof value === 'boolean') return value ? b.strings.conditions.yes : b.strings.conditions.no;
  return typeof value === 'string' ? b.strings.quote(value) : JSON.stringify(value);
}

function route(b: Builder, edge: FlowEdge): ScriptRoute {
  const to = edge.to;
  const jump: ScriptJump =
    to.kind === 'local'
      ? { kind: 'local', flow: b.graph.flow.id, node: to.node, number: b.numberOf.get(to.node) }
      : { kind: to.kind, flow: to.flow, node: to.node, flowTitle: flowTitle(b, to.flow) };
  const found: ScriptRoute = { jump };
  if (edge.condition) found.condition = describeCondition(b.describe, edge.condition);
  if (edge.otherwise) found.otherwise = true;
  return found;
}

function flowTitle(b: Builder, flow: string): string | undefined {
  const other = b.place.flows[flow];
  return other ? b.texts(other.title).text : undefined;
}

function sayItem(b: Builder, item: SayItem, step: string): ScriptItem {
  if (typeof item === 'string') return { kind: 'text', text: b.texts(item) };
  const condition = item.if ? { condition: describeCondition(b.describe, item.if) } : {};
  if ('text' in item) return { kind: 'text', text: b.texts(item.text), ...condition };
  if ('link' in item) return { kind: 'link', label: b.texts(item.link.label), href: item.link.href, ...condition };
  const attachment = 'checklist' in item ? checklistAttachment(b, item.checklist) : documentAttachment(b, item.document);
  const existing = b.attachments.find((a) => sameAttachment(a, attachment));
  const kept = existing ?? attachment;
  if (!existing) b.attachments.push(attachment);
  if (!kept.steps.includes(step)) kept.steps.push(step);
  return { kind: 'attachment', appendix: kept.number, attachmentKind: kept.kind, title: kept.title, ...condition };
}

function checklistAttachment(b: Builder, checklist: { title: string; items: Array<{ text: string; if?: Condition }> }): ScriptAttachment {
  const items = checklist.items.map((it) => ({
    text: b.texts(it.text),
    ...(it.if ? { condition: describeCondition(b.describe, it.if) } : {}),
  }));
  const fields = [...new Set(items.flatMap((it) => slotFields(it.text.text)))];
  return { number: b.attachments.length + 1, kind: 'checklist', title: b.texts(checklist.title), items, fields, steps: [] };
}

function documentAttachment(b: Builder, doc: { id: string; title: string; body: string; formats?: string[]; date?: string }): ScriptAttachment {
  const body = b.texts(doc.body);
  const title = b.texts(doc.title);
  // A calendar reminder's date is a field too: the slot it is read from.
  const fields = [...new Set([...slotFields(title.text), ...slotFields(body.text), ...(doc.date ? [`{${doc.date}}`] : [])])];
  const formats = doc.formats ?? ['txt', 'html'];
  const kind = formats.length === 1 && formats[0] === 'ics' ? 'calendar' : 'document';
  return { number: b.attachments.length + 1, kind, id: doc.id, title, body, formats, fields, steps: [] };
}

function sameAttachment(a: ScriptAttachment, c: ScriptAttachment): boolean {
  if (a.kind !== c.kind || a.title.key !== c.title.key) return false;
  if (a.kind !== 'checklist') return a.id === c.id && a.body?.key === c.body?.key;
  return JSON.stringify(a.items) === JSON.stringify(c.items);
}

function collectSources(sections: ScriptStep[][], attachments: ScriptAttachment[]): LegalSource[] {
  const texts: ScriptText[] = [];
  for (const step of sections.flat()) {
    for (const item of step.say) if (item.kind === 'text') texts.push(item.text);
    if (step.question) texts.push(step.question);
  }
  for (const a of attachments) texts.push(...(a.items ?? []).map((it) => it.text), ...(a.body ? [a.body] : []));
  const unique = new Map<string, LegalSource>();
  for (const legal of texts.flatMap((t) => (t.legal ? [t.legal] : []))) {
    unique.set(`${legal.source}|${legal.reviewed}|${legal.sourceUrl ?? ''}`, legal);
  }
  return [...unique.values()].sort((x, y) => x.source.localeCompare(y.source, 'da') || x.reviewed.localeCompare(y.reviewed));
}
