/**
 * The Bolt app behind /slack/events: routes Slack's events, button clicks and the
 * slash command to the chat sessions, and posts the answers with Bolt's client.
 * The HTTP side (signature, parsing, acknowledging) is slack-plugin.ts: this app
 * has a receiver that does nothing, and is handed each event with processEvent.
 *
 * Logs carry the kind of event and timings only, never what anyone wrote.
 */
import { App, LogLevel, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { ChatSessions } from '../../conversation/chat-sessions.js';
import type { Logger } from '../../logger.js';
import { SLASH_COMMAND, toInbound, type SlackAnswered, type SlackInbound } from './slack-inbound.js';
import { escapeMrkdwn } from './slack-mrkdwn.js';
import { ACTION_PREFIX, answeredBlocks, documentAsCodeBlock, render, type Block, type SlackOutgoing } from './slack-render.js';

export interface SlackAppOptions {
  botToken: string;
  chat: ChatSessions;
  logger: Logger;
  /** `/medspiller script <flow>`: the adviser script as a file, or a message naming the flows. */
  script?: (flow: string | undefined) => { filename: string; title: string; content: string } | { message: string };
}

/** The citizen is waiting for the answer: two quick retries, not Slack's default half hour. */
const CLIENT_OPTIONS: webApi.WebClientOptions = { timeout: 15_000, retryConfig: { retries: 2, minTimeout: 500, maxTimeout: 2_000 } };

type WebClient = webApi.WebClient;

interface Target {
  channel: string;
  threadTs?: string;
}

/** Bolt's logger interface, forwarding warnings and errors only: Bolt's debug output holds payloads. */
function boltLogger(logger: Logger): BoltLogger {
  const line = (args: unknown[]) => args.filter((a): a is string => typeof a === 'string').join(' ').slice(0, 200);
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...args) => logger.warn({ channel: 'slack' }, line(args)),
    error: (...args) => logger.error({ channel: 'slack' }, line(args)),
    setLevel: () => undefined,
    getLevel: () => LogLevel.WARN,
    setName: () => undefined,
  };
}

async function post(client: WebClient, target: Target, message: Extract<SlackOutgoing, { kind: 'post' }>): Promise<void> {
  await client.chat.postMessage({
    channel: target.channel,
    ...(target.threadTs && { thread_ts: target.threadTs }),
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
}

/** Sends in order; a document file that cannot be uploaded (no files:write, say) is posted as a code block. */
async function send(client: WebClient, target: Target, outgoing: SlackOutgoing[], logger: Logger): Promise<void> {
  for (const message of outgoing) {
    if (message.kind === 'post') {
      await post(client, target, message);
      continue;
    }
    try {
      const file = { channel_id: target.channel, filename: message.filename, title: message.title, content: message.content };
      await client.files.uploadV2(target.threadTs ? { ...file, thread_ts: target.threadTs } : file);
    } catch (error) {
      logger.warn({ channel: 'slack', error: slackError(error) }, 'file upload failed: posting the document as text');
      await post(client, target, documentAsCodeBlock(message));
    }
  }
}

/** Slack's error code ("not_in_channel") or the error's name: never a message that might quote a payload. */
export function slackError(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : ((error as Error | undefined)?.name ?? 'Error');
}

export function createSlackApp(options: SlackAppOptions): App {
  const { chat, logger } = options;
  const app = new App({
    // Fastify receives the requests (slack-plugin.ts) and hands them to processEvent.
    receiver: { init: () => undefined, start: async () => undefined, stop: async () => undefined },
    // One workspace, one bot token: no auth.test per event, no installation store.
    authorize: async () => ({ botToken: options.botToken }),
    ignoreSelf: false, // toInbound ignores every bot message, this one's included
    convoStore: false,
    logger: boltLogger(logger),
    clientOptions: { ...CLIENT_OPTIONS },
  });

  async function handle(body: Record<string, unknown>, client: WebClient): Promise<void> {
    const inbound = toInbound(body);
    if (!inbound) return;
    if (inbound.kind === 'script') return sendScript(inbound, client);
    const started = performance.now();
    const { target, user, team, answered } = await resolve(inbound, client);
    const view = await chat.handle({ platform: 'slack', parts: [team, target.channel, target.threadTs ?? '', user] }, inbound.inbound);
    if (answered) await markAnswered(client, target.channel, answered, view.locale);
    await send(client, target, render(view), logger);
    logger.info({ channel: 'slack', kind: inbound.kind, input: inbound.inbound.type, ms: Math.round(performance.now() - started) }, 'slack turn');
  }

  async function sendScript(inbound: Extract<SlackInbound, { kind: 'script' }>, client: WebClient): Promise<void> {
    const script = options.script?.(inbound.flow);
    if (!script) return;
    const channel = await openDirect(client, inbound.user);
    const text = 'message' in script ? escapeMrkdwn(script.message) : '';
    const outgoing: SlackOutgoing[] =
      'message' in script ? [{ kind: 'post', text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }] : [{ kind: 'upload', ...script }];
    await send(client, { channel }, outgoing, logger);
    logger.info({ channel: 'slack', kind: inbound.kind }, 'slack script');
  }

  async function openDirect(client: WebClient, user: string): Promise<string> {
    const opened = await client.conversations.open({ users: user });
    const channel = opened.channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
    return channel;
  }

  async function resolve(inbound: Exclude<SlackInbound, { kind: 'script' }>, client: WebClient) {
    if (inbound.kind === 'message') {
      const { place } = inbound;
      return { target: { channel: place.channel, ...(place.thread && { threadTs: place.thread }) }, user: inbound.user, team: place.team, answered: inbound.answered };
    }
    // A slash command may come from any channel: the conversation itself is private.
    const channel = await openDirect(client, inbound.user);
    return { target: { channel }, user: inbound.user, team: inbound.team, answered: undefined };
  }

  async function markAnswered(client: WebClient, channel: string, answered: SlackAnswered, locale: string) {
    try {
      const blocks = answeredBlocks(answered.blocks as Block[], answered.label, locale);
      await client.chat.update({ channel, ts: answered.ts, blocks, text: escapeMrkdwn(answered.label.slice(0, 150)) });
    } catch (error) {
      logger.warn({ channel: 'slack', error: slackError(error) }, 'could not mark the question answered');
    }
  }

  const run = async ({ body, client }: { body: unknown; client: WebClient }) => {
    try {
      await handle(body as Record<string, unknown>, client);
    } catch (error) {
      logger.error({ channel: 'slack', error: slackError(error) }, 'slack event failed');
    }
  };
  app.event('message', run);
  app.event('app_mention', run);
  app.action(new RegExp(`^${ACTION_PREFIX.replace('.', '\\.')}`), async (args) => {
    await args.ack();
    await run(args);
  });
  app.command(SLASH_COMMAND, async (args) => {
    await args.ack();
    await run(args);
  });
  return app;
}
