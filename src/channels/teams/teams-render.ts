/**
 * render(view): the conversation's neutral answer as Bot Framework activities.
 *
 *   text, checklist, link → one Markdown message (the law a text rests on in italics under it)
 *   document              → an Adaptive Card with the title and the letter
 *   prompt                → an Adaptive Card: the question and a button per choice
 *                           (Action.Submit, shown as the person's message in Teams),
 *                           a date field, or a "skip" button for an optional text;
 *                           a required text is just the question
 *
 * Pure.
 */
import { chatStrings, type ChatStrings } from '../../conversation/chat-strings.js';
import type { TurnView } from '../../conversation/types.js';
import type { LegalSource, Prompt, Reply } from '../../engine/types.js';
import type { Activity } from './bot-framework.js';
import { CARD_DATA_KEY } from './teams-inbound.js';

const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
const CARD_VERSION = '1.4';

type Card = Record<string, unknown>;
type Outgoing = Partial<Activity>;

export function adaptiveCard(body: Card[], actions: Card[] = []): NonNullable<Outgoing['attachments']>[number] {
  const content: Card = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: CARD_VERSION, body };
  if (actions.length > 0) content.actions = actions;
  return { contentType: ADAPTIVE_CARD_TYPE, content };
}

function textBlock(text: string, extra: Card = {}): Card {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

function sourceLine(sources: LegalSource[], strings: ChatStrings): string {
  const named = [...new Set(sources.map((s) => (s.sourceUrl ? `[${s.source}](${s.sourceUrl})` : s.source)))];
  return named.length ? `\n\n_${strings.source}: ${named.join(' · ')}_` : '';
}

function markdown(reply: Exclude<Reply, { type: 'document' }>, strings: ChatStrings): string {
  switch (reply.type) {
    case 'text':
      return reply.text.trim() + sourceLine(reply.legal ? [reply.legal] : [], strings);
    case 'checklist': {
      const sources = reply.items.flatMap((item) => (item.legal ? [item.legal] : []));
      return `**${reply.title}**\n\n${reply.items.map((item) => `- ${item.text}`).join('\n')}${sourceLine(sources, strings)}`;
    }
    case 'link':
      return `[${reply.label}](${reply.href})`;
  }
}

function documentCard(doc: Extract<Reply, { type: 'document' }>): Outgoing {
  const paragraphs = doc.text
    .trim()
    .split(/\n{2,}/)
    .map((block) => textBlock(block));
  return { type: 'message', attachments: [adaptiveCard([textBlock(doc.title, { size: 'Medium', weight: 'Bolder' }), ...paragraphs])] };
}

/** A button sending `{ medspiller: kind, ...fields }` (read back by teams-inbound.ts). */
function submit(title: string, kind: 'choice' | 'date' | 'skip', fields: Card = {}, echo?: string): Card {
  // In Teams, messageBack shows `echo` in the chat as what the person answered.
  const msteams = echo ? { msteams: { type: 'messageBack', displayText: echo, text: echo } } : {};
  return { type: 'Action.Submit', title, data: { [CARD_DATA_KEY]: kind, ...fields, ...msteams } };
}

function promptCard(prompt: Prompt, strings: ChatStrings): Outgoing['attachments'] {
  if (prompt.kind === 'none') return undefined;
  const question = prompt.question ? [textBlock(prompt.question)] : [];
  switch (prompt.kind) {
    case 'choice':
    case 'scale':
      return [adaptiveCard(question, prompt.choices.map((c) => submit(c.label, 'choice', { id: c.id }, c.label)))];
    case 'date': {
      const input: Card = { type: 'Input.Date', id: 'date', label: strings.pickDate, isRequired: true, ...(prompt.max && { max: prompt.max }), ...(prompt.min && { min: prompt.min }) };
      return [adaptiveCard([...question, input], [submit(strings.send, 'date')])];
    }
    case 'text':
      return prompt.optional ? [adaptiveCard(question, [submit(strings.skip, 'skip', {}, strings.skip)])] : undefined;
  }
}

/** A required text question has no card: it is said as text. */
function plainQuestion(prompt: Prompt): string | undefined {
  return prompt.kind === 'text' && !prompt.optional ? prompt.question : undefined;
}

function message(texts: string[], attachments?: Outgoing['attachments']): Outgoing | undefined {
  if (texts.length === 0 && !attachments?.length) return undefined;
  return {
    type: 'message',
    ...(texts.length > 0 && { text: texts.join('\n\n'), textFormat: 'markdown' }),
    ...(attachments?.length && { attachments }),
  };
}

export function render(view: Pick<TurnView, 'replies' | 'prompt' | 'locale'>): Outgoing[] {
  const strings = chatStrings(view.locale);
  const out: Outgoing[] = [];
  let texts: string[] = [];
  for (const reply of view.replies) {
    if (reply.type !== 'document') {
      texts.push(markdown(reply, strings));
      continue;
    }
    const before = message(texts);
    if (before) out.push(before);
    out.push(documentCard(reply));
    texts = [];
  }
  const question = plainQuestion(view.prompt);
  const last = message(question ? [...texts, question] : texts, promptCard(view.prompt, strings));
  if (last) out.push(last);
  return out;
}
