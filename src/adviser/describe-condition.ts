/**
 * Conditions in words for advisers and council editors:
 *   { slot: deadline.passed, equals: true }        → "fristen er overskredet"
 *   { slot: delivery, in: [digital, unknown] }     → svaret på „Hvordan fik du afgørelsen?“ er „Digital Post“ eller „Ved ikke“
 *   { slot: topics, includes: rights }           → svaret på „…“ indeholder „Rettigheder“
 *   { slot: municipality.contacts.borgerraadgiver, exists: true } → "kommunen har en borgerrådgiver"
 * An answer is named by its question and its values by their choice labels; a
 * computed value by the words in ./strings.ts; anything else by its path.
 *
 * Pure.
 */
import { SCALE_UNKNOWN, SCALE_VALUES } from '../engine/index.js';
import type { Condition, FlowNode, Operand, ResolvedMunicipality } from '../engine/types.js';
import { choicesOf } from './flow-graph.js';
import type { TextLookup } from './script-texts.js';
import { fill, type AdviserStrings, type ComputedWords } from './strings.js';

export interface SlotVocabulary {
  /** Slot name → the node whose answer it stores. */
  answers: Map<string, FlowNode>;
  /** Slot name → the compute function that fills it. */
  computed: Map<string, string>;
}

export interface DescribeContext {
  strings: AdviserStrings;
  texts: TextLookup;
  vocabulary: SlotVocabulary;
}

/** Which node answers and which function computes each slot; the given flow's nodes win over others'. */
export function slotVocabulary(place: ResolvedMunicipality, preferFlow: string): SlotVocabulary {
  const answers = new Map<string, FlowNode>();
  const computed = new Map<string, string>();
  const flows = Object.entries(place.flows).sort(([a], [b]) => Number(b === preferFlow) - Number(a === preferFlow));
  for (const [, flow] of flows) {
    for (const [id, node] of Object.entries(flow.nodes)) {
      const slot = node.slot ?? id;
      if (node.ask && !answers.has(slot)) answers.set(slot, node);
      for (const [name, spec] of Object.entries(node.compute ?? {})) if (!computed.has(name)) computed.set(name, spec.fn);
    }
  }
  return { answers, computed };
}

interface Subject {
  text: string;
  kind: 'answer' | 'computed' | 'municipality' | 'slot';
  /** [true, false] phrases of a boolean computed field. */
  phrases?: readonly [string, string];
  value: (v: Operand) => string;
}

function plainValue(ctx: DescribeContext, v: Operand): string {
  if (typeof v === 'object') return subjectOf(ctx, v.slot).text;
  if (v === 'today') return ctx.strings.conditions.today;
  if (typeof v === 'boolean') return v ? ctx.strings.conditions.yes : ctx.strings.conditions.no;
  return typeof v === 'string' ? ctx.strings.quote(v) : String(v);
}

function answerValue(ctx: DescribeContext, node: FlowNode, v: Operand): string {
  if (typeof v === 'object' || v === 'today') return plainValue(ctx, v);
  const choice = choicesOf(node)?.find((c) => c.id === String(v));
  if (choice) return ctx.strings.quote(ctx.texts(choice.label).text);
  const isScale = node.ask !== undefined && 'scale' in node.ask;
  if (isScale && [...SCALE_VALUES, SCALE_UNKNOWN].includes(String(v) as never)) {
    return ctx.strings.quote(ctx.texts(`system.scale_${String(v)}`).text);
  }
  return plainValue(ctx, v);
}

function computedSubject(ctx: DescribeContext, words: ComputedWords | undefined, path: string, field: string): Subject {
  const found = field === '' ? words?.value : words?.fields[field];
  const value = (v: Operand) => plainValue(ctx, v);
  if (found === undefined) return { text: fill(ctx.strings.conditions.slot, { path }), kind: 'computed', value };
  if (typeof found === 'string') return { text: found, kind: 'computed', value };
  return { text: found[0], kind: 'computed', phrases: found, value };
}

function subjectOf(ctx: DescribeContext, path: string): Subject {
  const c = ctx.strings.conditions;
  const value = (v: Operand) => plainValue(ctx, v);
  if (path.startsWith('municipality.')) {
    const field = path.slice('municipality.'.length);
    const known = c.municipalityFields[field];
    // A noun reads "kommunen har en borgerrådgiver"; other fields read "kommunens oplysning x er udfyldt".
    if (typeof known === 'string') return { text: known, kind: 'municipality', value };
    if (known) return { text: known[0], kind: 'municipality', phrases: known, value };
    return { text: fill(c.municipalityField, { path: field }), kind: 'slot', value };
  }
  const [root, ...rest] = path.split('.');
  const fn = ctx.vocabulary.computed.get(root!);
  if (fn !== undefined) return computedSubject(ctx, ctx.strings.computed[fn], path, rest.join('.'));
  const node = ctx.vocabulary.answers.get(root!);
  if (node && rest.length === 0) {
    const question = node.question ? ctx.strings.quote(ctx.texts(node.question).text) : ctx.strings.quote(root!);
    return { text: fill(c.answerTo, { question }), kind: 'answer', value: (v) => answerValue(ctx, node, v) };
  }
  return { text: fill(c.slot, { path }), kind: 'slot', value };
}

function describeExists(ctx: DescribeContext, subject: Subject, exists: boolean): string {
  const c = ctx.strings.conditions;
  if (subject.kind === 'municipality' && !subject.phrases) return fill(exists ? c.municipalityHas : c.municipalityHasNot, { field: subject.text });
  if (subject.kind === 'computed') return fill(exists ? c.computed : c.notComputed, { subject: subject.text });
  return fill(exists ? c.filled : c.notFilled, { subject: subject.text });
}

function describeLeaf(ctx: DescribeContext, condition: Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>, negated: boolean): string {
  const c = ctx.strings.conditions;
  const subject = subjectOf(ctx, condition.slot);
  if ('exists' in condition) return describeExists(ctx, subject, condition.exists !== negated);
  if ('equals' in condition && subject.phrases && typeof condition.equals === 'boolean') {
    return condition.equals !== negated ? subject.phrases[0] : subject.phrases[1];
  }
  // "er ikke 0" reads better than "ikke (… er 0)".
  if ('equals' in condition) return fill(negated ? c.isNot : c.is, { subject: subject.text, value: subject.value(condition.equals) });
  if ('in' in condition) return fill(negated ? c.isNot : c.is, { subject: subject.text, value: condition.in.map(subject.value).join(c.or) });
  let text: string;
  if ('includes' in condition) text = fill(c.includes, { subject: subject.text, value: subject.value(condition.includes) });
  else if ('before' in condition) text = fill(c.before, { subject: subject.text, value: subject.value(condition.before) });
  else text = fill(c.after, { subject: subject.text, value: subject.value(condition.after) });
  return negated ? fill(c.not, { condition: text }) : text;
}

function describe(ctx: DescribeContext, condition: Condition, negated: boolean, nested: boolean): string {
  const c = ctx.strings.conditions;
  if ('not' in condition) return describe(ctx, condition.not, !negated, nested);
  if ('all' in condition || 'any' in condition) {
    const parts = 'all' in condition ? condition.all : condition.any;
    const joined = parts.map((part) => describe(ctx, part, false, true)).join('all' in condition ? c.and : c.or);
    if (negated) return fill(c.not, { condition: joined });
    return nested && parts.length > 1 ? `(${joined})` : joined;
  }
  return describeLeaf(ctx, condition, negated);
}

export function describeCondition(ctx: DescribeContext, condition: Condition): string {
  return describe(ctx, condition, false, false);
}
