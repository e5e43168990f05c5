import { describe, expect, it } from 'vitest';
import { surveyResponseFrom } from '../../src/survey/survey-response.js';

describe('surveyResponseFrom', () => {
  const slots = {
    survey_role: 'citizen',
    survey_area: 'job_centre',
    survey_answers: { influence: '3', coordination: '0', documents: 'unknown', expertise: null },
    topic_choice: 'complaint',
    contact_name: 'Jens Jensen',
  };

  it('keeps only group, area, ISO week and the scale answers', () => {
    expect(surveyResponseFrom(slots, 'demo', '2026-02-12')).toEqual({
      municipality: 'demo',
      group: 'citizen',
      area: 'job_centre',
      week: '2026-W07',
      answers: { influence: 3, coordination: 0, documents: null, expertise: null },
    });
  });

  it('drops unknown questions and values, and treats an area not given as none', () => {
    const response = surveyResponseFrom(
      { ...slots, survey_area: 'not_said', survey_answers: { influence: '2', free_text: '3', coordination: 'meget' } },
      'demo',
      '2026-02-12',
    );
    expect(response).toMatchObject({ area: null, answers: { influence: 2 } });
  });

  it('stores nothing without a valid role or without any answer', () => {
    expect(surveyResponseFrom({ ...slots, survey_role: 'mayor' }, 'demo', '2026-02-12')).toBeUndefined();
    expect(surveyResponseFrom({ ...slots, survey_role: undefined as never }, 'demo', '2026-02-12')).toBeUndefined();
    expect(surveyResponseFrom({ ...slots, survey_answers: {} }, 'demo', '2026-02-12')).toBeUndefined();
  });
});
