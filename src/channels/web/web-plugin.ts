/**
 * What every web route plugin is given. A plugin is registered by buildApp from
 * the list in ./route-plugins.ts with these options.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.js';
import type { ReloadBroadcast } from '../../reload-broadcast.js';
import type { ConversationService } from '../../conversation/conversation-service.js';
import type { ContentProvider } from '../../conversation/types.js';
import type { Stores } from '../../stores/create-stores.js';

export interface WebPluginOptions {
  config: Config;
  content: ContentProvider;
  stores: Stores;
  conversations: ConversationService;
  /** The app's clock (tests fix it); plugins that need today's date use it. */
  clock?: () => Date;
  /** With Redis sessions: passes a content reload on to the other instances. */
  reloads?: ReloadBroadcast;
}

export type WebPlugin = FastifyPluginAsync<WebPluginOptions>;
