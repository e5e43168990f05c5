/**
 * The schema check: validates the data of one YAML file (or one part of it)
 * against its zod schema and reports every issue at its YAML position. Pure.
 */
import type { z } from 'zod';
import type { Problem } from './problem.js';
import type { PathSegment, SourceFile } from './source-file.js';
import { issueProblems } from './zod-issues.js';

export interface Checked<T> {
  value?: T;
  problems: Problem[];
}

/** `data` is the value found at `base` in `file` (the whole file when `base` is empty). */
export function checkSchema<T>(file: SourceFile, schema: z.ZodType<T>, data: unknown, base: PathSegment[] = []): Checked<T> {
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, problems: [] };
  return { problems: issueProblems(file, data, result.error.issues, base) };
}

/** Validates without reporting: for salvaging the valid parts of a file whose problems were already reported. */
export function parsesAs<T>(schema: z.ZodType<T>, data: unknown): T | undefined {
  const result = schema.safeParse(data);
  return result.success ? result.data : undefined;
}
