/**
 * The survey flows on the real flows/ and content/: offered once at the end of
 * a journey where the municipality runs the survey, the municipality's chosen
 * questions (or the default five) asked in order, "Ved ikke" and skip, and the
 * storeSurveyAnswer effect with slots that become an anonymous response.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_NAMES } from '../../src/conversation/content-names.js';
import { formatProblem, loadBundle } from '../../src/content/index.js';
import { startConversation, step } from '../../src/engine/index.js';
import type { Bundle, Effect, Input, StepResult } from '../../src/engine/types.js';
import { DEFAULT_SURVEY_QUESTIONS, SURVEY_QUESTION_KEYS } from '../../src/survey/questions.js';
import { surveyResponseFrom } from '../../src/survey/survey-response.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const clock = { now: new Date('2026-02-12T10:00:00Z') };
let bundle: Bundle;

beforeAll(async () => {
  // Checked as of today (a review date after the conversations' clock is no error); the flows run on `clock`.
  const { bundle: loaded, problems } = await loadBundle(ROOT, CONTENT_NAMES);
  if (!loaded) throw new Error(problems.map(formatProblem).join('\n'));
  bundle = loaded;
});

/** A conversation driven turn by turn; keeps every effect requested. */
function converse(options: { municipality?: string; flow?: string; locale?: string }, within = () => bundle) {
  let last: StepResult = startConversation(within(), options, clock);
  const effects: Effect[] = [...last.effects];
  const send = (input: Input) => {
    last = step(within(), last.state, input, clock);
    effects.push(...last.effects);
    return last;
  };
  return { send, effects, get last() { return last; } };
}

const choice = (id: string): Input => ({ type: 'choice', id });
const skip: Input = { type: 'action', action: 'skip' };

/** Goes into the rights journey and takes its first way back to the menu (its "done" or "menu" choice). */
function endAJourney(c: ReturnType<typeof converse>): StepResult {
  let result = c.send(choice('rights'));
  for (let i = 0; i < 5 && result.prompt.kind === 'choice'; i++) {
    const ids = result.prompt.choices.map((ch) => ch.id);
    const done = ids.find((id) => id === 'done' || id === 'menu');
    if (done) return c.send(choice(done));
    result = c.send(choice(ids[0]!));
  }
  throw new Error('no way back to the menu found in the rights journey');
}

const questionsAsked = (results: StepResult[]) => results.map((r) => (r.prompt.kind === 'scale' ? r.prompt.question : r.prompt.kind));

describe('citizen survey at the end of a journey', () => {
  it('is offered once, asks the chosen questions in order, and stores the answers', () => {
    const c = converse({ municipality: 'oesterby' });
    const offer = endAJourney(c);
    expect(offer.prompt).toMatchObject({ kind: 'choice', choices: [{ id: 'accept' }, { id: 'decline' }] });
    expect(offer.replies.map((r) => r.key)).toContain('survey.offer');

    const area = c.send(choice('accept'));
    expect(area.replies.map((r) => r.key)).toContain('survey.intro');
    expect(area.prompt).toMatchObject({ kind: 'choice', question: 'Hvilken del af kommunen handler din sag mest om?' });

    const asked = [c.send(choice('job_centre'))];
    expect(asked[0]!.prompt).toMatchObject({
      kind: 'scale',
      choices: [
        { id: '3', label: 'I høj grad' },
        { id: '2', label: 'I nogen grad' },
        { id: '1', label: 'I mindre grad' },
        { id: '0', label: 'Slet ikke' },
        { id: 'unknown', label: 'Ved ikke' },
      ],
    });
    for (const input of [choice('2'), choice('unknown'), skip, { type: 'text', text: 'i mindre grad' } as Input, choice('0')]) {
      asked.push(c.send(input));
    }
    const finished = c.send(choice('3'));
    expect(questionsAsked(asked)).toEqual([
      'Får du den hjælp, du har ret til?',
      'Har du haft mange skiftende sagsbehandlere i de sidste 3 år?',
      'Har du indflydelse på de indsatser, kommunen sætter i gang for dig?',
      'Tager sagsbehandlingen hensyn til dine individuelle behov?',
      'Ved din sagsbehandler nok om dit handicap?',
      'Samarbejder de forskellige dele af kommunen om din hjælp?',
    ]);
    expect(finished.replies.map((r) => r.key)).toContain('survey.thanks');
    expect(finished.prompt).toMatchObject({ kind: 'choice', question: 'Hvad vil du nu?' });

    const stored = c.effects.filter((e) => e.name === 'storeSurveyAnswer');
    expect(stored).toHaveLength(1);
    expect(surveyResponseFrom(stored[0]!.slots, stored[0]!.municipality, '2026-02-12')).toEqual({
      municipality: 'oesterby',
      group: 'citizen',
      area: 'job_centre',
      week: '2026-W07',
      answers: {
        help_entitled: 2,
        many_caseworkers: null,
        influence: null,
        individual_needs: 1,
        disability_knowledge: 0,
        coordination: 3,
      },
    });

    // The next journey ends in the menu without a second offer.
    const again = endAJourney(c);
    expect(again.prompt).toMatchObject({ kind: 'choice' });
    expect(again.replies.map((r) => r.key)).not.toContain('survey.offer');
  });

  it('is not offered again after "Nej tak", and nothing is stored', () => {
    const c = converse({ municipality: 'oesterby' });
    endAJourney(c);
    const menu = c.send(choice('decline'));
    expect(menu.prompt.kind === 'choice' && menu.prompt.choices.map((ch) => ch.id)).toEqual(['rights', 'complaint', 'adviser', 'meeting', 'human', 'end']);
    expect(endAJourney(c).replies.map((r) => r.key)).not.toContain('survey.offer');
    expect(c.effects.filter((e) => e.name === 'storeSurveyAnswer')).toEqual([]);
  });

  it('is not offered where the municipality does not run the survey', () => {
    const c = converse({ municipality: 'demo' });
    const end = endAJourney(c);
    expect(end.prompt.kind === 'choice' && end.prompt.choices.map((ch) => ch.id)).toContain('end');
    expect(end.replies.map((r) => r.key)).not.toContain('survey.offer');
    const direct = converse({ municipality: 'demo', flow: 'survey' });
    expect(direct.last.replies.map((r) => r.key)).toEqual(['survey.not_offered']);
  });

  it('asks the default five when the municipality lists no questions', () => {
    const withDefaults = structuredClone(bundle);
    const place = withDefaults.municipalities.oesterby!;
    place.municipality = { ...place.municipality, survey: { enabled: true } };
    const c = converse({ municipality: 'oesterby', flow: 'survey' }, () => withDefaults);
    const asked = [c.send(choice('not_said'))];
    while (c.last.prompt.kind === 'scale') asked.push(c.send(skip));
    const keys = asked.filter((r) => r.prompt.kind === 'scale').map((r) => r.state.node);
    expect(keys).toEqual([...DEFAULT_SURVEY_QUESTIONS]);
    const stored = c.effects.find((e) => e.name === 'storeSurveyAnswer')!;
    expect(surveyResponseFrom(stored.slots, 'oesterby', '2026-02-12')).toMatchObject({
      area: null,
      answers: Object.fromEntries(DEFAULT_SURVEY_QUESTIONS.map((key) => [key, null])),
    });
  });

  it('speaks plain Danish in da-LET with the same answer scale', () => {
    const c = converse({ municipality: 'oesterby', flow: 'survey', locale: 'da-LET' });
    const first = c.send(choice('health'));
    expect(first.prompt).toMatchObject({ kind: 'scale', question: 'Får du den hjælp, du har ret til?' });
    expect(first.prompt.kind === 'scale' && first.prompt.choices.map((ch) => ch.label)).toEqual(['I høj grad', 'I nogen grad', 'I mindre grad', 'Slet ikke', 'Ved ikke']);
  });
});

