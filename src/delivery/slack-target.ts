/**
 * Adviser requests to a Slack channel (MEDSPILLER_ADVISER_SLACK_CHANNEL) with
 * chat.postMessage: a header, the municipality and topic, the contact details and
 * when the citizen asked. Everything the citizen typed is escaped: a name can
 * never ping the channel or become a link. The bot must be in the channel
 * (invite it with /invite @Medspiller) and have the chat:write scope.
 */
import type { types as SlackTypes, webApi } from '@slack/bolt';
import { escapeMrkdwn } from '../channels/slack/slack-mrkdwn.js';
import { contactFields, NOTICE_TEXT, type AdviserNotice } from './adviser-notice.js';
import type { DeliveryTarget } from './delivery-target.js';

type Block = SlackTypes.KnownBlock;

function field(label: string, value: string): SlackTypes.MrkdwnElement {
  return { type: 'mrkdwn', text: `*${label}*\n${escapeMrkdwn(value)}` };
}

/** Pure: the message's blocks. */
export function slackNoticeBlocks(notice: AdviserNotice): Block[] {
  const contact = contactFields(notice);
  return [
    { type: 'header', text: { type: 'plain_text', text: NOTICE_TEXT.title } },
    { type: 'section', fields: [field(NOTICE_TEXT.municipality, notice.municipality), field(NOTICE_TEXT.topic, notice.topic)] },
    contact.length > 0
      ? { type: 'section', fields: contact.map(([label, value]) => field(label, value)) }
      : { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(NOTICE_TEXT.noContact) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(NOTICE_TEXT.footer(notice.receivedAt, notice.requestId)) }] },
  ];
}

export function createSlackTarget(client: webApi.WebClient, channel: string): DeliveryTarget {
  return {
    name: 'slack',
    async deliver(notice) {
      await client.chat.postMessage({
        channel,
        // The notification shows this line: no name or number in it.
        text: escapeMrkdwn(NOTICE_TEXT.fallback(notice.municipality)),
        blocks: slackNoticeBlocks(notice),
        unfurl_links: false,
        unfurl_media: false,
      });
    },
  };
}
