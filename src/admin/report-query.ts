/**
 * The query of the survey report endpoints: `from`, `to` (ISO weeks) and `area`.
 * Anything else, or a malformed value, is refused with `invalid_query`.
 */
import { z } from 'zod';
import { AppError } from '../errors.js';
import { ISO_WEEK_PATTERN, SURVEY_AREAS } from '../stores/survey-store.js';
import type { ReportQuery } from '../survey/survey-report.js';

const week = z.string().regex(ISO_WEEK_PATTERN, 'expected an ISO week like 2026-W01');

const reportQuerySchema = z.strictObject({
  from: week.optional(),
  to: week.optional(),
  area: z.enum(SURVEY_AREAS).optional(),
});

export function parseReportQuery(query: unknown): ReportQuery {
  const result = reportQuerySchema.safeParse(query ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    throw new AppError('invalid_query', `Unknown parameter: ${issue.keys.join(', ')}. Use from, to (ISO weeks) and area.`);
  }
  const name = issue.path.join('.');
  const hint = name === 'area' ? `one of ${SURVEY_AREAS.join(', ')}` : 'an ISO week like 2026-W01';
  throw new AppError('invalid_query', `${name} must be ${hint}.`);
}
