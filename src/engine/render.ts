/**
 * Turns a node's content keys into what a channel shows: replies and the prompt.
 * Every sentence comes from the content tables; nothing here writes prose.
 *
 * Pure.
 */
import { passes, type ConditionScope } from './conditions.js';
import { entryLocale, findEntry, legalSource } from './texts.js';
import { isIsoDate } from './dates.js';
import { readPath, renderTemplate } from './template.js';
import type {
  Bundle,
  Choice,
  DocumentFormat,
  FlowNode,
  ContentEntry,
  Locale,
  Prompt,
  PromptChoice,
  Reply,
  ReplyLanguage,
  ResolvedMunicipality,
  SayItem,
  Slots,
} from './types.js';

/** Everything rendering needs for one turn. */
export interface RenderContext {
  bundle: Bundle;
  place: ResolvedMunicipality;
  locale: Locale;
  today: string;
}

/** Texts the engine itself shows, besides those flows name. */
export const ENGINE_TEXT_KEYS = [
  'system.more_choices',
  'system.scale_3',
  'system.scale_2',
  'system.scale_1',
  'system.scale_0',
  'system.scale_unknown',
  'system.skipped',
] as const;

export const MORE_CHOICES_ID = '_more';
const MAX_CHOICES = 6;
const PAGE_SIZE = MAX_CHOICES - 1;
const SAFE_HREF = /^(https?:\/\/|mailto:|tel:)/i;

export function conditionScope(ctx: RenderContext, slots: Slots): ConditionScope {
  return { values: { ...slots, municipality: ctx.place.municipality }, today: ctx.today };
}

/** A content text with its placeholders filled. Most texts have none: they skip building the scope. */
function fill(ctx: RenderContext, text: string, slots: Slots): string {
  if (!text.includes('{')) return text;
  const rightToLeft = ctx.bundle.localeInfo[ctx.locale]?.dir === 'rtl';
  return renderTemplate(text, conditionScope(ctx, slots).values, ctx.locale, rightToLeft);
}

export function renderText(ctx: RenderContext, key: string, slots: Slots): string {
  const entry = findEntry(ctx.bundle, ctx.place, ctx.locale, key);
  return entry ? fill(ctx, entry.text, slots) : key;
}

function primaryLanguage(locale: Locale): string {
  const dash = locale.indexOf('-');
  return dash < 0 ? locale : locale.slice(0, dash);
}

/**
 * The language `key`'s text is shown in, when it is not the conversation's: a text the language
 * lacks falls back to another (Arabic to English), and a screen reader must read it with that
 * language's voice. Easy-read Danish falling back to Danish is the same language.
 */
function languageOf(ctx: RenderContext, found: Locale | undefined): ReplyLanguage | undefined {
  if (found === undefined || found === ctx.locale || primaryLanguage(found) === primaryLanguage(ctx.locale)) return undefined;
  return { lang: found, dir: ctx.bundle.localeInfo[found]?.dir ?? 'ltr' };
}

/** A text with its placeholders filled, its entry, and the fallback language it came from: the locale chain walked once. */
function lookUpText(ctx: RenderContext, key: string, slots: Slots): { text: string; entry?: ContentEntry; language?: ReplyLanguage } {
  const found = entryLocale(ctx.bundle, ctx.place, ctx.locale, key);
  if (found === undefined) return { text: key };
  const entry = ctx.place.texts[found]![key]!;
  return { text: fill(ctx, entry.text, slots), entry, language: languageOf(ctx, found) };
}

function textReply(ctx: RenderContext, key: string, slots: Slots): Reply {
  const { text, entry, language } = lookUpText(ctx, key, slots);
  const legal = entry ? legalSource(ctx.place, key, entry) : undefined;
  const reply: Reply = legal ? { type: 'text', key, text, legal } : { type: 'text', key, text };
  return language ? { ...reply, ...language } : reply;
}

function renderItem(ctx: RenderContext, item: SayItem, slots: Slots): Reply | undefined {
  if (typeof item === 'string') return textReply(ctx, item, slots);
  const scope = conditionScope(ctx, slots);
  if (!passes(item.if, scope)) return undefined;
  if ('text' in item) return textReply(ctx, item.text, slots);
  if ('checklist' in item) {
    const { title, items } = item.checklist;
    const shown = items
      .filter((entry) => passes(entry.if, scope))
      .map((entry) => {
        const { text, entry: found } = lookUpText(ctx, entry.text, slots);
        const legal = found ? legalSource(ctx.place, entry.text, found) : undefined;
        return legal ? { key: entry.text, text, legal } : { key: entry.text, text };
      });
    const { text, language } = lookUpText(ctx, title, slots);
    return { type: 'checklist', key: title, title: text, items: shown, ...language };
  }
  if ('document' in item) {
    const { id, title, body, formats, date } = item.document;
    const shownFormats: DocumentFormat[] = formats ?? ['txt', 'html'];
    const day = date === undefined ? undefined : readPath(scope.values, date);
    const { text, language } = lookUpText(ctx, body, slots);
    return {
      type: 'document',
      key: body,
      id,
      title: renderText(ctx, title, slots),
      text,
      formats: shownFormats,
      ...(typeof day === 'string' && isIsoDate(day) ? { date: day } : {}),
      ...language,
    };
  }
  const href = renderTemplate(item.link.href, scope.values, ctx.locale);
  if (!SAFE_HREF.test(href)) return undefined; // e.g. a municipality without that page
  const { text: label, language } = lookUpText(ctx, item.link.label, slots);
  return { type: 'link', key: item.link.label, label, href, ...language };
}

