/**
 * Operations endpoints and hooks, registered by buildApp before the routes:
 *  - echoes the request id in `x-request-id` (see ./request-id.ts);
 *  - counts every error answer by code;
 *  - `GET /metrics` in Prometheus text format, for a bearer token:
 *    MEDSPILLER_METRICS_TOKEN, or MEDSPILLER_ADMIN_TOKEN. With neither set the
 *    endpoint answers 401.
 */
import type { FastifyPluginAsync } from 'fastify';
import { requireBearer } from '../channels/web/bearer-auth.js';
import type { Config } from '../config.js';
import { toClientError } from '../errors.js';
import type { Metrics } from './metrics.js';
import { REQUEST_ID_HEADER } from './request-id.js';

export interface ObservabilityPluginOptions {
  config: Pick<Config, 'metricsToken' | 'adminToken'>;
  metrics: Metrics;
}

const plugin: FastifyPluginAsync<ObservabilityPluginOptions> = async (app, { config, metrics }) => {
  // Callback style, not async: it runs for every request, and an async hook costs a promise each time.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  app.addHook('onError', async (_request, _reply, error) => {
    metrics.errorAnswered(toClientError(error).code);
  });
  app.get('/metrics', { preHandler: requireBearer([config.metricsToken, config.adminToken]) }, async (_request, reply) => {
    const text = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).header('cache-control', 'no-store').send(text);
  });
};

// Not encapsulated: its hooks cover the routes registered after it.
export const observabilityPlugin = Object.assign(plugin, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'medspiller-observability',
});
