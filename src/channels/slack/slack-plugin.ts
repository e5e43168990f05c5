/**
 * POST /slack/events: the Slack app's one Request URL for the Events API,
 * interactivity (buttons) and the /medspiller slash command.
 *
 * Encapsulated, with its own body parsers that keep the raw body as a string:
 * Slack signs the exact bytes it sent (v0 HMAC with the signing secret), so the
 * signature is checked before anything is parsed. A missing, wrong or stale
 * (older than five minutes) signature is answered 401 and nothing is processed.
 * `url_verification` and `ssl_check` are answered here; everything else is
 * acknowledged at once (Slack retries after 3 s) and then handed to Bolt.
 */
import { isValidSlackRequest, type App } from '@slack/bolt';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { SlackSettings } from '../chat-config.js';
import { errorBody } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { InFlight } from '../in-flight.js';
import { slackError } from './slack-app.js';

const SLACK_EVENTS_PATH = '/slack/events';
/** A button click carries the whole message it was in: far above the web API's limit. */
const SLACK_BODY_LIMIT = 1024 * 1024;

export interface SlackPluginOptions {
  settings: SlackSettings;
  bolt: App;
  logger: Logger;
  clock?: () => Date;
  inFlight: InFlight;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function isVerified(request: FastifyRequest, raw: string, signingSecret: string, now: Date): boolean {
  const signature = header(request, 'x-slack-signature');
  const timestamp = Number(header(request, 'x-slack-request-timestamp'));
  if (!signature || !Number.isInteger(timestamp)) return false;
  // Bolt only refuses old timestamps; a timestamp from the future is as suspect.
  if (timestamp * 1000 > now.getTime() + 5 * 60_000) return false;
  return isValidSlackRequest({
    signingSecret,
    body: raw,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    nowMilliseconds: now.getTime(),
  });
}

/** JSON for events; a form for commands, and a form whose `payload` field is JSON for interactivity. */
export function parseSlackBody(raw: string, contentType: string): Record<string, unknown> | undefined {
  try {
    if (contentType.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>;
    const form = Object.fromEntries(new URLSearchParams(raw));
    return typeof form.payload === 'string' ? (JSON.parse(form.payload) as Record<string, unknown>) : form;
  } catch {
    return undefined;
  }
}

export const slackPlugin: FastifyPluginAsync<SlackPluginOptions> = async (app, options) => {
  const { settings, bolt, logger, inFlight } = options;
  const clock = options.clock ?? (() => new Date());

  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    ['application/json', 'application/x-www-form-urlencoded'],
    { parseAs: 'string', bodyLimit: SLACK_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
  // preClose: before any onClose hook closes the stores these turns still need.
  app.addHook('preClose', () => inFlight.idle());

  app.post(SLACK_EVENTS_PATH, { bodyLimit: SLACK_BODY_LIMIT, config: { rateLimit: false } }, async (request, reply) => {
    const raw = typeof request.body === 'string' ? request.body : '';
    if (!isVerified(request, raw, settings.signingSecret, clock())) {
      logger.warn({ channel: 'slack' }, 'refused a request with a missing, wrong or stale signature');
      return reply.status(401).send(errorBody('unauthorized', 'The Slack request signature is missing, wrong or stale.'));
    }
    const body = parseSlackBody(raw, header(request, 'content-type') ?? '');
    if (!body) return reply.status(400).send(errorBody('bad_request'));
    if (body.ssl_check !== undefined) return reply.status(200).send('');
    if (body.type === 'url_verification') return reply.status(200).send({ challenge: String(body.challenge ?? '') });

    const retryNum = Number(header(request, 'x-slack-retry-num'));
    const retryReason = header(request, 'x-slack-retry-reason');
    inFlight.track(
      bolt
        .processEvent({
          body,
          ack: async () => undefined, // acknowledged below, before the work starts
          ...(Number.isInteger(retryNum) && { retryNum }),
          ...(retryReason && { retryReason }),
        })
        .catch((error: unknown) => logger.error({ channel: 'slack', error: slackError(error) }, 'slack event failed')),
    );
    return reply.status(200).send('');
  });
};
