import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyReport } from '../../src/survey/survey-report.js';
import { parseCsv } from '../survey/csv-parse.js';
import { auth, buildAdminTestApp, citizenSurvey, journeyThenSurvey, staffSurvey, type AdminTestApp } from './admin-app.js';

const REPORT = '/api/v1/admin/municipalities/oesterby/survey';

describe('admin survey API: access', () => {
  let t: AdminTestApp;
  beforeAll(async () => {
    t = await buildAdminTestApp();
  });
  afterAll(() => t.app.close());

  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer test-admin-token-0123456789abcdeX' }],
    ['a shorter wrong token', { authorization: 'Bearer x' }],
    ['another scheme', { authorization: 'Basic dGVzdA==' }],
  ])('answers 401 with %s', async (_what, headers) => {
    for (const url of [REPORT, `${REPORT}.csv`, '/api/v1/admin/municipalities']) {
      const response = await t.app.inject({ method: 'GET', url, headers });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  it('answers 200 with the token', async () => {
    const response = await t.app.inject({ method: 'GET', url: REPORT, headers: auth });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('lists the municipalities with their survey settings', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/admin/municipalities', headers: auth });
    const oesterby = (response.json() as Array<{ id: string }>).find((m) => m.id === 'oesterby');
    expect(oesterby).toEqual({
      id: 'oesterby',
      name: 'Østerby Kommune (fiktiv)',
      fictional: true,
      survey: { enabled: true, questions: ['help_entitled', 'many_caseworkers', 'influence', 'individual_needs', 'disability_knowledge', 'coordination'] },
    });
  });

  it.each([
    [`${REPORT}?from=2026-13-01`, 'from must be an ISO week'],
    [`${REPORT}?to=2027-W53`, 'to must be an ISO week'],
    [`${REPORT}?from=2026-W20&to=2026-W02`, 'from must not be after to'],
    [`${REPORT}?area=school`, 'area must be one of'],
    [`${REPORT}?conversation=x`, 'Unknown parameter: conversation'],
  ])('refuses %s with 400 invalid_query', async (url, message) => {
    const response = await t.app.inject({ method: 'GET', url, headers: auth });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_query');
    expect(response.json().error.message).toContain(message);
  });

  it('answers 404 for a municipality that does not exist', async () => {
    for (const id of ['atlantis', '__proto__', 'constructor']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/admin/municipalities/${id}/survey`, headers: auth });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('unknown_municipality');
    }
  });
});

describe('dashboard page', () => {
  it('is served without a token, holds no data and no inline script or style, under a strict CSP', async () => {
    const t = await buildAdminTestApp();
    const page = await t.app.inject({ method: 'GET', url: '/admin' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i);
    expect(page.body).not.toMatch(/https?:\/\//);
    const script = await t.app.inject({ method: 'GET', url: '/admin/dashboard.js' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain('medspiller.adminToken');
    expect(script.body).not.toMatch(/\beval\(|new Function|innerHTML/);
    const css = await t.app.inject({ method: 'GET', url: '/admin/dashboard.css' });
    expect(css.body).toContain('@media print');
    await t.app.close();
  });
});

describe('admin survey API without a configured token', () => {
  it('is switched off with 503 admin_disabled', async () => {
    const t = await buildAdminTestApp({});
    const response = await t.app.inject({ method: 'GET', url: REPORT, headers: auth });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: { code: 'admin_disabled', message: expect.stringContaining('MEDSPILLER_ADMIN_TOKEN') } });
    await t.app.close();
  });
});

describe('survey answered through the web API shows up in the report', () => {
  let t: AdminTestApp;
  const report = async (query = '') => {
    const response = await t.app.inject({ method: 'GET', url: `${REPORT}${query}`, headers: auth });
    expect(response.statusCode).toBe(200);
    return response.json() as SurveyReport;
  };
  const influence = (r: SurveyReport) => r.questions.find((q) => q.key === 'influence')!;

  beforeAll(async () => {
    t = await buildAdminTestApp(); // the clock stands on 2026-02-12, in 2026-Q1
    // One citizen comes to the survey at the end of a journey, the others start it directly.
    const back = await journeyThenSurvey(t.app, 'job_centre', '3');
    expect(back.prompt.choices?.map((c) => c.id)).toContain('end');
    for (const value of ['2', '2', '1', '0']) await citizenSurvey(t.app, 'job_centre', value);
    await citizenSurvey(t.app, 'health', '1');
    await citizenSurvey(t.app, 'health', 'unknown');
    for (const value of ['3', '3', '2', '2', '2']) await staffSurvey(t.app, 'caseworker', 'job_centre', value);
    for (const value of ['3', '3', '3']) await staffSurvey(t.app, 'manager', 'job_centre', value);
  });
  afterAll(() => t.app.close());

  it('shows nothing while the quarter is still running', async () => {
    const r = await report('?from=2026-W01&to=2026-W13');
    expect(r.period.quarters).toEqual([]);
    expect(influence(r).citizens).toEqual({ n: '<5', mean: null, suppressed: 'fewer_than_5' });
  });

  it('shows the means, n and gaps once the quarter has ended', async () => {
    t.setNow('2026-05-04T10:00:00Z');
    const r = await report('?from=2026-W01&to=2026-W13');
    expect(r.period).toMatchObject({ from: '2026-W01', to: '2026-W13', quarters: ['2026-Q1'] });
    const q = influence(r);
    // Citizens: 3, 2, 2, 1, 0, 1 and one "Ved ikke" (not counted): 9 / 6 = 1.5.
    expect(q.citizens).toEqual({ n: 6, mean: 1.5 });
    expect(q.gaps.local).toEqual({ caseworkers: 0.9, managers: null });
    expect(q.caseworkers).toEqual({ n: 5, mean: 2.4 }); // (3+3+2+2+2)/5
    expect(q.managers).toEqual({ n: '<5', mean: null, suppressed: 'fewer_than_5' });
    expect(q.gaps.national).toEqual({ caseworkers: 0.9, managers: 1.1 });
  });

  it('the CSV parses back to the same numbers', async () => {
    const r = await report('?from=2026-W01&to=2026-W13');
    const response = await t.app.inject({ method: 'GET', url: `${REPORT}.csv?from=2026-W01&to=2026-W13`, headers: auth });
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="medspiller-survey-oesterby-2026-W01_2026-W13-all.csv"');
    const rows = parseCsv(response.body);
    expect(rows.map((row) => row.question)).toEqual(r.questions.map((q) => q.key));
    for (const [i, row] of rows.entries()) {
      const q = r.questions[i]!;
      expect(row.citizens_n).toBe(String(q.citizens.n ?? ''));
      expect(row.citizens_mean === '' ? null : Number(row.citizens_mean)).toBe(q.citizens.mean);
      expect(row.caseworkers_mean === '' ? null : Number(row.caseworkers_mean)).toBe(q.caseworkers.mean);
      expect(row.gap_caseworkers === '' ? null : Number(row.gap_caseworkers)).toBe(q.gaps.local.caseworkers);
    }
  });

  it('does not let an area filter give a small area away', async () => {
    const all = influence(await report('?from=2026-W01&to=2026-W13'));
    const jobCentre = influence(await report('?from=2026-W01&to=2026-W13&area=job_centre'));
    const health = influence(await report('?from=2026-W01&to=2026-W13&area=health'));
    // Health has 1 counted answer: job centre shown (n 5) would reveal it as all (n 6) − job centre.
    expect(all.citizens).toEqual({ n: 6, mean: 1.5 });
    expect(health.citizens).toEqual({ n: '<5', mean: null, suppressed: 'fewer_than_5' });
    expect(jobCentre.citizens).toEqual({ n: null, mean: null, suppressed: 'protects_other_cell' });
    // Caseworkers all answered for the job centre, so that area can be shown.
    expect(jobCentre.caseworkers).toEqual({ n: 5, mean: 2.4 });
  });
});
