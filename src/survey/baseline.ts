/**
 * The national baseline (content/survey/baseline.yaml): VIVE 2021 for Det
 * Centrale Handicapråd, SHILD 2020 data. `parseBaseline` validates the file;
 * the record of questions is exhaustive, so every question has national figures.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { SURVEY_QUESTION_KEYS, type SurveyQuestionKey } from './questions.js';

export const BASELINE_PATH = 'content/survey/baseline.yaml';

const mean = z.number().min(0).max(3);
const count = z.number().int().positive();

const baselineSchema = z.strictObject({
  source: z.strictObject({
    publisher: z.string().min(1),
    commissionedBy: z.string().min(1),
    published: z.number().int(),
    data: z.string().min(1),
    label: z.string().min(1),
  }),
  respondents: z.strictObject({ citizens: count, caseworkers: count, managers: count, municipalities: count }),
  questions: z.record(
    z.enum(SURVEY_QUESTION_KEYS),
    z.strictObject({
      citizens: mean,
      caseworkers: mean,
      managers: mean,
      highIsNegative: z.boolean().optional(),
      note: z.string().optional(),
    }),
  ),
});

export type Baseline = z.infer<typeof baselineSchema>;
export type BaselineQuestion = Baseline['questions'][SurveyQuestionKey];

export class BaselineError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'BaselineError';
  }
}

export function parseBaseline(text: string, file = BASELINE_PATH): Baseline {
  const result = baselineSchema.safeParse(parse(text));
  if (!result.success) {
    throw new BaselineError(file, result.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`));
  }
  return result.data;
}

/** Reads the baseline from a content folder (the one holding flows/ and content/). */
export async function loadBaseline(contentDir: string): Promise<Baseline> {
  return parseBaseline(await readFile(join(contentDir, ...BASELINE_PATH.split('/')), 'utf8'));
}
