/**
 * `POST /api/v1/admin/reload` (Authorization: Bearer MEDSPILLER_ADMIN_TOKEN):
 * reloads flows/ and content/ now. The new bundle replaces the old one in a
 * single step, and only when it has no errors; otherwise the last good bundle
 * keeps serving and the answer lists the problems (also logged). Conversations
 * already under way go on: a citizen whose node disappeared is brought back to
 * the menu with an apology by the engine.
 *
 *   200 { status: 'reloaded', version, problems: ["file:line:col  message", …] }   (warnings)
 *   422 { error: { code: 'content_invalid', … }, problems: [ … ] }
 */
import type { ContentSource } from '../../content/index.js';
import { formatProblem, sortProblems } from '../../content/index.js';
import { errorBody } from '../../errors.js';
import { requireBearer } from './bearer-auth.js';
import type { WebPlugin } from './web-plugin.js';

const ADMIN_RELOAD_ROUTE = '/api/v1/admin/reload';

function canReload(content: object): content is Pick<ContentSource, 'reload' | 'current'> {
  return typeof (content as Partial<ContentSource>).reload === 'function';
}

export const adminReloadRoutes: WebPlugin = async (app, { config, content }) => {
  app.post(ADMIN_RELOAD_ROUTE, { preHandler: requireBearer([config.adminToken]) }, async (request, reply) => {
    if (!canReload(content)) return reply.status(404).send(errorBody('not_found'));
    const result = await content.reload();
    const problems = sortProblems(result.problems).map(formatProblem);
    if (!result.ok) {
      request.log.warn({ problems: problems.length }, 'content reload refused');
      return reply.status(422).send({ ...errorBody('content_invalid'), problems });
    }
    request.log.info({ version: content.current().version }, 'content reloaded on request');
    return { status: 'reloaded' as const, version: content.current().version, problems };
  });
};
