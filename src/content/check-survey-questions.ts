/**
 * The survey-questions check: a municipality's `survey.questions` may only name
 * questions the survey has (when the caller names them); a typo would otherwise
 * silently drop a question from the council's local gap analysis. Pure.
 */
import type { CheckContext } from './check-context.js';
import type { Problem } from './problem.js';
import { problemAt } from './source-file.js';
import { didYouMean } from './suggest.js';

export function checkSurveyQuestions(context: CheckContext): Problem[] {
  const known = context.options.knownSurveyQuestions;
  if (!known) return [];
  const problems: Problem[] = [];
  for (const municipality of context.model.municipalities.values()) {
    const { file, data } = municipality;
    if (!file || !data?.survey?.questions) continue;
    data.survey.questions.forEach((question, index) => {
      if (known.includes(question)) return;
      const hint = didYouMean(question, known) ?? `the questions are: ${known.join(', ')}`;
      problems.push(problemAt(file, ['survey', 'questions', index], 'error', `unknown survey question "${question}"`, hint));
    });
  }
  return problems;
}
