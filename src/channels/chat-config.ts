/**
 * The chat channels' settings, read from the platforms' conventional variables.
 * Every channel is off unless configured; a half-configured channel is an error
 * naming what is missing, never a silent "off". Secrets are never echoed back.
 *
 *   SLACK_SIGNING_SECRET + SLACK_BOT_TOKEN           → Slack at /slack/events
 *   MICROSOFT_APP_ID + MICROSOFT_APP_PASSWORD        → Teams at /api/messages (JWT checked)
 *     (+ MICROSOFT_APP_TENANT_ID for a single-tenant bot)
 *   MEDSPILLER_TEAMS=emulator                        → Teams without JWT (never in production)
 *   MEDSPILLER_ADVISER_SLACK_CHANNEL=C0123ABCDEF     → adviser requests to that Slack channel
 *   MEDSPILLER_ADVISER_TEAMS_CONVERSATION='{"serviceUrl":…,"conversation":{"id":…}}'
 *                                                    → adviser requests to that Teams conversation
 *   MEDSPILLER_CHAT_MUNICIPALITY=oesterby            → the municipality chat conversations belong to
 */

export interface SlackSettings {
  signingSecret: string;
  botToken: string;
}

export type TeamsSettings =
  | { mode: 'bot-framework'; appId: string; appPassword: string; tenantId?: string }
  | { mode: 'emulator' };

/** Where a proactive Teams message goes: a Bot Framework conversation reference (as JSON). */
export interface TeamsConversationReference {
  serviceUrl: string;
  channelId?: string;
  conversation: { id: string; tenantId?: string; isGroup?: boolean; conversationType?: string };
}

export interface AdviserDeliverySettings {
  slackChannel?: string;
  teamsConversation?: TeamsConversationReference;
}

