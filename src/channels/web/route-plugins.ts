/**
 * Every route plugin buildApp registers, in order. To add routes (the widget's
 * assets and demo page, the admin pages, a chat platform's webhook), write a
 * `WebPlugin` in its own file and add it to this list: it is given the config,
 * the content, the stores and the conversation service (see ./web-plugin.ts).
 */
import { adminSurveyRoutes } from '../../admin/admin-survey-routes.js';
import { adminReloadRoutes } from './admin-reload-routes.js';
import { adviserRoutes } from './adviser-routes.js';
import { conversationRoutes } from './conversation-routes.js';
import { healthRoutes } from './health-routes.js';
import { openApiRoutes } from './openapi.js';
import type { WebPlugin } from './web-plugin.js';
import { widgetRoutes } from './widget-routes.js';

export const WEB_ROUTE_PLUGINS: readonly WebPlugin[] = [healthRoutes, conversationRoutes, openApiRoutes, adminReloadRoutes, adminSurveyRoutes, widgetRoutes, adviserRoutes];
