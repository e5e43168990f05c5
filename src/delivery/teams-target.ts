/**
 * Adviser requests to a Teams conversation (MEDSPILLER_ADVISER_TEAMS_CONVERSATION,
 * a conversation reference as JSON) as a proactive message: an Adaptive Card with
 * the municipality, topic, contact details and when the citizen asked. The bot
 * must be installed in that team or chat.
 */
import type { BotFramework, ConversationReference } from '../channels/teams/bot-framework.js';
import type { TeamsConversationReference } from '../channels/chat-config.js';
import { adaptiveCard } from '../channels/teams/teams-render.js';
import { contactFields, NOTICE_TEXT, type AdviserNotice } from './adviser-notice.js';
import type { DeliveryTarget } from './delivery-target.js';

/** Card text is Markdown: characters that would make a link, a tag or emphasis are dropped from what the citizen typed. */
function inert(value: string): string {
  return value.replace(/[[\]<>*`]/g, '');
}

/** Pure: the card. */
export function teamsNoticeCard(notice: AdviserNotice) {
  const facts = [
    { title: NOTICE_TEXT.municipality, value: notice.municipality },
    { title: NOTICE_TEXT.topic, value: notice.topic },
    ...contactFields(notice).map(([title, value]) => ({ title, value: inert(value) })),
  ];
  return adaptiveCard([
    { type: 'TextBlock', text: NOTICE_TEXT.title, wrap: true, size: 'Medium', weight: 'Bolder' },
    { type: 'FactSet', facts },
    ...(contactFields(notice).length === 0 ? [{ type: 'TextBlock', text: NOTICE_TEXT.noContact, wrap: true }] : []),
    { type: 'TextBlock', text: NOTICE_TEXT.footer(notice.receivedAt, notice.requestId), wrap: true, size: 'Small', isSubtle: true },
  ]);
}

export function createTeamsTarget(framework: Pick<BotFramework, 'sendTo'>, reference: TeamsConversationReference): DeliveryTarget {
  return {
    name: 'teams',
    async deliver(notice) {
      await framework.sendTo(
        // The configured JSON names the conversation by id; the rest of ConversationAccount is optional to the service.
        { channelId: 'msteams', ...reference } as Partial<ConversationReference>,
        { type: 'message', summary: NOTICE_TEXT.fallback(notice.municipality), attachments: [teamsNoticeCard(notice)] },
      );
    },
  };
}
