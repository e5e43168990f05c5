/**
 * render(view): the conversation's neutral answer as Slack messages (Block Kit).
 *
 *   text       → section(s) in mrkdwn, and a context block naming the law when it is legal
 *   checklist  → a section with the title and one bullet per item
 *   document   → its own message (title and the letter), then the letter as a .txt file
 *   link       → a section with the link
 *   prompt     → the question, then buttons; more than Slack allows in one actions block
 *                → a drop-down; labels too long for a button → a numbered list with number buttons;
 *                a date → a date picker; an optional text → a "skip" button
 *
 * A message holds at most 50 blocks; more are split over several messages.
 *
 * Pure.
 */
import type { types as SlackTypes } from '@slack/bolt';
import { chatStrings, type ChatStrings } from '../../conversation/chat-strings.js';
import type { TurnView } from '../../conversation/types.js';
import type { LegalSource, Prompt, PromptChoice, Reply } from '../../engine/types.js';
import { escapeMrkdwn, splitText, toMrkdwn } from './slack-mrkdwn.js';

export type Block = SlackTypes.KnownBlock;

export type SlackOutgoing =
  | { kind: 'post'; text: string; blocks: Block[] }
  | { kind: 'upload'; filename: string; title: string; content: string };

/** Action ids this channel puts on its elements; the app listens for this prefix. */
export const ACTION_PREFIX = 'medspiller.';
export const ACTION_IDS = {
  choice: (index: number) => `${ACTION_PREFIX}choice.${index}`,
  select: `${ACTION_PREFIX}select`,
  date: `${ACTION_PREFIX}date`,
  skip: `${ACTION_PREFIX}skip`,
} as const;

/** Slack's limits (Block Kit reference). */
const SLACK_LIMITS = { blocksPerMessage: 50, sectionText: 3000, buttonsPerActions: 25, buttonText: 75, selectOptions: 100 } as const;

function plain(text: string): SlackTypes.PlainTextElement {
  return { type: 'plain_text', text, emoji: true };
}

function sections(markdown: string): Block[] {
  return splitText(toMrkdwn(markdown), SLACK_LIMITS.sectionText).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

function sourceContext(sources: LegalSource[], strings: ChatStrings): Block[] {
  if (sources.length === 0) return [];
  const named = sources.map((s) => (s.sourceUrl ? `<${s.sourceUrl}|${escapeMrkdwn(s.source)}>` : escapeMrkdwn(s.source)));
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text: `${escapeMrkdwn(strings.source)}: ${[...new Set(named)].join(' · ')}` }] }];
}

function replyBlocks(reply: Exclude<Reply, { type: 'document' }>, strings: ChatStrings): Block[] {
  switch (reply.type) {
    case 'text':
      return [...sections(reply.text), ...sourceContext(reply.legal ? [reply.legal] : [], strings)];
    case 'checklist': {
      const list = `**${reply.title}**\n${reply.items.map((item) => `- ${item.text}`).join('\n')}`;
      const sources = reply.items.flatMap((item) => (item.legal ? [item.legal] : []));
      return [...sections(list), ...sourceContext(sources, strings)];
    }
    case 'link':
      return [{ type: 'section', text: { type: 'mrkdwn', text: `<${reply.href}|${escapeMrkdwn(reply.label)}>` } }];
  }
}

function shortLabels(choices: PromptChoice[]): boolean {
  return choices.every((c) => c.label.length <= SLACK_LIMITS.buttonText);
}

function choiceButtons(choices: PromptChoice[], label: (choice: PromptChoice, index: number) => string): Block {
  return {
    type: 'actions',
    elements: choices.map((choice, index) => ({
      type: 'button',
      action_id: ACTION_IDS.choice(index),
      text: plain(label(choice, index)),
      value: choice.id,
    })),
  };
}

