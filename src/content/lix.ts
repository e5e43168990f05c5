/**
 * LIX readability (læsbarhedsindeks, Björnsson 1968) of a text as the citizen reads it:
 * LIX = words / sentences + 100 × long words / words, where a long word has more than
 * six letters. Below 30 is very easy text, 30–40 easy (most fiction, plain public
 * information), 40–50 medium (newspapers), above 50 hard (official letters).
 *
 * Before counting, light Markdown (bold, italics, links, list bullets, headings) and
 * template placeholders (`{deadline.date:date}`) are removed: the reader never sees them.
 *
 * Pure. Example: `lix('Klag i dag. Du kan også ringe.')` → words 7, sentences 2, long 0 → 3.5.
 */

export interface LixScore {
  lix: number;
  words: number;
  sentences: number;
  longWords: number;
}

const LONG_WORD_LETTERS = 6;

/** The text without Markdown markers (placeholders are kept: they may start a sentence). */
function withoutMarkdown(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/(^|\W)_([^_]+)_(?=\W|$)/g, '$1$2')
    .replace(/^[ \t]*(?:[-*•]|\d+\.|#+)[ \t]+/gm, '');
}

/** The text as read: without Markdown markers and template placeholders. */
export function readableText(text: string): string {
  return withoutMarkdown(text).replace(/\{[^{}]*\}/g, ' ');
}

/**
 * Sentences end at `.`, `!`, `?` or `:` followed by a space and a capital letter (or a
 * placeholder, e.g. `{municipality.name}`), or by
 * the end of a line. A line without closing punctuation (a list item, a heading) is a
 * sentence too. `stk. 1` and `3. marts` are not sentence ends.
 */
function countSentences(text: string): number {
  let count = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!/[\p{L}\p{N}]/u.test(trimmed)) continue;
    const inner = trimmed.match(/[.!?:]+["”)\]]*\s+(?=["“(\[]*[\p{Lu}{])/gu)?.length ?? 0;
    count += inner + 1;
  }
  return Math.max(count, 1);
}

function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((token) => /[\p{L}\p{N}]/u.test(token));
}

function letters(word: string): number {
  return word.match(/\p{L}/gu)?.length ?? 0;
}

export function lix(text: string): LixScore {
  const found = words(readableText(text));
  if (found.length === 0) return { lix: 0, words: 0, sentences: 0, longWords: 0 };
  const sentences = countSentences(withoutMarkdown(text));
  const longWords = found.filter((word) => letters(word) > LONG_WORD_LETTERS).length;
  const score = found.length / sentences + (100 * longWords) / found.length;
  return { lix: Math.round(score * 10) / 10, words: found.length, sentences, longWords };
}
