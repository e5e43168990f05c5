/**
 * The questions asked and the answers given in a conversation transcript, in
 * order. Used by the server's handover summary and by the guided-session page
 * (which keys the adviser's notes by step and question), so both agree.
 *
 * Pure; type imports only, so the page's script can bundle it.
 */
import type { Prompt, Reply } from '../engine/types.js';
import type { TranscriptEntry } from '../conversation/types.js';

export interface AnsweredStep {
  step: number;
  question: string;
  answer: string;
}

/** The question of a bot turn: the prompt's question, else the last text said. */
export function questionOf(replies: readonly Reply[], prompt: Prompt): string {
  const lastText = [...replies].reverse().find((r): r is Extract<Reply, { type: 'text' }> => r.type === 'text');
  return ('question' in prompt && prompt.question) || lastText?.text || '';
}

export function answeredSteps(transcript: readonly TranscriptEntry[]): AnsweredStep[] {
  const answers: AnsweredStep[] = [];
  transcript.forEach((entry, i) => {
    if (entry.role !== 'citizen') return;
    const before = transcript[i - 1];
    const question = before?.role === 'bot' ? questionOf(before.replies, before.prompt) : '';
    answers.push({ step: answers.length + 1, question, answer: entry.text });
  });
  return answers;
}
