/**
 * The engine's data model. Everything here is plain, JSON-serialisable data:
 * a Bundle is what the content loader produces from flows/ and content/, a
 * ConversationState is what a SessionStore keeps between turns.
 *
 * Pure: no file, clock or network access is implied by any type in this file.
 */
import type { LogEntry } from './log.js';

export type Locale = string; // 'da' | 'en' | 'da-LET' | any locale a translator adds
export const DEFAULT_LOCALE = 'da';

/** A JSON value stored in a slot (answers and computed values). */
export type SlotValue = string | number | boolean | null | SlotValue[] | { [key: string]: SlotValue };
export type Slots = Record<string, SlotValue>;

// ---------------------------------------------------------------- conditions

/** A value a condition compares with: a literal, `today`, or another slot. */
export type Operand = string | number | boolean | { slot: string };

/**
 * Conditions are data: `{ slot, equals | in | before | after | exists | includes }`
 * (`includes`: the slot holds a list containing the value),
 * combined with `all` / `any` / `not`. Paths may use dots (`deadline.passed`)
 * and the read-only `municipality.*` namespace.
 */
export type Condition =
  | { slot: string; equals: Operand }
  | { slot: string; in: Operand[] }
  | { slot: string; before: Operand }
  | { slot: string; after: Operand }
  | { slot: string; exists: boolean }
  | { slot: string; includes: Operand }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

// ---------------------------------------------------------------- flows

/** A node in the same flow, or the entry (or a named node) of another flow. */
export type Target = string | { flow: string; node?: string };
export interface Branch {
  if?: Condition;
  to: Target;
}
export type Next = Target | Branch[];

/** One thing the bot says. Only content keys and data, never prose. */
export type SayItem =
  | string
  | { text: string; if?: Condition }
  | { checklist: { title: string; items: Array<{ text: string; if?: Condition }> }; if?: Condition }
  | { document: { id: string; title: string; body: string; formats?: DocumentFormat[]; date?: string }; if?: Condition }
  | { link: { label: string; href: string }; if?: Condition };

/** `ics` is a calendar reminder on the document's `date` (a slot path holding an ISO date, e.g. `deadline.reminder`). */
export type DocumentFormat = 'txt' | 'html' | 'docx' | 'ics';

export interface Choice {
  id: string;
  label: string; // content key
  next?: Next; // overrides the node's next for this choice
  if?: Condition; // offer the choice only when true
  set?: Record<string, SlotValue>; // extra slots set when chosen
}

export type Ask =
  | { choice: Choice[] }
  | { date: { notAfter?: 'today'; notBefore?: string } }
  | { text: { inputMode?: 'text' | 'name' | 'tel' | 'email'; optional?: boolean; maxLength?: number } }
  | { scale: { allowUnknown?: boolean; skippable?: boolean } };

/** A computed value: `fn` names a pure function in the engine's registry, `args` map its parameters to slot paths. */
export interface Compute {
  fn: string;
  args: Record<string, string>;
}

export interface FlowNode {
  say?: SayItem[];
  /** Content key of the question shown with the prompt (e.g. the label of a date field). */
  question?: string;
  ask?: Ask;
  /** Where the answer is stored. Defaults to the node id. */
  slot?: string;
  compute?: Record<string, Compute>;
  /** Effects the conversation layer runs after the step (names from its registry). */
  do?: string[];
  next?: Next;
  /** The conversation ends here (only the main menu's "goodbye" should use this). */
  end?: boolean;
}

export interface Flow {
  id: string;
  title: string; // content key
  entry: string;
  nodes: Record<string, FlowNode>;
}

// ---------------------------------------------------------------- content

export interface ContentEntry {
  text: string;
  /** Extra words that pick this text when it is a choice label (per locale). */
  synonyms?: string[];
  /** Law and section, e.g. "Forvaltningsloven § 9". Required for legal texts. */
  source?: string;
  /** Link to the official law text (retsinformation.dk). */
  sourceUrl?: string;
  /** ISO date the legal statement was last checked. */
  reviewed?: string;
  /** A legal statement: must carry source and reviewed. */
  legal?: boolean;
  /** Note for translators and advisers: where and why the text is used. */
  note?: string;
}

export type ContentTable = Record<string, ContentEntry>;

export interface Contact {
  name?: string;
  phone?: string;
  email?: string;
  url?: string;
  hours?: string;
  address?: string;
}

