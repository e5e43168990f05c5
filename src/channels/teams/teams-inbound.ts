/**
 * toInbound(activity): a Bot Framework activity as the neutral inbound message,
 * with the chat address it belongs to. Undefined for anything the bot leaves alone.
 *
 *   message with a card's data (Action.Submit)   → the choice, date or skip it carries
 *   message with text                            → the text without the @mention;
 *                                                   "medspiller <flow>" starts that flow
 *   invoke adaptiveCard/action (Action.Execute)  → as a card's data
 *   conversationUpdate, a person added to a 1:1  → start (the welcome)
 *
 * The address is the channel, the tenant, the conversation (in a Teams channel
 * that includes the thread) and the person, so each person has one conversation
 * per chat or thread.
 *
 * Pure.
 */
import type { ChatAddress, ChatInbound } from '../../conversation/chat-sessions.js';
import { INBOUND_TEXT_CAP, obj, str, type Raw } from '../raw-fields.js';
import type { Activity } from './bot-framework.js';

export interface TeamsInbound {
  address: ChatAddress;
  inbound: ChatInbound;
}

/** What our cards put in an action's data (see teams-render.ts). */
export const CARD_DATA_KEY = 'medspiller';

/** "medspiller staff-survey", "/medspiller", "medspiller: complaint": start a flow. */
const START_COMMAND = /^\/?medspiller\b[:\s]*([a-z0-9_-]*)\s*$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The inbound a card's submitted data stands for. */
function fromCardData(data: Raw | undefined): ChatInbound | undefined {
  if (!data) return undefined;
  const kind = data[CARD_DATA_KEY];
  const id = str(data.id);
  const date = str(data.date);
  if (kind === 'choice' && id) return { type: 'choice', id };
  if (kind === 'date' && date && ISO_DATE.test(date)) return { type: 'date', value: date };
  if (kind === 'skip') return { type: 'action', action: 'skip' };
  return undefined;
}

/** The text without mentions of the bot (Teams puts `<at>Medspiller</at>` in it). */
function textWithoutMention(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  for (const entity of activity.entities ?? []) {
    const mentioned = obj(entity.mentioned);
    if (entity.type === 'mention' && mentioned?.id === activity.recipient?.id && typeof entity.text === 'string') {
      text = text.replace(entity.text, '');
    }
  }
  return text.replace(/<at>[^<]*<\/at>/g, '').trim();
}

function fromText(text: string): ChatInbound {
  const command = START_COMMAND.exec(text);
  if (command) return command[1] ? { type: 'start', flow: command[1].toLowerCase() } : { type: 'start' };
  return { type: 'text', text: text.slice(0, INBOUND_TEXT_CAP) };
}

function addressOf(activity: Partial<Activity>, person: string): ChatAddress {
  const conversation = activity.conversation;
  const tenant = conversation?.tenantId ?? str(obj(obj(activity.channelData)?.tenant)?.id) ?? '';
  return { platform: 'teams', parts: [activity.channelId ?? '', tenant, conversation?.id ?? '', person] };
}

function personOf(account: Partial<Activity>['from']): string | undefined {
  return account ? (account.aadObjectId ?? account.id) : undefined;
}

function fromMessage(activity: Partial<Activity>): ChatInbound | undefined {
  const card = fromCardData(obj(activity.value));
  if (card) return card;
  const text = textWithoutMention(activity);
  return text || activity.text !== undefined ? fromText(text) : undefined;
}

function fromInvoke(activity: Partial<Activity>): ChatInbound | undefined {
  if (activity.name !== 'adaptiveCard/action') return undefined;
  return fromCardData(obj(obj(obj(activity.value)?.action)?.data));
}

/**
 * Someone starts a one-to-one chat with the bot: the moment to greet them. Teams
 * reports the bot as added (the person is `from`); the Emulator and Web Chat list
 * the person among the members added.
 */
function personJoined(activity: Partial<Activity>): string | undefined {
  const oneToOne = activity.conversation?.conversationType === 'personal' || !activity.conversation?.isGroup;
  if (!oneToOne || !activity.membersAdded?.length) return undefined;
  const bot = activity.recipient?.id;
  const person = activity.membersAdded.find((member) => member.id !== bot) ?? (activity.from?.id !== bot ? activity.from : undefined);
  return person ? (person.aadObjectId ?? person.id) : undefined;
}

export function toInbound(activity: Partial<Activity>): TeamsInbound | undefined {
  if (activity.from?.role === 'bot') return undefined;
  if (activity.type === 'conversationUpdate') {
    const person = personJoined(activity);
    return person ? { address: addressOf(activity, person), inbound: { type: 'start' } } : undefined;
  }
  const person = personOf(activity.from);
  if (!person) return undefined;
  const inbound = activity.type === 'message' ? fromMessage(activity) : activity.type === 'invoke' ? fromInvoke(activity) : undefined;
  return inbound && { address: addressOf(activity, person), inbound };
}

/** True when the bot itself was added to a team channel or group chat (where adviser requests can be sent). */
export function botWasAdded(activity: Partial<Activity>): boolean {
  return activity.type === 'conversationUpdate' && (activity.membersAdded ?? []).some((member) => member.id === activity.recipient?.id);
}