describe('staff survey', () => {
  it('asks role and area, then the staff wording, and ends', () => {
    const c = converse({ municipality: 'oesterby', flow: 'staff-survey' });
    expect(c.last.prompt).toMatchObject({ kind: 'choice', choices: [{ id: 'caseworker' }, { id: 'manager' }] });
    c.send(choice('manager'));
    const first = c.send(choice('adult_disability'));
    expect(first.prompt).toMatchObject({ kind: 'scale', question: 'Får borgerne den hjælp, de har ret til?' });
    while (c.last.prompt.kind === 'scale') c.send(choice('3'));
    expect(c.last.done).toBe(true);
    expect(c.last.replies.map((r) => r.key)).toContain('survey.staff_thanks');
    const stored = c.effects.find((e) => e.name === 'storeSurveyAnswer')!;
    expect(surveyResponseFrom(stored.slots, 'oesterby', '2026-02-12')).toMatchObject({
      group: 'manager',
      area: 'adult_disability',
      answers: { help_entitled: 3, many_caseworkers: 3, influence: 3, individual_needs: 3, disability_knowledge: 3, coordination: 3 },
    });
  });

  it('says so and ends where the survey is off', () => {
    const c = converse({ municipality: 'demo', flow: 'staff-survey' });
    expect(c.last.done).toBe(true);
    expect(c.last.replies.map((r) => r.key)).toEqual(['survey.staff_not_offered']);
  });
});

describe('survey settings and flows agree', () => {
  it("every municipality's chosen questions are known keys, at most 8", () => {
    for (const { municipality } of Object.values(bundle.municipalities)) {
      const chosen = municipality.survey?.questions ?? [];
      expect(chosen.filter((key) => !(SURVEY_QUESTION_KEYS as readonly string[]).includes(key)), municipality.id).toEqual([]);
      expect(chosen.length, municipality.id).toBeLessThanOrEqual(8);
    }
  });

  it.each(['survey', 'staff-survey'])('%s asks each question behind a gate whose default is DEFAULT_SURVEY_QUESTIONS', (flowId) => {
    const flow = bundle.municipalities.demo!.flows[flowId]!;
    for (const key of SURVEY_QUESTION_KEYS) {
      const gate = JSON.stringify(flow.nodes[`gate_${key}`]?.next);
      expect(gate, key).toContain(`"includes":"${key}"`);
      expect(gate.includes('"exists":false'), key).toBe(DEFAULT_SURVEY_QUESTIONS.includes(key));
      expect(flow.nodes[key]?.ask, key).toEqual({ scale: { allowUnknown: true, skippable: true } });
    }
  });
});
