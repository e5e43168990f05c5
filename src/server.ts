/**
 * buildApp(config, deps?): the Fastify app, fully wired and never listening.
 * `medspiller start` listens; tests call `app.inject()`. Anything not given in
 * `deps` is built from the config (content from MEDSPILLER_CONTENT_DIR, stores
 * from MEDSPILLER_DATA_DIR) and closed with the app.
 */
import { fastify, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { WEB_ROUTE_PLUGINS } from './channels/web/route-plugins.js';
import { securityPlugin, trustProxyOption } from './channels/web/security-plugin.js';
import { adviserDeliveryTargets, registerChatChannels } from './channels/chat-channels.js';
import type { Config } from './config.js';
import { createContentSource, isReloadable } from './content/index.js';
import { CONTENT_NAMES } from './conversation/content-names.js';
import { createConversationService } from './conversation/conversation-service.js';
import { createEffects, type EffectRegistry } from './conversation/effects.js';
import { withDeploymentFacts } from './delivery/deployment-facts.js';
import type { ContentProvider } from './conversation/types.js';
import type { Bundle } from './engine/types.js';
import { handleError, handleFrameworkError, handleNotFound } from './errors.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics } from './observability/metrics.js';
import { observabilityPlugin } from './observability/observability-plugin.js';
import { REQUEST_ID_OPTIONS } from './observability/request-id.js';
import { closeStores, createStores, isRedisUrl, type Stores } from './stores/create-stores.js';
import { OneLinePerRequest } from './observability/request-logging.js';
import { startReloadBroadcast, type ReloadBroadcast } from './reload-broadcast.js';

/**
 * How many new connections the kernel queues until the event loop accepts them (`app.listen`'s
 * backlog; the kernel caps it at net.core.somaxconn). At Node's default of 511, many citizens
 * connecting at once while the loop is busy overflowed the queue: the kernel dropped their SYNs and
 * each waited 1–7 s of retransmits (the benchmark's open loop counted thousands of ListenOverflows).
 */
export const LISTEN_BACKLOG = 4096;

/** Requests carry a few short fields: anything bigger is refused with 413. */
const BODY_LIMIT_BYTES = 16 * 1024;
const PURGE_INTERVAL_MS = 10 * 60_000;

export interface ClosableContent extends ContentProvider {
  close?(): void | Promise<void>;
}

export interface AppDeps {
  content?: ClosableContent;
  stores?: Stores;
  logger?: Logger;
  clock?: () => Date;
  newId?: () => string;
  effects?: EffectRegistry;
  /** The content just loaded and checked from config.contentDir (by `medspiller start`): not loaded twice. */
  initialBundle?: Bundle;
  /** Key prefix of the shared rate-limit counters in Redis (tests keep runs apart with it). */
  redisPrefix?: string;
}

export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const logger = deps.logger ?? createLogger(config.logLevel);
  // Content first: broken content refuses the start before any store is opened.
  const content: ClosableContent = deps.content ?? (await loadContent(config, logger, deps.initialBundle));
  let stores: Stores;
  try {
    stores = deps.stores ?? (await createStores(config, { logger }));
  } catch (error) {
    if (!deps.content) await content.close?.();
    throw error;
  }
  const clock = deps.clock ?? (() => new Date());

  const app = fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    return503OnClosing: true,
    logController: new OneLinePerRequest(),
    trustProxy: trustProxyOption(config.trustProxy),
    frameworkErrors: handleFrameworkError,
    ...REQUEST_ID_OPTIONS,
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  closeKeepAliveOnShutdown(app);

  const { countActive } = stores.sessions;
  const metrics = createMetrics({ activeSessions: countActive && (() => countActive.call(stores.sessions, clock().getTime())) });
  await app.register(observabilityPlugin, { config, metrics });
  await app.register(securityPlugin, { config, redisPrefix: deps.redisPrefix });

  // Flows can tell the citizen whether a request for an adviser is sent on, and how long it is kept.
  const conversationContent = withDeploymentFacts(content, {
    adviserDelivery: adviserDeliveryTargets(config),
    requestTtlMs: config.requestTtlMs,
  });
  const conversations = createConversationService({
    content: conversationContent,
    sessions: stores.sessions,
    requests: stores.requests,
    clock,
    newId: deps.newId,
    sessionTtlMs: config.sessionTtlMs,
    effects: deps.effects ?? createEffects({ requests: stores.requests, requestTtlMs: config.requestTtlMs, surveys: stores.survey }),
    logger,
    observer: { started: metrics.conversationStarted, turned: metrics.turnAnswered },
  });
  const reloads = reloadBroadcast(config, content, logger, deps.redisPrefix);
  // Its listener keeps trying to reach Redis, which would hold the process open: closed with the app.
  if (reloads) app.addHook('onClose', () => reloads.close());
  for (const plugin of WEB_ROUTE_PLUGINS) {
    await app.register(plugin, { config, content, stores, conversations, clock, reloads });
  }
  await registerChatChannels(app, { config, content: conversationContent, conversations, requests: stores.requests, logger, clock });

  const purge = setInterval(() => void purgeExpired(stores, clock(), logger), PURGE_INTERVAL_MS).unref();
  app.addHook('onClose', async () => {
    clearInterval(purge);
    if (!deps.content) await content.close?.();
    if (!deps.stores) await closeStores(stores);
  });
  return app;
}

/** Throws ContentLoadError (listing every problem) when the content has errors. */
function loadContent(config: Config, logger: Logger, initial: Bundle | undefined): Promise<ClosableContent> {
  return createContentSource(config.contentDir, { watch: config.watchContent, logger, loadOptions: CONTENT_NAMES, initial });
}

/** Several instances share Redis sessions: a reload asked of one reaches them all (when the content can reload at all). */
function reloadBroadcast(config: Config, content: ClosableContent, logger: Logger, redisPrefix?: string): ReloadBroadcast | undefined {
  if (!isRedisUrl(config.sessions) || !isReloadable(content)) return undefined;
  return startReloadBroadcast({ redisUrl: config.sessions, prefix: redisPrefix, content, logger });
}

/**
 * While closing, every answer tells the client to close its connection: an idle
 * keep-alive connection would otherwise hold the process open for the whole
 * keep-alive timeout after SIGTERM, past a container's grace period.
 */
function closeKeepAliveOnShutdown(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // Callback style, not async: this runs for every response, and an async hook costs a promise each time.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
}

async function purgeExpired(stores: Stores, now: Date, logger: Logger): Promise<void> {
  try {
    const sessions = await stores.sessions.purgeExpired(now.getTime());
    const requests = await stores.requests.purgeExpired(now.getTime());
    if (sessions || requests) logger.info({ sessions, requests }, 'purged expired data');
  } catch (error) {
    logger.error({ error: (error as Error).name }, 'purging expired data failed');
  }
}
