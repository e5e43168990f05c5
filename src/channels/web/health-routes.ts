/**
 * /healthz: the process answers. /readyz: content is loaded and every store
 * answers a ping (a load balancer sends traffic only when ready).
 */
import { errorBody } from '../../errors.js';
import type { WebPlugin } from './web-plugin.js';

export const healthRoutes: WebPlugin = async (app, { content, stores }) => {
  app.get('/healthz', async () => ({ status: 'ok' as const }));

  app.get('/readyz', async (request, reply) => {
    try {
      const bundle = content.current();
      await Promise.all([stores.sessions.ping(), stores.requests.ping(), stores.survey.ping()]);
      return { status: 'ready' as const, content: bundle.version, sessions: stores.sessions.kind };
    } catch (error) {
      request.log.warn({ error: (error as Error).name }, 'not ready');
      return reply.status(503).send(errorBody('not_ready'));
    }
  });
};
