import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const SLACK = { SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef', SLACK_BOT_TOKEN: 'xoxb-1111-2222-abc' };
const TEAMS = { MICROSOFT_APP_ID: '8e5a9b1c-2d3e-4f50-9a6b-7c8d9e0f1a2b', MICROSOFT_APP_PASSWORD: 'client-secret~0123456789' };
const REFERENCE = '{"serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams","conversation":{"id":"19:abc@thread.tacv2"}}';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('chat channel settings', () => {
  it('leaves every channel off unless configured', () => {
    const config = loadConfig({});
    expect([config.slack, config.teams, config.adviserDelivery]).toEqual([undefined, undefined, undefined]);
  });

  it('reads Slack, Teams and the delivery targets', () => {
    const config = loadConfig({
      ...SLACK,
      ...TEAMS,
      MICROSOFT_APP_TENANT_ID: '2d4c6e8a-0b1c-4d2e-8f3a-5b6c7d8e9f01',
      MEDSPILLER_ADVISER_SLACK_CHANNEL: 'C0ADVISERS',
      MEDSPILLER_ADVISER_TEAMS_CONVERSATION: REFERENCE,
    });
    expect(config.slack).toEqual({ signingSecret: SLACK.SLACK_SIGNING_SECRET, botToken: SLACK.SLACK_BOT_TOKEN });
    expect(config.teams).toEqual({ mode: 'bot-framework', appId: TEAMS.MICROSOFT_APP_ID, appPassword: TEAMS.MICROSOFT_APP_PASSWORD, tenantId: '2d4c6e8a-0b1c-4d2e-8f3a-5b6c7d8e9f01' });
    expect(config.adviserDelivery).toEqual({ slackChannel: 'C0ADVISERS', teamsConversation: JSON.parse(REFERENCE) });
    expect(loadConfig({ MEDSPILLER_TEAMS: 'emulator' }).teams).toEqual({ mode: 'emulator' });
    expect(loadConfig({ MEDSPILLER_CHAT_MUNICIPALITY: 'oesterby' }).chatMunicipality).toBe('oesterby');
    expect(problems({ MEDSPILLER_CHAT_MUNICIPALITY: 'Østerby Kommune' })).toEqual(['MEDSPILLER_CHAT_MUNICIPALITY: expected a municipality id from content/municipalities, like "demo"']);
  });

  it('names the missing half of a half-configured channel, without echoing secrets', () => {
    expect(problems({ SLACK_SIGNING_SECRET: SLACK.SLACK_SIGNING_SECRET })).toEqual([
      'SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET is set (OAuth & Permissions → Bot User OAuth Token, xoxb-…)',
    ]);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxp-user-token-by-mistake' })).toEqual([
      'SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set (Basic Information → App Credentials → Signing Secret)',
      'SLACK_BOT_TOKEN: expected a bot token starting with "xoxb-"',
    ]);
    expect(problems({ MICROSOFT_APP_ID: TEAMS.MICROSOFT_APP_ID })).toEqual([
      "MICROSOFT_APP_PASSWORD: required when MICROSOFT_APP_ID is set (the client secret of the bot's app registration)",
    ]);
    expect(problems({ MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TENANT_ID: 'y' })).toEqual([
      'MICROSOFT_APP_ID: required when MICROSOFT_APP_PASSWORD is set',
      'MICROSOFT_APP_ID: required when MICROSOFT_APP_TENANT_ID is set',
    ]);
    const all = problems({ SLACK_BOT_TOKEN: 'xoxp-secret-value', MICROSOFT_APP_PASSWORD: 'hunter2-secret' }).join('\n');
    expect(all).not.toContain('secret-value');
    expect(all).not.toContain('hunter2');
  });

  it('refuses the emulator mode in production and next to an app id', () => {
    expect(problems({ NODE_ENV: 'production', MEDSPILLER_TEAMS: 'emulator' })).toEqual([
      'MEDSPILLER_TEAMS: "emulator" turns off request signatures and is refused when NODE_ENV=production; set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD instead',
    ]);
    expect(problems({ ...TEAMS, MEDSPILLER_TEAMS: 'emulator' })).toEqual(['MEDSPILLER_TEAMS: "emulator" cannot be combined with MICROSOFT_APP_ID; unset one of them']);
    expect(problems({ MEDSPILLER_TEAMS: 'on' })).toEqual(['MEDSPILLER_TEAMS: expected "emulator" or unset, got "on"']);
  });

  it('checks the delivery targets and that their channel is configured', () => {
    expect(problems({ MEDSPILLER_ADVISER_SLACK_CHANNEL: 'C0ADVISERS' })).toEqual([
      'MEDSPILLER_ADVISER_SLACK_CHANNEL: needs the Slack app (SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)',
    ]);
    expect(problems({ ...SLACK, MEDSPILLER_ADVISER_SLACK_CHANNEL: '#raadgivere' })).toEqual([
      'MEDSPILLER_ADVISER_SLACK_CHANNEL: expected a channel id like C0123ABCDEF (channel details → About → Channel ID), not its name',
    ]);
    expect(problems({ MEDSPILLER_ADVISER_TEAMS_CONVERSATION: REFERENCE })).toEqual([
      'MEDSPILLER_ADVISER_TEAMS_CONVERSATION: needs the Teams bot (MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD, or MEDSPILLER_TEAMS=emulator)',
    ]);
    expect(problems({ ...TEAMS, MEDSPILLER_ADVISER_TEAMS_CONVERSATION: '19:abc@thread.tacv2' })[0]).toMatch(/^MEDSPILLER_ADVISER_TEAMS_CONVERSATION: expected a conversation reference as JSON/);
  });

  it('lists chat problems together with the others', () => {
    expect(problems({ PORT: 'eighty', SLACK_SIGNING_SECRET: SLACK.SLACK_SIGNING_SECRET })).toHaveLength(2);
  });
});
