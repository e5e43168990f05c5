import { describe, expect, it } from 'vitest';
import { parseBaseline } from '../../src/survey/baseline.js';
import { SURVEY_QUESTION_KEYS } from '../../src/survey/questions.js';
import { baseline } from './survey-fixtures.js';

describe('national baseline (content/survey/baseline.yaml)', () => {
  it('holds the VIVE 2021 figures for all eleven questions, with source and n', () => {
    expect(Object.keys(baseline.questions).sort()).toEqual([...SURVEY_QUESTION_KEYS].sort());
    expect(baseline.source.label).toMatch(/VIVE 2021.*Det Centrale Handicapråd.*SHILD 2020/);
    expect(baseline.respondents).toEqual({ citizens: 1816, caseworkers: 428, managers: 125, municipalities: 90 });
    expect(baseline.questions.help_entitled).toEqual({ citizens: 1.7, caseworkers: 2.5, managers: 2.8 });
    expect(baseline.questions.disability_knowledge).toEqual({ citizens: 1.5, caseworkers: 2.2, managers: 2.1 });
    expect(baseline.questions.many_caseworkers).toMatchObject({ citizens: 1.2, caseworkers: 1.9, managers: 1.7, highIsNegative: true });
  });

  it('refuses a file with a question missing or a mean off the scale', () => {
    const broken = `source: { publisher: x, commissionedBy: y, published: 2021, data: z, label: l }
respondents: { citizens: 1, caseworkers: 1, managers: 1, municipalities: 1 }
questions:
  help_needed: { citizens: 3.5, caseworkers: 2, managers: 2 }
`;
    expect(() => parseBaseline(broken)).toThrow(/questions\.help_needed\.citizens/);
    expect(() => parseBaseline(broken.replace('3.5', '1.5'))).toThrow(/help_entitled/);
  });
});