export function renderSay(ctx: RenderContext, items: SayItem[] | undefined, slots: Slots): Reply[] {
  const replies: Reply[] = [];
  for (const item of items ?? []) {
    const reply = renderItem(ctx, item, slots);
    if (reply) replies.push(reply);
  }
  return replies;
}

export function offeredChoices(ctx: RenderContext, node: FlowNode, slots: Slots): Choice[] {
  if (!node.ask || !('choice' in node.ask)) return [];
  // The scope is built only when a choice has a condition (most have none).
  let scope: ConditionScope | undefined;
  return node.ask.choice.filter((choice) => choice.if === undefined || passes(choice.if, (scope ??= conditionScope(ctx, slots))));
}

/** Choices shown on one page: at most six at once, the sixth being "more choices". */
export function visibleChoices(choices: Choice[], page: number): Array<Choice | typeof MORE_CHOICES_ID> {
  if (choices.length <= MAX_CHOICES) return choices;
  const pages = Math.ceil(choices.length / PAGE_SIZE);
  const start = (page % pages) * PAGE_SIZE;
  return [...choices.slice(start, start + PAGE_SIZE), MORE_CHOICES_ID];
}

export const SCALE_VALUES = ['3', '2', '1', '0'] as const;
export const SCALE_UNKNOWN = 'unknown';

function scaleChoices(ctx: RenderContext, allowUnknown: boolean, slots: Slots): PromptChoice[] {
  const ids: string[] = [...SCALE_VALUES, ...(allowUnknown ? [SCALE_UNKNOWN] : [])];
  return ids.map((id) => ({ id, label: renderText(ctx, `system.scale_${id}`, slots) }));
}

function promptChoices(ctx: RenderContext, node: FlowNode, slots: Slots, page: number): PromptChoice[] {
  const choices: PromptChoice[] = [];
  for (const choice of visibleChoices(offeredChoices(ctx, node, slots), page)) {
    choices.push(
      choice === MORE_CHOICES_ID
        ? { id: MORE_CHOICES_ID, label: renderText(ctx, 'system.more_choices', slots) }
        : { id: choice.id, label: renderText(ctx, choice.label, slots) },
    );
  }
  return choices;
}

function withQuestion<T extends object>(prompt: T, question: string | undefined, language: ReplyLanguage | undefined): T & { question?: string } {
  if (!question) return prompt;
  return language ? { ...prompt, question, ...language } : { ...prompt, question };
}

const NO_QUESTION: { text?: string; language?: ReplyLanguage } = {};

export function buildPrompt(ctx: RenderContext, node: FlowNode, slots: Slots, page: number): Prompt {
  const ask = node.ask;
  if (!ask) return { kind: 'none' };
  const { text: question, language } = node.question ? lookUpText(ctx, node.question, slots) : NO_QUESTION;
  if ('choice' in ask) {
    // Built with the question in place: this runs on every turn, and a spread afterwards copies the prompt.
    const choices = promptChoices(ctx, node, slots, page);
    if (language) return { kind: 'choice', choices, question, ...language };
    return question ? { kind: 'choice', choices, question } : { kind: 'choice', choices };
  }
  if ('date' in ask) {
    const limits = { ...(ask.date.notAfter === 'today' ? { max: ctx.today } : {}), ...(ask.date.notBefore ? { min: ask.date.notBefore } : {}) };
    return withQuestion({ kind: 'date' as const, ...limits }, question, language);
  }
  if ('text' in ask) {
    const { inputMode, optional, maxLength } = ask.text;
    return withQuestion(
      {
        kind: 'text' as const,
        ...(inputMode ? { inputMode } : {}),
        ...(optional ? { optional } : {}),
        ...(maxLength ? { maxLength } : {}),
      },
      question,
      language,
    );
  }
  const choices = scaleChoices(ctx, ask.scale.allowUnknown !== false, slots);
  return withQuestion({ kind: 'scale' as const, choices, ...(ask.scale.skippable !== false ? { skippable: true } : {}) }, question, language);
}
