/**
 * The one module that loads `botbuilder` (about 145 MiB, a second to load): it is
 * imported dynamically, only when Teams is configured, so the default service
 * never pays for it. Everything else in the Teams channel uses the small surface
 * below and botbuilder's types (erased at run time).
 *
 * With MICROSOFT_APP_ID set, CloudAdapter checks every request's Bot Framework
 * JWT (unsigned or wrong → 401) and signs what the bot sends. In emulator mode
 * there is no app id: no JWT is asked for and none is sent.
 */
import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorBody } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { TeamsSettings } from '../chat-config.js';

export type { Activity, ConversationReference, TurnContext };

export interface BotFramework {
  /** Runs `logic` for one POST of an activity; answers through the Fastify reply. */
  process(request: FastifyRequest, reply: FastifyReply, logic: (context: TurnContext) => Promise<void>): Promise<void>;
  /** Starts a turn of the bot's own in a known conversation (a proactive message) and sends `activity`. */
  sendTo(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void>;
}

/**
 * CloudAdapter expects an Express-like response with status/header/send/end; a
 * Fastify reply has no `end`, so this buffers what is sent and replies on `end`.
 * A request refused before the bot's logic ran is answered 401 with the usual
 * error body: botbuilder answers some bad tokens (a forged signature) with 500
 * and puts its error message in the body.
 */
function replyShim(reply: FastifyReply, logicRan: () => boolean) {
  let status = 200;
  let body: unknown;
  return {
    socket: reply.raw.socket,
    status(code: number) {
      status = code;
      return this;
    },
    header(name: string, value: unknown) {
      void reply.header(name, value);
      return this;
    },
    send(value?: unknown) {
      body = value;
      return this;
    },
    end() {
      if (status === 401 || (status >= 500 && !logicRan())) {
        void reply.status(401).type('application/json; charset=utf-8').send(errorBody('unauthorized'));
      } else {
        void reply.status(status).send(body ?? '');
      }
      return this;
    },
  };
}

export async function loadBotFramework(settings: TeamsSettings, logger: Logger): Promise<BotFramework> {
  const { CloudAdapter, ConfigurationBotFrameworkAuthentication } = await import('botbuilder');
  const auth = new ConfigurationBotFrameworkAuthentication(
    settings.mode === 'bot-framework'
      ? {
          MicrosoftAppId: settings.appId,
          MicrosoftAppPassword: settings.appPassword,
          MicrosoftAppType: settings.tenantId ? 'SingleTenant' : 'MultiTenant',
          ...(settings.tenantId && { MicrosoftAppTenantId: settings.tenantId }),
        }
      : {},
  );
  const adapter: CloudAdapter = new CloudAdapter(auth);
  // The default handler prints the error and tries to tell the user: log its name only.
  adapter.onTurnError = async (context, error) => {
    logger.error({ channel: 'teams', activity: context.activity.type, error: error.name }, 'teams turn failed');
  };
  const appId = settings.mode === 'bot-framework' ? settings.appId : '';

  return {
    async process(request, reply, logic) {
      // Refused before botbuilder sees them: it would print an unsigned request's AuthenticationError
      // stack to the console (not a log line), and answer a body without a type with a 500.
      if (appId && !/^Bearer \S/i.test(request.headers.authorization ?? '')) throw new AppError('unauthorized');
      if (typeof (request.body as { type?: unknown } | null)?.type !== 'string') throw new AppError('invalid_body');
      let ran = false;
      await adapter.process(
        { body: request.body as Record<string, unknown>, headers: request.headers as Record<string, string | string[] | undefined>, method: request.method },
        replyShim(reply, () => ran),
        async (context) => {
          ran = true;
          await logic(context);
        },
      );
    },
    async sendTo(reference, activity) {
      // onTurnError would swallow a failed send: the caller must see it to retry.
      let failure: unknown;
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        // A new post, not a reply: the continuation's made-up activity id would become the replyToId.
        context.onSendActivities(async (_context, activities, next) => {
          for (const outgoing of activities) delete outgoing.replyToId;
          return next();
        });
        try {
          await context.sendActivity(activity);
        } catch (error) {
          failure = error;
        }
      });
      if (failure) throw failure;
    },
  };
}
