/**
 * `POST /api/v1/admin/reload` (Authorization: Bearer MEDSPILLER_ADMIN_TOKEN):
 * reloads flows/ and content/ now. The new bundle replaces the old one in a
 * single step, and only when it has no errors; otherwise the last good bundle
 * keeps serving and the answer lists the problems (also logged). Conversations
 * already under way go on: a citizen whose node disappeared is brought back to
 * the menu with an apology by the engine.
 *
 * With Redis sessions a successful reload is passed on to every other instance
 * (see src/reload-broadcast.ts); `otherInstances` says how many were
 * reached, null when Redis could not be. Without Redis the field is absent.
 *
 *   200 { status: 'reloaded', version, problems: ["file:line:col  message", …], otherInstances? }   (problems: warnings)
 *   422 { error: { code: 'content_invalid', … }, problems: [ … ] }
 */
import { formatProblem, isReloadable, sortProblems } from '../../content/index.js';
import { errorBody } from '../../errors.js';
import { requireBearer } from './bearer-auth.js';
import type { WebPlugin } from './web-plugin.js';

const ADMIN_RELOAD_ROUTE = '/api/v1/admin/reload';

export const adminReloadRoutes: WebPlugin = async (app, { config, content, reloads }) => {
  app.post(ADMIN_RELOAD_ROUTE, { preHandler: requireBearer([config.adminToken]) }, async (request, reply) => {
    if (!isReloadable(content)) return reply.status(404).send(errorBody('not_found'));
    const result = await content.reload();
    const problems = sortProblems(result.problems).map(formatProblem);
    if (!result.ok) {
      request.log.warn({ problems: problems.length }, 'content reload refused');
      return reply.status(422).send({ ...errorBody('content_invalid'), problems });
    }
    const version = content.current().version;
    request.log.info({ version }, 'content reloaded on request');
    return { status: 'reloaded' as const, version, problems, ...(reloads && { otherInstances: await reloads.announce() }) };
  });
};
