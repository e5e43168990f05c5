/**
 * What the conversation use cases take and give: the neutral shapes every
 * channel maps to its own format (web JSON, Slack blocks, Teams cards).
 */
import type { Action, Bundle, Prompt, Reply } from '../engine/types.js';

/** Anything that hands out the bundle in force (the content source keeps the last good one). */
export interface ContentProvider {
  current(): Bundle;
}

/** One answer from the citizen: exactly one of these. `{ locale }` switches language and repeats the question. */
export type TurnBody =
  | { choice: string }
  | { text: string }
  | { date: string }
  | { action: Action }
  | { locale: string };

export interface StartOptions {
  municipality?: string;
  locale?: string;
  flow?: string;
}

export interface LocaleOption {
  code: string;
  name: string;
  dir: 'ltr' | 'rtl';
}

export interface TurnView {
  replies: Reply[];
  prompt: Prompt;
  done: boolean;
  locale: string;
  dir: 'ltr' | 'rtl';
}

export interface StartView extends TurnView {
  id: string;
  /** The municipality in use: the default one when the requested id is unknown. */
  municipality: string;
  /** The languages the citizen can switch to. */
  locales: LocaleOption[];
}

export type TranscriptEntry = { role: 'bot'; replies: Reply[]; prompt: Prompt } | { role: 'citizen'; text: string };

export interface ConversationView {
  id: string;
  locale: string;
  dir: 'ltr' | 'rtl';
  locales: LocaleOption[];
  municipality: string;
  done: boolean;
  transcript: TranscriptEntry[];
  prompt: Prompt;
}
