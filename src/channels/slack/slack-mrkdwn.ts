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

/**
 * Where to end a piece of at most `max` characters: at the last paragraph break, else the last
 * line break, else the last space, so a reader never gets a word cut in two. A break in the
 * first half would leave the piece too short: text with no space in its second half is cut
 * at the limit.
 */
function cutAt(window: string, max: number): number {
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(separator);
    if (at > max / 2) return at;
  }
  return max;
}

/** Splits text into pieces of at most `max` characters, at paragraph or line breaks or spaces where possible (see cutAt). */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const at = cutAt(rest.slice(0, max), max);
    const piece = rest.slice(0, at).trimEnd();
    // Slack refuses a section with empty text (a piece of nothing but spaces).
    if (piece) pieces.push(piece);
    rest = rest.slice(at).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