export interface ChatSettings {
  slack?: SlackSettings;
  teams?: TeamsSettings;
  adviserDelivery?: AdviserDeliverySettings;
  /** The municipality Slack and Teams conversations belong to (default: the content's default municipality). */
  chatMunicipality?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{6,}$/;

type Env = Record<string, string | undefined>;

/** Reads the chat settings; `problems` lists every wrong variable as "NAME: what is expected". */
export function parseChatSettings(env: Env): { settings: ChatSettings; problems: string[] } {
  const problems: string[] = [];
  const slack = parseSlack(env, problems);
  const teams = parseTeams(env, problems);
  const adviserDelivery = parseDelivery(env, { slack, teams }, problems);
  const chatMunicipality = set(env, 'MEDSPILLER_CHAT_MUNICIPALITY');
  if (chatMunicipality && !/^[a-z][a-z0-9_-]*$/.test(chatMunicipality)) {
    problems.push('MEDSPILLER_CHAT_MUNICIPALITY: expected a municipality id from content/municipalities, like "demo"');
  }
  return { settings: { slack, teams, adviserDelivery, chatMunicipality }, problems };
}

function set(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function parseSlack(env: Env, problems: string[]): SlackSettings | undefined {
  const signingSecret = set(env, 'SLACK_SIGNING_SECRET');
  const botToken = set(env, 'SLACK_BOT_TOKEN');
  if (!signingSecret && !botToken) return undefined;
  if (!signingSecret) problems.push('SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set (Basic Information → App Credentials → Signing Secret)');
  if (!botToken) problems.push('SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET is set (OAuth & Permissions → Bot User OAuth Token, xoxb-…)');
  if (botToken && !botToken.startsWith('xoxb-')) problems.push('SLACK_BOT_TOKEN: expected a bot token starting with "xoxb-"');
  if (signingSecret && !/^[0-9a-f]{16,}$/i.test(signingSecret)) problems.push('SLACK_SIGNING_SECRET: expected the hexadecimal signing secret');
  return signingSecret && botToken ? { signingSecret, botToken } : undefined;
}

function parseTeams(env: Env, problems: string[]): TeamsSettings | undefined {
  const appId = set(env, 'MICROSOFT_APP_ID');
  const appPassword = set(env, 'MICROSOFT_APP_PASSWORD');
  const tenantId = set(env, 'MICROSOFT_APP_TENANT_ID');
  const mode = set(env, 'MEDSPILLER_TEAMS');
  if (mode !== undefined && mode !== 'emulator') {
    problems.push(`MEDSPILLER_TEAMS: expected "emulator" or unset, got "${mode.slice(0, 40)}"`);
    return undefined;
  }
  if (mode === 'emulator') {
    if (env.NODE_ENV === 'production') {
      problems.push('MEDSPILLER_TEAMS: "emulator" turns off request signatures and is refused when NODE_ENV=production; set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD instead');
    }
    if (appId) problems.push('MEDSPILLER_TEAMS: "emulator" cannot be combined with MICROSOFT_APP_ID; unset one of them');
    return problems.length ? undefined : { mode: 'emulator' };
  }
  if (!appId) {
    if (appPassword) problems.push('MICROSOFT_APP_ID: required when MICROSOFT_APP_PASSWORD is set');
    if (tenantId) problems.push('MICROSOFT_APP_ID: required when MICROSOFT_APP_TENANT_ID is set');
    return undefined;
  }
  const before = problems.length;
  if (!GUID.test(appId)) problems.push('MICROSOFT_APP_ID: expected the bot\'s application (client) id, a GUID like 00000000-0000-0000-0000-000000000000');
  if (!appPassword) problems.push('MICROSOFT_APP_PASSWORD: required when MICROSOFT_APP_ID is set (the client secret of the bot\'s app registration)');
  if (tenantId && !GUID.test(tenantId)) problems.push('MICROSOFT_APP_TENANT_ID: expected a directory (tenant) id, a GUID');
  if (problems.length > before || !appPassword) return undefined;
  return tenantId ? { mode: 'bot-framework', appId, appPassword, tenantId } : { mode: 'bot-framework', appId, appPassword };
}

function parseDelivery(
  env: Env,
  channels: { slack?: SlackSettings; teams?: TeamsSettings },
  problems: string[],
): AdviserDeliverySettings | undefined {
  const slackChannel = set(env, 'MEDSPILLER_ADVISER_SLACK_CHANNEL');
  const teamsText = set(env, 'MEDSPILLER_ADVISER_TEAMS_CONVERSATION');
  if (slackChannel && !SLACK_CHANNEL_ID.test(slackChannel)) {
    problems.push('MEDSPILLER_ADVISER_SLACK_CHANNEL: expected a channel id like C0123ABCDEF (channel details → About → Channel ID), not its name');
  } else if (slackChannel && !channels.slack && !set(env, 'SLACK_BOT_TOKEN')) {
    problems.push('MEDSPILLER_ADVISER_SLACK_CHANNEL: needs the Slack app (SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)');
  }
  const teamsConversation = teamsText === undefined ? undefined : parseReference(teamsText, problems);
  if (teamsConversation && !channels.teams && !set(env, 'MICROSOFT_APP_ID') && !set(env, 'MEDSPILLER_TEAMS')) {
    problems.push('MEDSPILLER_ADVISER_TEAMS_CONVERSATION: needs the Teams bot (MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD, or MEDSPILLER_TEAMS=emulator)');
  }
  const settings: AdviserDeliverySettings = {
    ...(slackChannel && SLACK_CHANNEL_ID.test(slackChannel) && { slackChannel }),
    ...(teamsConversation && { teamsConversation }),
  };
  return settings.slackChannel || settings.teamsConversation ? settings : undefined;
}

const REFERENCE_HINT =
  'expected a conversation reference as JSON, e.g. {"serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams","conversation":{"id":"19:…@thread.tacv2"}} (the bot logs it when it is added to a channel)';

function parseReference(text: string, problems: string[]): TeamsConversationReference | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    problems.push(`MEDSPILLER_ADVISER_TEAMS_CONVERSATION: ${REFERENCE_HINT}`);
    return undefined;
  }
  const reference = value as Partial<TeamsConversationReference> | null;
  const serviceUrl = typeof reference?.serviceUrl === 'string' ? reference.serviceUrl : '';
  const id = reference?.conversation && typeof reference.conversation.id === 'string' ? reference.conversation.id : '';
  if (!/^https?:\/\/[^\s/]+/i.test(serviceUrl) || !id) {
    problems.push(`MEDSPILLER_ADVISER_TEAMS_CONVERSATION: ${REFERENCE_HINT}`);
    return undefined;
  }
  return reference as TeamsConversationReference;
}
