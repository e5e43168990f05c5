/**
 * Reads a citizen's input as an answer to the current question: a choice offered,
 * a valid date, a text within limits, or a point on the 0–3 scale. When the input
 * does not answer the question, says which system message explains why.
 *
 * Pure.
 */
import { parseDateText } from './date-text.js';
import { formatDate, isIsoDate } from './dates.js';
import { bestMatch, choiceNumber, type Candidate } from './match.js';
import {
  MORE_CHOICES_ID,
  SCALE_UNKNOWN,
  SCALE_VALUES,
  offeredChoices,
  renderText,
  visibleChoices,
  type RenderContext,
} from './render.js';
import { findEntry, localeChain } from './texts.js';
import type { Choice, FlowNode, Input, Locale, ResolvedMunicipality, SlotValue, Slots } from './types.js';

export type SystemMessage =
  | 'not_understood'
  | 'date_invalid'
  | 'date_in_future'
  | 'text_required'
  | 'text_too_long';

export type Interpretation =
  | { kind: 'answer'; value: SlotValue; choice?: Choice }
  | { kind: 'more' }
  | { kind: 'problem'; message: SystemMessage };

export const DEFAULT_TEXT_MAX_LENGTH = 2000;

const notUnderstood: Interpretation = { kind: 'problem', message: 'not_understood' };

/** Every way a label can be said: the label in this locale and its fallbacks, its synonyms, the id. */
function phrasesFor(ctx: RenderContext, labelKey: string, id: string, slots: Slots): string[] {
  const phrases = [renderText(ctx, labelKey, slots), id.replace(/[_-]/g, ' ')];
  for (const locale of localeChain(ctx.bundle, ctx.locale)) {
    const entry = ctx.place.texts[locale]?.[labelKey];
    if (entry?.synonyms) phrases.push(...entry.synonyms);
  }
  return phrases;
}

// A choice's phrases are the same on every turn unless its label fills in a slot: those are kept,
// per municipality (an overlay may word a label its own way) and locale.
const choicePhrases = new WeakMap<ResolvedMunicipality, Map<Locale, WeakMap<Choice, string[]>>>();

function phrasesOfChoice(ctx: RenderContext, choice: Choice, slots: Slots): string[] {
  let byLocale = choicePhrases.get(ctx.place);
  if (!byLocale) choicePhrases.set(ctx.place, (byLocale = new Map()));
  let byChoice = byLocale.get(ctx.locale);
  if (!byChoice) byLocale.set(ctx.locale, (byChoice = new WeakMap()));
  let phrases = byChoice.get(choice);
  if (!phrases) {
    phrases = phrasesFor(ctx, choice.label, choice.id, slots);
    if (findEntry(ctx.bundle, ctx.place, ctx.locale, choice.label)?.text.includes('{')) return phrases;
    byChoice.set(choice, phrases);
  }
  return phrases;
}

function interpretChoice(ctx: RenderContext, node: FlowNode, input: Input, slots: Slots, page: number): Interpretation {
  const choices = offeredChoices(ctx, node, slots);
  if (input.type === 'choice') {
    if (input.id === MORE_CHOICES_ID && visibleChoices(choices, 0).includes(MORE_CHOICES_ID)) return { kind: 'more' };
    const choice = choices.find((c) => c.id === input.id);
    return choice ? { kind: 'answer', value: choice.id, choice } : notUnderstood;
  }
  if (input.type !== 'text') return notUnderstood;
  const number = choiceNumber(input.text);
  if (number !== undefined) {
    const picked = visibleChoices(choices, page)[number - 1];
    if (picked === MORE_CHOICES_ID) return { kind: 'more' };
    return picked ? { kind: 'answer', value: picked.id, choice: picked } : notUnderstood;
  }
  const candidates: Candidate<Choice>[] = choices.map((c) => ({ value: c, phrases: phrasesOfChoice(ctx, c, slots) }));
  const choice = bestMatch(input.text, candidates);
  return choice ? { kind: 'answer', value: choice.id, choice } : notUnderstood;
}

