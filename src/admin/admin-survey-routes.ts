/**
 * The council dashboard and its API (DESIGN.md §7). **Contract**:
 *   GET /admin                                          the dashboard page (no data in it)
 *   GET /admin/dashboard.js, /admin/dashboard.css       its script and style
 *   GET /api/v1/admin/municipalities                    [{ id, name, fictional, survey: { enabled, questions } }]
 *   GET /api/v1/admin/municipalities/:id/survey         the report (src/survey/survey-report.ts)
 *   GET /api/v1/admin/municipalities/:id/survey.csv     the same as CSV
 * Query: from, to (ISO weeks, widened to whole ended quarters), area.
 * The API needs `Authorization: Bearer <MEDSPILLER_ADMIN_TOKEN>` (401 without,
 * 503 admin_disabled when no token is configured). Answers are never cached.
 */
import type { FastifyReply } from 'fastify';
import { todayInDenmark } from '../engine/index.js';
import type { Bundle, ResolvedMunicipality } from '../engine/types.js';
import { AppError } from '../errors.js';
import { loadOnce } from '../load-once.js';
import type { WebPlugin } from '../channels/web/web-plugin.js';
import { loadBaseline } from '../survey/baseline.js';
import { selectedQuestions, surveyEnabled } from '../survey/questions.js';
import { surveyCsvFilename, surveyReportCsv } from '../survey/report-csv.js';
import { PeriodError } from '../survey/report-period.js';
import { loadSurveyReport, type SurveyReport } from '../survey/survey-report.js';
import { requireAdmin, warnIfAdminDisabled } from './admin-auth.js';
import { createDashboardAssets } from './dashboard-assets.js';
import { parseReportQuery } from './report-query.js';

interface IdParams {
  id: string;
}

function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}

function placeOf(bundle: Bundle, id: string): ResolvedMunicipality {
  const place = Object.hasOwn(bundle.municipalities, id) ? bundle.municipalities[id] : undefined;
  if (!place) throw new AppError('unknown_municipality');
  return place;
}

export const adminSurveyRoutes: WebPlugin = async (app, { config, content, stores, clock }) => {
  warnIfAdminDisabled(config.adminToken, app.log);
  const now = clock ?? (() => new Date());
  const assets = createDashboardAssets();
  const nationalFigures = loadOnce(() => loadBaseline(config.contentDir));

  async function report(params: IdParams, query: unknown): Promise<SurveyReport> {
    const bundle = content.current();
    const place = placeOf(bundle, params.id);
    const reportQuery = parseReportQuery(query);
    try {
      return await loadSurveyReport({
        store: stores.survey,
        bundle,
        place,
        baseline: await nationalFigures(),
        query: reportQuery,
        today: todayInDenmark(now()),
      });
    } catch (error) {
      if (error instanceof PeriodError) throw new AppError('invalid_query', error.message);
      throw error;
    }
  }

  app.get('/admin', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('x-robots-tag', 'noindex').send(await assets.html()),
  );
  app.get('/admin/dashboard.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(await assets.script()),
  );
  app.get('/admin/dashboard.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(await assets.css()),
  );

  await app.register(async (api) => {
    api.addHook('preHandler', requireAdmin(config.adminToken));

    api.get('/api/v1/admin/municipalities', async (_request, reply) => {
      const bundle = content.current();
      const list = Object.values(bundle.municipalities).map(({ municipality }) => ({
        id: municipality.id,
        name: municipality.name,
        fictional: municipality.fictional === true,
        survey: { enabled: surveyEnabled(municipality), questions: selectedQuestions(municipality) },
      }));
      return noStore(reply).send(list.sort((a, b) => a.name.localeCompare(b.name, 'da')));
    });

    api.get<{ Params: IdParams }>('/api/v1/admin/municipalities/:id/survey', async (request, reply) =>
      noStore(reply).send(await report(request.params, request.query)),
    );

    api.get<{ Params: IdParams }>('/api/v1/admin/municipalities/:id/survey.csv', async (request, reply) => {
      const result = await report(request.params, request.query);
      return noStore(reply)
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${surveyCsvFilename(result).replace(/[^A-Za-z0-9._-]/g, '_')}"`)
        .send(surveyReportCsv(result));
    });
  });
};