function choiceBlocks(choices: PromptChoice[], strings: ChatStrings): Block[] {
  const short = shortLabels(choices);
  if (short && choices.length <= SLACK_LIMITS.buttonsPerActions) return [choiceButtons(choices, (c) => c.label)];
  if (short && choices.length <= SLACK_LIMITS.selectOptions) {
    const options = choices.map((c) => ({ text: plain(c.label), value: c.id }));
    return [{ type: 'actions', elements: [{ type: 'static_select', action_id: ACTION_IDS.select, placeholder: plain(strings.pickChoice), options }] }];
  }
  // Too long for a button, or too many: a numbered list; the citizen presses or types the number.
  const list = sections(choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n'));
  return choices.length <= SLACK_LIMITS.buttonsPerActions ? [...list, choiceButtons(choices, (_c, i) => String(i + 1))] : list;
}

function promptBlocks(prompt: Prompt, strings: ChatStrings): Block[] {
  if (prompt.kind === 'none') return [];
  const question = prompt.question ? sections(prompt.question) : [];
  switch (prompt.kind) {
    case 'choice':
    case 'scale':
      return [...question, ...choiceBlocks(prompt.choices, strings)];
    case 'date':
      return [...question, { type: 'actions', elements: [{ type: 'datepicker', action_id: ACTION_IDS.date, placeholder: plain(strings.pickDate) }] }];
    case 'text':
      return prompt.optional
        ? [...question, { type: 'actions', elements: [{ type: 'button', action_id: ACTION_IDS.skip, text: plain(strings.skip), value: 'skip' }] }]
        : question;
  }
}

/** The words a notification shows for a message: its first text, without marks (still escaped). */
function fallbackText(blocks: Block[]): string {
  const first = blocks.find((block) => block.type === 'section' || block.type === 'header');
  const text = first && 'text' in first && first.text ? first.text.text : '…';
  const flat = text.replace(/<[^|>]+\|([^>]+)>/g, '$1').replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();
  return flat.length > 150 ? `${flat.slice(0, 149).replace(/&[a-z]*$/, '')}…` : flat;
}

function posts(blocks: Block[]): SlackOutgoing[] {
  const out: SlackOutgoing[] = [];
  for (let i = 0; i < blocks.length; i += SLACK_LIMITS.blocksPerMessage) {
    const chunk = blocks.slice(i, i + SLACK_LIMITS.blocksPerMessage);
    out.push({ kind: 'post', text: fallbackText(chunk), blocks: chunk });
  }
  return out;
}

function documentMessages(doc: Extract<Reply, { type: 'document' }>): SlackOutgoing[] {
  const header: Block = { type: 'header', text: plain(doc.title.slice(0, 150)) };
  const body = `${doc.title}\n${'='.repeat(Math.min(doc.title.length, 72))}\n\n${doc.text.trim()}\n`;
  return [...posts([header, ...sections(doc.text)]), { kind: 'upload', filename: `${doc.id}.txt`, title: doc.title, content: body }];
}

export function render(view: Pick<TurnView, 'replies' | 'prompt' | 'locale'>): SlackOutgoing[] {
  const strings = chatStrings(view.locale);
  const out: SlackOutgoing[] = [];
  let pending: Block[] = [];
  for (const reply of view.replies) {
    if (reply.type === 'document') {
      out.push(...posts(pending), ...documentMessages(reply));
      pending = [];
    } else {
      pending.push(...replyBlocks(reply, strings));
    }
  }
  out.push(...posts([...pending, ...promptBlocks(view.prompt, strings)]));
  return out;
}

/** A code block holding a document: what is posted when a file upload is not possible. */
export function documentAsCodeBlock(upload: Extract<SlackOutgoing, { kind: 'upload' }>): Extract<SlackOutgoing, { kind: 'post' }> {
  const fence = '```';
  const text = `${fence}\n${escapeMrkdwn(upload.content.replace(/```/g, "'''"))}\n${fence}`;
  const blocks = splitText(text, SLACK_LIMITS.sectionText - 8).map((piece, i, all): Block => {
    const open = i === 0 ? '' : `${fence}\n`;
    const close = i === all.length - 1 ? '' : `\n${fence}`;
    return { type: 'section', text: { type: 'mrkdwn', text: `${open}${piece}${close}` } };
  });
  return { kind: 'post', text: escapeMrkdwn(upload.title), blocks: blocks.slice(0, SLACK_LIMITS.blocksPerMessage) };
}

/**
 * The blocks of a message whose question was answered: its buttons and pickers are
 * replaced by what was chosen, so the thread reads as a conversation and an old
 * button cannot be pressed again.
 */
export function answeredBlocks(blocks: Block[], answer: string, locale: string): Block[] {
  const strings = chatStrings(locale);
  const kept = blocks.filter((block) => block.type !== 'actions');
  return [...kept, { type: 'context', elements: [{ type: 'mrkdwn', text: `${escapeMrkdwn(strings.youChose)}: *${escapeMrkdwn(answer)}*` }] }];
}
