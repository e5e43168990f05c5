/**
 * Puts the chat channels and the adviser request delivery on the app, as far as
 * they are configured (see chat-config.ts): Slack at /slack/events, Teams at
 * /api/messages, and the delivery worker when a target is set. Each platform's
 * library is loaded only when that platform is configured.
 *
 * Not a channel: the one place that wires them, so they never import each other.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { createChatSessions, type ChatSessionsOptions } from '../conversation/chat-sessions.js';
import type { ContentProvider } from '../conversation/types.js';
import type { DeliveryWorker } from '../delivery/delivery-worker.js';
import type { DeliveryTarget } from '../delivery/delivery-target.js';
import type { Logger } from '../logger.js';
import type { RequestStore } from '../stores/request-store.js';
import { createInFlight, type InFlight } from './in-flight.js';
import type { BotFramework } from './teams/bot-framework.js';

/** `app.chatChannels`: Slack's work after the acknowledgement, and the delivery worker when there is one. */
export interface ChatChannelsHandle {
  /** Resolves when no Slack event is being processed (tests; closing the app waits for it too). */
  idle(): Promise<void>;
  delivery?: DeliveryWorker;
}

declare module 'fastify' {
  interface FastifyInstance {
    chatChannels: ChatChannelsHandle;
  }
}

export interface ChatChannelDeps {
  config: Pick<Config, 'nodeEnv' | 'slack' | 'teams' | 'adviserDelivery' | 'chatMunicipality'>;
  content: ContentProvider;
  conversations: ChatSessionsOptions['conversations'];
  requests: RequestStore;
  logger: Logger;
  clock?: () => Date;
}

/** The names of the delivery targets the configuration sets: what `adviser_delivery` tells the content. */
export function adviserDeliveryTargets(config: Pick<Config, 'adviserDelivery'>): string[] {
  const delivery = config.adviserDelivery;
  return [...(delivery?.slackChannel ? ['slack'] : []), ...(delivery?.teamsConversation ? ['teams'] : [])];
}

function sessionOptions(deps: ChatChannelDeps) {
  const { conversations, content, config } = deps;
  return { conversations, content, ...(config.chatMunicipality && { municipality: config.chatMunicipality }) };
}

async function registerSlack(app: FastifyInstance, deps: ChatChannelDeps, targets: DeliveryTarget[], inFlight: InFlight): Promise<void> {
  const settings = deps.config.slack!;
  const [{ createSlackApp }, { slackPlugin }] = await Promise.all([import('./slack/slack-app.js'), import('./slack/slack-plugin.js')]);
  const chat = createChatSessions({ ...sessionOptions(deps), secret: settings.signingSecret });
  const { scriptForChat } = await import('../adviser/script-file.js');
  const municipality = deps.config.chatMunicipality;
  const script = (flow: string | undefined) => scriptForChat(deps.content.current(), flow, { command: '/medspiller script', ...(municipality && { municipality }) });
  const bolt = createSlackApp({ botToken: settings.botToken, chat, logger: deps.logger, script });
  await app.register(slackPlugin, { settings, bolt, logger: deps.logger, inFlight, ...(deps.clock && { clock: deps.clock }) });
  const channel = deps.config.adviserDelivery?.slackChannel;
  if (channel) {
    const { createSlackTarget } = await import('../delivery/slack-target.js');
    const { webApi } = await import('@slack/bolt');
    // The delivery worker retries with its own backoff.
    const client = new webApi.WebClient(settings.botToken, { timeout: 15_000, retryConfig: { retries: 0 } });
    targets.push(createSlackTarget(client, channel));
  }
  deps.logger.info({ channel: 'slack', delivery: Boolean(channel) }, 'Slack channel on at /slack/events');
}

async function registerTeams(app: FastifyInstance, deps: ChatChannelDeps, targets: DeliveryTarget[]): Promise<void> {
  const settings = deps.config.teams!;
  if (settings.mode === 'emulator') {
    deps.logger.warn(
      { channel: 'teams' },
      'MEDSPILLER_TEAMS=emulator: /api/messages accepts UNSIGNED requests from anyone. For local testing with the Bot Framework Emulator only; never expose this server.',
    );
  }
  const [{ loadBotFramework }, { teamsPlugin }] = await Promise.all([import('./teams/bot-framework.js'), import('./teams/teams-plugin.js')]);
  const framework: BotFramework = await loadBotFramework(settings, deps.logger);
  // In emulator mode there is no secret to key conversation ids with: a new one per start (conversations end with the process).
  const secret = settings.mode === 'bot-framework' ? settings.appPassword : randomBytes(32).toString('hex');
  const chat = createChatSessions({ ...sessionOptions(deps), secret });
  await app.register(teamsPlugin, { framework, chat, logger: deps.logger });
  const reference = deps.config.adviserDelivery?.teamsConversation;
  if (reference) {
    const { createTeamsTarget } = await import('../delivery/teams-target.js');
    targets.push(createTeamsTarget(framework, reference));
  }
  deps.logger.info({ channel: 'teams', mode: settings.mode, delivery: Boolean(reference) }, 'Teams channel on at /api/messages');
}

/** Registers what is configured; the delivery worker starts with the app and stops when it closes. */
export async function registerChatChannels(app: FastifyInstance, deps: ChatChannelDeps): Promise<void> {
  const targets: DeliveryTarget[] = [];
  const inFlight = createInFlight();
  const handle: ChatChannelsHandle = { idle: () => inFlight.idle() };
  app.decorate('chatChannels', handle);
  if (deps.config.slack) await registerSlack(app, deps, targets, inFlight);
  if (deps.config.teams) await registerTeams(app, deps, targets);
  if (targets.length === 0) return;
  const { createDeliveryWorker } = await import('../delivery/delivery-worker.js');
  const worker = createDeliveryWorker({ requests: deps.requests, targets, content: deps.content, logger: deps.logger, ...(deps.clock && { clock: deps.clock }) });
  handle.delivery = worker;
  app.addHook('onReady', async () => worker.start());
  // preClose: a round under way finishes before the stores are closed (onClose).
  app.addHook('preClose', () => worker.stop());
}
