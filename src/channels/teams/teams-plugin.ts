/**
 * POST /api/messages: the Bot Framework messaging endpoint (Teams, Web Chat, the
 * Emulator). CloudAdapter checks the request's JWT when an app id is configured
 * (see bot-framework.ts), then each activity is translated (teams-inbound.ts),
 * answered by the chat sessions and rendered back (teams-render.ts).
 *
 * When the bot is added to a team channel or group chat, the conversation
 * reference to put in MEDSPILLER_ADVISER_TEAMS_CONVERSATION is logged: ids and
 * the service address only.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ChatSessions } from '../../conversation/chat-sessions.js';
import type { Logger } from '../../logger.js';
import type { Activity, BotFramework, TurnContext } from './bot-framework.js';
import { botWasAdded, toInbound } from './teams-inbound.js';
import { render } from './teams-render.js';

const TEAMS_MESSAGES_PATH = '/api/messages';
/** Activities (a conversationUpdate with many members, a card's data) exceed the web API's body limit. */
const TEAMS_BODY_LIMIT = 256 * 1024;

export interface TeamsPluginOptions {
  framework: BotFramework;
  chat: ChatSessions;
  logger: Logger;
}

/** Action.Execute (Universal Actions) expects an answer to the invoke itself; the replies follow as messages. */
const CARD_ACTION_ACCEPTED = {
  type: 'invokeResponse',
  value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '' } },
} as const;

function referenceOf(activity: Partial<Activity>) {
  const { serviceUrl, channelId, conversation } = activity;
  return { serviceUrl, channelId, conversation: { id: conversation?.id, ...(conversation?.tenantId && { tenantId: conversation.tenantId }) } };
}

export const teamsPlugin: FastifyPluginAsync<TeamsPluginOptions> = async (app, { framework, chat, logger }) => {
  async function turn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') await context.sendActivity(CARD_ACTION_ACCEPTED);
    if (botWasAdded(activity) && activity.conversation?.conversationType !== 'personal') {
      logger.info(
        { channel: 'teams', reference: JSON.stringify(referenceOf(activity)) },
        'added to a Teams conversation: to send adviser requests here, set MEDSPILLER_ADVISER_TEAMS_CONVERSATION to the reference',
      );
    }
    const inbound = toInbound(activity);
    if (!inbound) return;
    const started = performance.now();
    const view = await chat.handle(inbound.address, inbound.inbound, activity.locale);
    const activities = render(view);
    if (activities.length > 0) await context.sendActivities(activities);
    logger.info({ channel: 'teams', activity: activity.type, input: inbound.inbound.type, ms: Math.round(performance.now() - started) }, 'teams turn');
  }

  app.post(TEAMS_MESSAGES_PATH, { bodyLimit: TEAMS_BODY_LIMIT, config: { rateLimit: false } }, async (request, reply) => {
    await framework.process(request, reply, turn);
    return reply;
  });
};
