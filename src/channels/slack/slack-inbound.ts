/**
 * toInbound(body): a verified, parsed Slack request body as the neutral inbound
 * message, with where it came from. Undefined for anything the bot leaves alone
 * (other bots, edits, messages in channels that do not mention it, other apps'
 * buttons).
 *
 *   message.im            → the text, in the direct message
 *   app_mention           → the text without the mention, in the thread it starts or is in
 *   block_actions         → the button, option or date picked, where the message is
 *   /medspiller [flow]    → start (that flow), in the user's direct message with the bot
 *   /medspiller script <flow> → that flow's adviser script as a file, in the direct message
 *
 * Pure.
 */
import type { ChatInbound } from '../../conversation/chat-sessions.js';
import { INBOUND_TEXT_CAP, obj, str, type Raw } from '../raw-fields.js';
import { ACTION_IDS, ACTION_PREFIX } from './slack-render.js';
import { fromSlackText } from './slack-mrkdwn.js';

/** Where a conversation lives: a direct message (no thread) or a thread in a channel. */
export interface SlackPlace {
  team: string;
  channel: string;
  thread?: string;
}

/** A clicked message: its buttons are replaced by `label` once the click is handled. */
export interface SlackAnswered {
  ts: string;
  blocks: unknown[];
  label: string;
}

export type SlackInbound =
  | { kind: 'message'; place: SlackPlace; user: string; inbound: ChatInbound; answered?: SlackAnswered }
  /** A slash command: the conversation moves to the user's direct message with the bot. */
  | { kind: 'command'; team: string; user: string; inbound: ChatInbound }
  /** `/medspiller script <flow>`: the flow's adviser script, in the user's direct message. */
  | { kind: 'script'; team: string; user: string; flow?: string };

export const SLASH_COMMAND = '/medspiller';

function textInbound(text: string): ChatInbound {
  return { type: 'text', text: fromSlackText(text).slice(0, INBOUND_TEXT_CAP) };
}

function fromEvent(body: Raw): SlackInbound | undefined {
  const event = obj(body.event);
  const team = str(body.team_id);
  if (!event || !team) return undefined;
  const user = str(event.user);
  const channel = str(event.channel);
  // Never answer a bot (ourselves included), an edit, a join or any other message subtype.
  if (!user || !channel || event.bot_id !== undefined || event.subtype !== undefined) return undefined;
  const text = typeof event.text === 'string' ? event.text : '';
  if (event.type === 'message' && event.channel_type === 'im') {
    return { kind: 'message', place: { team, channel }, user, inbound: textInbound(text) };
  }
  if (event.type === 'app_mention') {
    const thread = str(event.thread_ts) ?? str(event.ts);
    return { kind: 'message', place: { team, channel, ...(thread && { thread }) }, user, inbound: textInbound(text) };
  }
  return undefined;
}

function fromAction(action: Raw): { inbound: ChatInbound; label: string } | undefined {
  const id = str(action.action_id) ?? '';
  if (id === ACTION_IDS.date) {
    const date = str(action.selected_date);
    return date ? { inbound: { type: 'date', value: date }, label: date } : undefined;
  }
  if (id === ACTION_IDS.skip) return { inbound: { type: 'action', action: 'skip' }, label: str(obj(action.text)?.text) ?? 'skip' };
  if (id === ACTION_IDS.select) {
    const option = obj(action.selected_option);
    const value = str(option?.value);
    return value ? { inbound: { type: 'choice', id: value }, label: str(obj(option?.text)?.text) ?? value } : undefined;
  }
  const value = str(action.value);
  if (id.startsWith(ACTION_PREFIX) && value) return { inbound: { type: 'choice', id: value }, label: str(obj(action.text)?.text) ?? value };
  return undefined;
}

function fromBlockActions(body: Raw): SlackInbound | undefined {
  const action = Array.isArray(body.actions) ? obj(body.actions[0]) : undefined;
  const picked = action && fromAction(action);
  const user = str(obj(body.user)?.id);
  const team = str(obj(body.team)?.id) ?? str(obj(body.user)?.team_id);
  const container = obj(body.container);
  const message = obj(body.message);
  const channel = str(obj(body.channel)?.id) ?? str(container?.channel_id);
  if (!picked || !user || !team || !channel) return undefined;
  const thread = str(message?.thread_ts) ?? str(container?.thread_ts);
  const ts = str(message?.ts) ?? str(container?.message_ts);
  const blocks = Array.isArray(message?.blocks) ? (message.blocks as unknown[]) : undefined;
  return {
    kind: 'message',
    place: { team, channel, ...(thread && { thread }) },
    user,
    inbound: picked.inbound,
    ...(ts && blocks && { answered: { ts, blocks, label: picked.label } }),
  };
}

function fromCommand(body: Raw): SlackInbound | undefined {
  const team = str(body.team_id);
  const user = str(body.user_id);
  if (body.command !== SLASH_COMMAND || !team || !user) return undefined;
  const words = (typeof body.text === 'string' ? body.text : '').trim().toLowerCase().split(/\s+/);
  if (words[0] === 'script') return words[1] ? { kind: 'script', team, user, flow: words[1] } : { kind: 'script', team, user };
  const flow = words[0];
  return { kind: 'command', team, user, inbound: flow ? { type: 'start', flow } : { type: 'start' } };
}

export function toInbound(body: Raw): SlackInbound | undefined {
  if (body.type === 'event_callback') return fromEvent(body);
  if (body.type === 'block_actions') return fromBlockActions(body);
  if (typeof body.command === 'string') return fromCommand(body);
  return undefined;
}
