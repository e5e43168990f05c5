/**
 * The callback the core hands every chat channel (Slack, Teams): one neutral
 * inbound message in, the conversation's neutral answer out. A channel only
 * translates; which conversation a message belongs to, and what happens on
 * first contact, an expired conversation or a stale button, is decided here.
 *
 * One conversation per chat address (platform, workspace, channel, thread,
 * user). Its id is derived from the address with a keyed hash, so any number of
 * instances find the same conversation in the shared SessionStore without a
 * mapping table, and nobody without the channel's secret can compute an id to
 * read it through the web API.
 */
import { createHmac } from 'node:crypto';
import type { Action } from '../engine/types.js';
import { findEntry } from '../engine/texts.js';
import { placeOf } from '../engine/place.js';
import { AppError, isAppError } from '../errors.js';
import { chatStrings } from './chat-strings.js';
import { startableFlows, type ConversationService } from './conversation-service.js';
import type { ContentProvider, TurnBody, TurnView } from './types.js';

/** What a chat user did, in the channel's neutral words. */
export type ChatInbound =
  | { type: 'start'; flow?: string }
  | { type: 'text'; text: string }
  | { type: 'choice'; id: string }
  | { type: 'date'; value: string }
  | { type: 'action'; action: Action };

/** Identifies one chat user in one place, e.g. `{ platform: 'slack', parts: [team, channel, thread, user] }`. */
export interface ChatAddress {
  platform: string;
  parts: string[];
}

/** A choice id that starts the named flow (offered when `/medspiller <flow>` named no flow). Ids in YAML cannot hold ":". */
export const START_CHOICE_PREFIX = 'start:';

export interface ChatSessionsOptions {
  conversations: ConversationService;
  content: ContentProvider;
  /** Keys the derived conversation ids: the channel's own secret. */
  secret: string;
  municipality?: string;
  locale?: string;
}

export interface ChatSessions {
  /** `language`: what the platform says the person uses ("en-US"); a new conversation starts in it when the content has it. */
  handle(address: ChatAddress, inbound: ChatInbound, language?: string): Promise<TurnView>;
}

/** The conversation id of a chat address: 43 base64url characters, a keyed SHA-256. */
export function chatConversationId(secret: string, address: ChatAddress): string {
  return createHmac('sha256', secret).update([address.platform, ...address.parts].join('\n')).digest('base64url');
}

function toBody(inbound: Exclude<ChatInbound, { type: 'start' }>): TurnBody {
  switch (inbound.type) {
    case 'text':
      // A bare mention or an empty message asks for the current question again.
      return inbound.text.trim() ? { text: inbound.text } : { action: 'repeat' };
    case 'choice':
      return { choice: inbound.id };
    case 'date':
      return { date: inbound.value };
    case 'action':
      return { action: inbound.action };
  }
}

export function createChatSessions(options: ChatSessionsOptions): ChatSessions {
  const { conversations, content, secret } = options;
  const startOptions = (language?: string) => {
    const bundle = content.current();
    const spoken = language?.split('-')[0]?.toLowerCase();
    const locale = spoken && bundle.locales.includes(spoken) ? spoken : options.locale;
    return { municipality: options.municipality, locale };
  };

  /** The flows one can start, as choices, after an unknown `/medspiller <flow>`. */
  function flowList(requested: string, language?: string): TurnView {
    const bundle = content.current();
    const locale = startOptions(language).locale ?? 'da';
    const place = placeOf(bundle, options.municipality);
    const choices = startableFlows(bundle, options.municipality).map((flow) => {
      const titleKey = place.flows[flow]?.title ?? flow;
      return { id: `${START_CHOICE_PREFIX}${flow}`, label: findEntry(bundle, place, locale, titleKey)?.text ?? flow };
    });
    const text = chatStrings(locale).unknownFlow.replace('{flow}', requested.slice(0, 64));
    const dir = bundle.localeInfo[locale]?.dir ?? 'ltr';
    return { replies: [{ type: 'text', key: 'chat.unknown_flow', text }], prompt: { kind: 'choice', choices }, done: false, locale, dir };
  }

  async function startOver(id: string, flow: string | undefined, language?: string): Promise<TurnView> {
    try {
      return await conversations.start({ ...startOptions(language), ...(flow && { flow }) }, { id, replace: true });
    } catch (error) {
      if (isAppError(error) && error.code === 'unknown_flow' && flow) return flowList(flow, language);
      throw error;
    }
  }

  /** First contact, or the conversation expired: greet with the main flow (the message itself is not an answer yet). */
  async function firstContact(id: string, language?: string): Promise<TurnView> {
    try {
      return await conversations.start(startOptions(language), { id });
    } catch (error) {
      // Another instance created it a moment ago: show where it stands.
      if (isAppError(error)) throw error;
      return conversations.turn(id, { action: 'repeat' });
    }
  }

  async function answer(id: string, body: TurnBody, language?: string): Promise<TurnView> {
    try {
      return await conversations.turn(id, body);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'unknown_conversation') return firstContact(id, language);
      // An old button: show the question that is open now.
      if (error.code === 'choice_not_offered') return conversations.turn(id, { action: 'repeat' });
      throw error;
    }
  }

  return {
    async handle(address, inbound, language) {
      const id = chatConversationId(secret, address);
      if (inbound.type === 'start') return startOver(id, inbound.flow, language);
      if (inbound.type === 'choice' && inbound.id.startsWith(START_CHOICE_PREFIX)) {
        return startOver(id, inbound.id.slice(START_CHOICE_PREFIX.length), language);
      }
      return answer(id, toBody(inbound), language);
    },
  };
}
