/**
 * Replies and prompts as plain terminal text, for `medspiller chat` (and any
 * later command that prints a conversation). Choices are numbered from 1.
 *
 * Pure.
 */
import type { Prompt, Reply } from '../engine/types.js';

function plain(text: string): string {
  return text.replace(/\*\*([^*]+)\*\*/g, '$1');
}

function legalNote(legal: { source: string } | undefined): string {
  return legal ? `\n   (${legal.source})` : '';
}

export function renderReply(reply: Reply): string {
  switch (reply.type) {
    case 'text':
      return `${plain(reply.text)}${legalNote(reply.legal)}`;
    case 'checklist':
      return [plain(reply.title), ...reply.items.map((item) => `  • ${plain(item.text)}${legalNote(item.legal)}`)].join('\n');
    case 'document':
      return [`┌── ${reply.title} (document "${reply.id}")`, ...plain(reply.text).split('\n').map((l) => `│ ${l}`), '└──'].join('\n');
    case 'link':
      return `${plain(reply.label)}: ${reply.href}`;
  }
}

export function renderPrompt(prompt: Prompt): string {
  switch (prompt.kind) {
    case 'choice':
    case 'scale': {
      const lines = prompt.choices.map((choice, i) => `  ${i + 1}) ${plain(choice.label)}`);
      return [prompt.question && plain(prompt.question), ...lines].filter(Boolean).join('\n');
    }
    case 'date':
      return [prompt.question && plain(prompt.question), '  (a date, e.g. 3.2.2026 or 2026-02-03)'].filter(Boolean).join('\n');
    case 'text':
      return [prompt.question && plain(prompt.question), prompt.optional ? '  (optional: :skip to leave it out)' : '']
        .filter(Boolean)
        .join('\n');
    case 'none':
      return '';
  }
}
