import { describe, expect, it } from 'vitest';
import { problemsOf, yaml } from './helpers.js';

describe('survey-questions check', () => {
  const municipality = (questions: string) =>
    yaml('id: demo', 'name: Demo Kommune', 'contacts:', '  citizen_service: { phone: "1" }', 'survey:', '  enabled: true', `  questions: ${questions}`);

  it('names an unknown question with a suggestion', async () => {
    const problems = await problemsOf(
      { 'content/municipalities/demo/municipality.yaml': municipality('[influence, help_neded]') },
      { knownSurveyQuestions: ['help_needed', 'influence'] },
    );
    expect(problems).toEqual([
      'content/municipalities/demo/municipality.yaml:7:26  unknown survey question "help_neded"  (hint: Did you mean "help_needed"?)',
    ]);
  });

  it('allows at most eight questions', async () => {
    const nine = `[${Array.from({ length: 9 }, (_, i) => `q${i}`).join(', ')}]`;
    const problems = await problemsOf({ 'content/municipalities/demo/municipality.yaml': municipality(nine) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/municipalities\/demo\/municipality\.yaml:7:14 /);
  });
});