function interpretScale(ctx: RenderContext, allowUnknown: boolean, input: Input, slots: Slots): Interpretation {
  const ids: string[] = [...SCALE_VALUES, ...(allowUnknown ? [SCALE_UNKNOWN] : [])];
  if (input.type === 'choice') return ids.includes(input.id) ? { kind: 'answer', value: input.id } : notUnderstood;
  if (input.type !== 'text') return notUnderstood;
  if (ids.includes(input.text.trim())) return { kind: 'answer', value: input.text.trim() };
  const candidates = ids.map((id) => ({ value: id, phrases: phrasesFor(ctx, `system.scale_${id}`, id, slots) }));
  const id = bestMatch(input.text, candidates);
  return id ? { kind: 'answer', value: id } : notUnderstood;
}

function interpretDate(ctx: RenderContext, node: FlowNode, input: Input): Interpretation {
  if (!node.ask || !('date' in node.ask)) return notUnderstood;
  let value: string | undefined;
  if (input.type === 'date') value = isIsoDate(input.value) ? input.value : undefined;
  else if (input.type === 'text') value = parseDateText(input.text, ctx.today);
  else return notUnderstood;
  if (!value) return { kind: 'problem', message: 'date_invalid' };
  const { notAfter, notBefore } = node.ask.date;
  if (notAfter === 'today' && value > ctx.today) return { kind: 'problem', message: 'date_in_future' };
  if (notBefore && value < notBefore) return { kind: 'problem', message: 'date_invalid' };
  return { kind: 'answer', value };
}

function interpretText(node: FlowNode, input: Input): Interpretation {
  if (!node.ask || !('text' in node.ask)) return notUnderstood;
  const raw = input.type === 'text' ? input.text : input.type === 'date' ? input.value : undefined;
  if (raw === undefined) return notUnderstood;
  const value = raw.trim();
  if (!value) return node.ask.text.optional ? { kind: 'answer', value: null } : { kind: 'problem', message: 'text_required' };
  if (value.length > (node.ask.text.maxLength ?? DEFAULT_TEXT_MAX_LENGTH)) return { kind: 'problem', message: 'text_too_long' };
  return { kind: 'answer', value };
}

export function interpret(ctx: RenderContext, node: FlowNode, input: Input, slots: Slots, page: number): Interpretation {
  const ask = node.ask;
  if (!ask) return notUnderstood;
  if ('choice' in ask) return interpretChoice(ctx, node, input, slots, page);
  if ('scale' in ask) return interpretScale(ctx, ask.scale.allowUnknown !== false, input, slots);
  if ('date' in ask) return interpretDate(ctx, node, input);
  return interpretText(node, input);
}

/** Whether the current question may be skipped (an optional text, or a survey scale). */
export function isSkippable(node: FlowNode): boolean {
  const ask = node.ask;
  if (!ask) return false;
  if ('text' in ask) return ask.text.optional === true;
  if ('scale' in ask) return ask.scale.skippable !== false;
  return false;
}

/** The words a citizen's answer is shown with in a transcript. */
export function describeAnswer(ctx: RenderContext, node: FlowNode | undefined, input: Input, slots: Slots): string {
  switch (input.type) {
    case 'choice': {
      const choice = node ? offeredChoices(ctx, node, slots).find((c) => c.id === input.id) : undefined;
      if (choice) return renderText(ctx, choice.label, slots);
      const scaleKey = `system.scale_${input.id}`;
      return findEntry(ctx.bundle, ctx.place, ctx.locale, scaleKey) ? renderText(ctx, scaleKey, slots) : input.id;
    }
    case 'text':
      return input.text;
    case 'date':
      return isIsoDate(input.value) ? formatDate(input.value, ctx.locale, 'short') : input.value;
    case 'action':
      return renderText(ctx, 'system.skipped', slots);
    default:
      return '';
  }
}
