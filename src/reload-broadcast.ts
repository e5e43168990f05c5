/**
 * With Redis sessions, several instances serve one municipality, each with its
 * own copy of the content. A reload asked of one instance (the admin route) is
 * passed on to the others over Redis pub/sub, and each reloads from its own
 * files: they must see the same files (one image, or one shared volume).
 *
 * Best effort by design: an instance that is down or cut off from Redis when
 * the message goes out misses it and keeps the content it has (the admin is
 * told how many instances were reached); a restart always loads the files.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { ContentSource } from './content/index.js';
import type { Logger } from './logger.js';
import { DEFAULT_REDIS_PREFIX, redisClientOptions } from './stores/redis-session-store.js';

export interface ReloadBroadcast {
  /** Asks every other instance to reload; how many were reached, or null when Redis could not be reached. */
  announce(): Promise<number | null>;
  close(): Promise<void>;
}

export interface ReloadBroadcastOptions {
  redisUrl: string;
  /** Key prefix of this deployment (the channel is `<prefix>content:reload`); default `medspiller:`. */
  prefix?: string;
  content: Pick<ContentSource, 'reload'>;
  logger: Logger;
}

export function startReloadBroadcast({ redisUrl, prefix = DEFAULT_REDIS_PREFIX, content, logger }: ReloadBroadcastOptions): ReloadBroadcast {
  const channel = `${prefix}content:reload`;
  // Every message names its sender, so an instance does not reload a second time on its own message.
  const instance = randomUUID();
  // A subscribed connection can do nothing else: one to listen, one to speak. The listener waits for
  // Redis as long as it takes (and subscribes again after a reconnect); the speaker fails at once.
  const listener = new Redis(redisUrl, redisClientOptions({ maxRetriesPerRequest: null }));
  const speaker = new Redis(redisUrl, redisClientOptions({ enableOfflineQueue: false }));
  for (const client of [listener, speaker]) client.on('error', () => {});

  listener.on('message', (_channel: string, sender: string) => {
    if (sender === instance) return;
    logger.info('content reload asked by another instance');
    // The content source logs the outcome (reloaded, or refused with its problems).
    void content.reload().catch((error: unknown) => logger.error({ error: (error as Error).name }, 'content reload failed'));
  });
  listener.subscribe(channel).catch((error: unknown) => logger.warn({ error: (error as Error).message }, 'not listening for content reloads'));

  return {
    async announce() {
      try {
        const reached = await speaker.publish(channel, instance);
        return Math.max(0, reached - 1);
      } catch (error) {
        logger.warn({ error: (error as Error).message }, 'could not pass the content reload on to other instances');
        return null;
      }
    },
    async close() {
      // quit() waits for a connection to say goodbye on; a client still trying to connect is just dropped.
      await Promise.all([listener, speaker].map((client) => (client.status === 'ready' ? client.quit().catch(() => client.disconnect()) : client.disconnect())));
    },
  };
}