export interface Municipality {
  id: string;
  name: string;
  fictional?: boolean;
  contacts: {
    citizen_service: Contact;
    borgerraadgiver?: Contact | null;
    handicapraad?: Contact | null;
    [name: string]: Contact | null | undefined;
  };
  pages?: Record<string, string>;
  /** Free data a council can refer to from texts, e.g. `response_time`. */
  facts?: Record<string, string>;
  survey?: { enabled: boolean; questions?: string[] };
}

/** Per-locale intent synonyms: "tilbage", "forfra", "hjælp", "tal med et menneske", "gentag". */
export type IntentName = 'back' | 'restart' | 'help' | 'human' | 'repeat';
export type IntentTable = Partial<Record<IntentName, string[]>>;

/** The municipality's view of the bundle: base flows/texts with its overlay applied. */
export interface ResolvedMunicipality {
  municipality: Municipality;
  flows: Record<string, Flow>;
  /** texts[locale][key]; lookups fall back to DEFAULT_LOCALE. */
  texts: Record<Locale, ContentTable>;
}

export interface Bundle {
  /** Hash of all loaded files: stored in a conversation so a reload can be detected. */
  version: string;
  locales: Locale[];
  /** Locale metadata, e.g. writing direction and display name. */
  localeInfo: Record<Locale, { name: string; dir: 'ltr' | 'rtl'; fallback?: Locale }>;
  defaultMunicipality: string;
  municipalities: Record<string, ResolvedMunicipality>;
  intents: Record<Locale, IntentTable>;
  /** The flow a conversation starts in without `flow`. */
  mainFlow: string;
  /** Slots that survive "start again", e.g. that the survey was already offered. */
  keepOnRestart?: readonly string[];
}

// ---------------------------------------------------------------- conversation state

/** A recorded input, compact so a session stays small; replaying them rebuilds the transcript. */
export type Input =
  /** `keep`: the slots carried over a restart (settings' keepOnRestart), so a replay rebuilds them. */
  | { type: 'start'; flow?: string; keep?: Slots }
  | { type: 'choice'; id: string }
  | { type: 'text'; text: string }
  | { type: 'date'; value: string }
  | { type: 'action'; action: Action }
  | { type: 'locale'; locale: Locale };

export type Action = 'back' | 'restart' | 'help' | 'human' | 'repeat' | 'skip';

export interface ConversationState {
  /** 2 since the log became flat arrays (log.ts); a version 1 state is upgraded on load. */
  v: 2;
  flow: string;
  node: string;
  slots: Slots;
  locale: Locale;
  municipality: string;
  contentVersion: string;
  /** Inputs since the conversation started, with their times: replayed for the transcript and for `back`. */
  log: LogEntry[];
  done: boolean;
  /** Which page of a long choice list is shown (choices are offered at most six at a time). */
  page?: number;
}

export interface Clock {
  now: Date;
}

// ---------------------------------------------------------------- output

export interface LegalSource {
  source: string;
  sourceUrl?: string;
  reviewed: string;
}

/** Set on a reply whose text came from a fallback in another language than the conversation's. */
export interface ReplyLanguage {
  lang: Locale;
  dir: 'ltr' | 'rtl';
}

export type Reply = (
  | { type: 'text'; key: string; text: string; legal?: LegalSource }
  | { type: 'checklist'; key: string; title: string; items: Array<{ key: string; text: string; legal?: LegalSource }> }
  | { type: 'document'; key: string; id: string; title: string; text: string; formats: DocumentFormat[]; date?: string }
  | { type: 'link'; key: string; label: string; href: string }
) &
  Partial<ReplyLanguage>;

export interface PromptChoice {
  id: string;
  label: string;
}

/** What the citizen can do next. The `kind` and `choices` fields are a public contract. */
/** `lang` and `dir` (ReplyLanguage) are set when the question came from a fallback in another language. */
export type Prompt =
  | ({ kind: 'choice'; choices: PromptChoice[]; question?: string } & Partial<ReplyLanguage>)
  | ({ kind: 'date'; question?: string; max?: string; min?: string } & Partial<ReplyLanguage>)
  | ({ kind: 'text'; question?: string; inputMode?: string; optional?: boolean; maxLength?: number } & Partial<ReplyLanguage>)
  | ({ kind: 'scale'; choices: PromptChoice[]; question?: string } & Partial<ReplyLanguage>)
  | { kind: 'none' };

export interface Effect {
  name: string;
  /** A copy of the slots when the effect was requested. */
  slots: Slots;
  municipality: string;
  locale: Locale;
  flow: string;
  node: string;
}

export interface StepResult {
  state: ConversationState;
  replies: Reply[];
  prompt: Prompt;
  done: boolean;
  effects: Effect[];
}
