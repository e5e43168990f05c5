/**
 * Short descriptions of a step for the script: its title (the question, or the
 * first thing said) and the kind of answer it expects, in the adviser's words.
 *
 * Pure.
 */
import { SCALE_UNKNOWN, SCALE_VALUES } from '../engine/index.js';
import type { FlowNode } from '../engine/types.js';
import type { TextLookup } from './script-texts.js';
import { fill, type AdviserStrings } from './strings.js';

const TITLE_LENGTH = 70;

/** Plain text of a content text's first line, without Markdown, shortened to `max` characters. */
export function shortText(text: string, max: number): string {
  const line = (text.split('\n').find((l) => l.trim() !== '') ?? '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|\W)_([^_]+)_(?=\W|$)/g, '$1$2')
    .replace(/^\s*[-*]\s+/, '')
    .trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

export function stepTitle(strings: AdviserStrings, texts: TextLookup, id: string, node: FlowNode, max = TITLE_LENGTH): string {
  if (node.question) return shortText(texts(node.question).text, max);
  const first = (node.say ?? []).find((item) => typeof item === 'string' || 'text' in item);
  const computed = Object.entries(node.compute ?? {})[0];
  if (first === undefined && computed) return shortText(`${strings.computes}: ${strings.computed[computed[1].fn]?.value ?? computed[0]}`, max);
  if (first === undefined) return id;
  const key = typeof first === 'string' ? first : (first as { text: string }).text;
  return shortText(texts(key).text, max) || id;
}

/** "en dato, ikke efter i dag", "fri tekst, kan springes over, højst 300 tegn"; undefined for choices. */
export function describeAnswer(strings: AdviserStrings, texts: TextLookup, node: FlowNode): string | undefined {
  const k = strings.answerKinds;
  const ask = node.ask;
  if (!ask || 'choice' in ask) return undefined;
  if ('date' in ask) {
    const parts = [k.date];
    if (ask.date.notAfter === 'today') parts.push(k.notAfterToday);
    if (ask.date.notBefore) parts.push(fill(k.notBefore, { date: ask.date.notBefore }));
    return parts.join(', ');
  }
  if ('text' in ask) {
    const parts = [k.text];
    if (ask.text.optional) parts.push(k.optional);
    if (ask.text.maxLength) parts.push(fill(k.maxLength, { n: ask.text.maxLength }));
    return parts.join(', ');
  }
  const values: string[] = [...SCALE_VALUES, ...(ask.scale.allowUnknown !== false ? [SCALE_UNKNOWN] : [])];
  const labels = values.map((v) => `${v === SCALE_UNKNOWN ? '' : `${v} = `}${strings.quote(texts(`system.scale_${v}`).text)}`);
  const parts = [`${k.scale}: ${labels.join(', ')}`];
  if (ask.scale.skippable !== false) parts.push(k.skippable);
  return parts.join('; ');
}
