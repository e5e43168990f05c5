/**
 * `medspiller survey <municipality>`: the trust-survey report for one
 * municipality as a table (or `--csv`), read from the configured stores, with
 * the same suppression as the dashboard. Options: --from/--to (ISO weeks,
 * widened to whole ended quarters), --area, --content dir.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { todayInDenmark } from '../engine/index.js';
import { isAppError } from '../errors.js';
import { createSurveyStore } from '../stores/create-stores.js';
import { parseReportQuery } from '../admin/report-query.js';
import { loadBaseline } from '../survey/baseline.js';
import { surveyReportCsv } from '../survey/report-csv.js';
import { PeriodError } from '../survey/report-period.js';
import { surveyReportTable } from '../survey/report-table.js';
import { loadSurveyReport } from '../survey/survey-report.js';
import { writeLine, type Command } from './command.js';
import { loadConfigOrReport } from './load-config.js';
import { loadContentOrReport } from './load-content.js';

export const surveyCommand: Command = {
  name: 'survey',
  summary: "print a municipality's trust-survey report (local gap vs national) as a table",
  usage: '<municipality> [--from 2026-W01] [--to 2026-W52] [--area job_centre] [--csv] [--content dir]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { from: { type: 'string' }, to: { type: 'string' }, area: { type: 'string' }, csv: { type: 'boolean' }, content: { type: 'string' } },
    });
    const id = positionals[0];
    if (!id) {
      writeLine(io.stderr, `Usage: medspiller survey ${surveyCommand.usage}`);
      return 2;
    }
    const config = loadConfigOrReport(io);
    if (!config) return 2;
    const contentDir = values.content ? resolve(io.cwd, values.content) : config.contentDir;
    const { bundle } = await loadContentOrReport(contentDir, io.stderr);
    if (!bundle) return 1;
    // Only the bundle's own municipalities: "constructor" is not one (as in knownMunicipality).
    const place = Object.hasOwn(bundle.municipalities, id) ? bundle.municipalities[id] : undefined;
    if (!place) {
      writeLine(io.stderr, `There is no municipality "${id}". Known: ${Object.keys(bundle.municipalities).join(', ')}.`);
      return 2;
    }
    const store = await createSurveyStore(config);
    try {
      const query = parseReportQuery({ from: values.from, to: values.to, area: values.area });
      const report = await loadSurveyReport({
        store,
        bundle,
        place,
        baseline: await loadBaseline(contentDir),
        query,
        today: todayInDenmark(new Date()),
      });
      if (values.csv) io.stdout.write(surveyReportCsv(report).replace(/^\uFEFF/, ''));
      else writeLine(io.stdout, surveyReportTable(report));
      return 0;
    } catch (error) {
      if (!isAppError(error) && !(error instanceof PeriodError)) throw error;
      writeLine(io.stderr, error.message);
      return 2;
    } finally {
      await store.close();
    }
  },
};
