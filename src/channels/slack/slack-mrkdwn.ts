/**
 * The content's light Markdown (`**bold**`, `_italic_`, `- ` lists, `[label](https://…)`)
 * as Slack mrkdwn, and Slack's incoming text as plain text.
 *
 * Safe by construction: `&`, `<` and `>` are escaped first, so nothing a citizen
 * typed (a name inside a letter, say) can become a mention like `<!channel>` or
 * a link; only links written in the content, with an http(s) address, are made.
 *
 * Pure.
 */

/** Slack's three control characters, escaped as its documentation asks. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Light Markdown → mrkdwn. */
export function toMrkdwn(markdown: string): string {
  return escapeMrkdwn(markdown)
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)|]+)\)/g, (_m, label: string, href: string) => `<${href}|${label.replace(/\|/g, '/')}>`)
    .replace(/\*\*([^*\n]+)\*\*/g, '*$1*')
    .replace(/^#{1,6}\s+(.+)$/gm, '*$1*')
    .replace(/^(\s*)[-*]\s+/gm, '$1• ');
}

/**
 * What a user wrote, as they meant it: mentions of the bot removed, Slack's
 * `<url|label>` and `<#C…|channel>` forms reduced to their label, entities unescaped.
 */
export function fromSlackText(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, '')
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<(?:mailto:)?([^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<(?:mailto:)?([^|>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/** Slack's `<url|label>` links and `&amp;`-style entities: cut inside one and both halves show garbage. */
const WHOLE_TOKENS = /<[^<>\n]*>|&[a-z]+;/g;

/** The links and entities that start within the first `max` characters of `text`, as [start, end) ranges. */
function wholeTokens(text: string, max: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(WHOLE_TOKENS)) {
    if (match.index >= max) break;
    ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

const inside = (at: number, ranges: Array<[number, number]>) => ranges.find(([start, end]) => start < at && at < end);

/**
 * Where to end the next piece of at most `max` characters of `text`: at the last paragraph break,
 * else the last line break, else the last space, so a reader never gets a word cut in two; never
 * inside a link or an entity. A break in the first half would leave the piece too short: text with
 * no such break in its second half is cut at the limit, moved back to the start of a link or entity
 * it would split, or off the middle of a character outside the BMP (an emoji's surrogate pair).
 */
function cutAt(text: string, max: number): number {
  const window = text.slice(0, max);
  const tokens = wholeTokens(text, max);
  for (const separator of ['\n\n', '\n', ' ']) {
    let at = window.lastIndexOf(separator);
    while (at > max / 2 && inside(at, tokens)) at = window.lastIndexOf(separator, at - 1);
    if (at > max / 2) return at;
  }
  const split = inside(max, tokens);
  if (split && split[0] > 0) return split[0];
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff && max > 1 ? max - 1 : max;
}

/** Splits text into pieces of at most `max` characters, at paragraph or line breaks or spaces where possible, never inside a link (see cutAt). */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const at = cutAt(rest, max);
    const piece = rest.slice(0, at).trimEnd();
    // Slack refuses a section with empty text (a piece of nothing but spaces).
    if (piece) pieces.push(piece);
    rest = rest.slice(at).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
