import { describe, expect, it } from 'vitest';
import { replay, startConversation, step } from '../../src/engine/index.js';
import type { ConversationState, Input, Reply, StepResult } from '../../src/engine/types.js';
import { tinyBundle } from './tiny-bundle.js';

const bundle = tinyBundle();
const clock = { now: new Date('2026-11-23T10:00:00Z') };

function texts(replies: Reply[]): string[] {
  return replies.map((r) => (r.type === 'text' ? r.text : r.type === 'link' ? r.label : r.title));
}

function run(inputs: Input[], start: Parameters<typeof startConversation>[1] = {}): StepResult {
  let result = startConversation(bundle, start, clock);
  for (const input of inputs) result = step(bundle, result.state, input, clock);
  return result;
}

const choice = (id: string): Input => ({ type: 'choice', id });
const text = (t: string): Input => ({ type: 'text', text: t });

describe('starting', () => {
  it('starts at the main menu with its choices', () => {
    const r = startConversation(bundle, {}, clock);
    expect(texts(r.replies)).toEqual(['Hej. Hvad vil du have hjælp til?']);
    expect(r.prompt).toEqual({
      kind: 'choice',
      choices: [
        { id: 'complaint', label: 'Jeg vil klage' },
        { id: 'rights', label: 'Mine rettigheder' },
        { id: 'bye', label: 'Afslut samtalen' },
      ],
    });
    expect(r.state).toMatchObject({ v: 2, flow: 'menu', node: 'start', municipality: 'demo', locale: 'da', done: false });
  });

  it('falls back for a municipality, locale or flow named like an object property', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const r = startConversation(bundle, { municipality: name, locale: name, flow: name }, clock);
      expect(r.state).toMatchObject({ flow: 'menu', municipality: 'demo', locale: 'da' });
      expect(step(bundle, { ...r.state, municipality: name }, choice('complaint'), clock).state.flow).toBe('complaint');
    }
  });

  it('starts directly in a flow, and falls back for unknown municipality, locale and flow', () => {
    expect(startConversation(bundle, { flow: 'complaint' }, clock).state.flow).toBe('complaint');
    const r = startConversation(bundle, { flow: 'nope', municipality: 'atlantis', locale: 'xx' }, clock);
    expect(r.state).toMatchObject({ flow: 'menu', municipality: 'demo', locale: 'da' });
  });
});

describe('answering', () => {
  it('follows a choice into another flow and sets extra slots', () => {
    const r = run([choice('complaint'), choice('yes')]);
    expect(r.state).toMatchObject({ flow: 'complaint', node: 'ask_date' });
    expect(r.state.slots).toEqual({ start: 'complaint', has_decision: 'yes', written: true });
    expect(r.prompt).toEqual({ kind: 'date', max: '2026-11-23' });
  });

  it('matches free text to choices: synonyms, typos, numbers, extra words, missing Danish letters', () => {
    expect(run([text('klage')]).state.flow).toBe('complaint');
    expect(run([text('jeg vil klgae')]).state.flow).toBe('complaint');
    expect(run([text('1')]).state.flow).toBe('complaint');
    expect(run([text('Jeg vil gerne anke min sag')]).state.flow).toBe('complaint');
    expect(run([text('klage'), text('jep')]).state.node).toBe('ask_date');
    expect(run([text('klage'), text('næ')]).state.flow).toBe('menu');
    expect(run([text('klage'), text('nae')]).state.flow).toBe('menu');
  });

  it('re-asks kindly when the answer is not understood, keeping the choices', () => {
    const before = run([]);
    const r = step(bundle, before.state, text('blåbærgrød'), clock);
    expect(texts(r.replies)).toEqual(['Det forstod jeg ikke. Vælg en af mulighederne.']);
    expect(r.prompt).toEqual(before.prompt);
    expect(r.state.node).toBe('start');
  });

  it('treats a choice id that is not offered like an unclear answer', () => {
    const r = step(bundle, run([]).state, choice('no-such-choice'), clock);
    expect(r.state.node).toBe('start');
    expect(texts(r.replies)[0]).toContain('forstod jeg ikke');
  });

  it('reads typed dates, refuses future and impossible ones, and computes the deadline', () => {
    const atDate = run([choice('complaint'), choice('yes')]);
    expect(texts(step(bundle, atDate.state, text('31/2-2026'), clock).replies)).toEqual(['Skriv datoen som 3. marts 2026.']);
    expect(texts(step(bundle, atDate.state, { type: 'date', value: '2026-12-01' }, clock).replies)).toEqual([
      'Datoen må ikke ligge i fremtiden.',
    ]);
    const r = step(bundle, atDate.state, text('3. november 2026'), clock);
    expect(r.state.slots.decision_date).toBe('2026-11-03');
    expect(r.state.slots.deadline).toMatchObject({ date: '2026-12-01', passed: false });
    const deadline = r.replies[0]!;
    expect(deadline).toEqual({
      type: 'text',
      key: 'complaint.deadline',
      text: 'Din sidste frist er tirsdag den 1. december 2026.',
      legal: { source: 'Retssikkerhedsloven § 67, stk. 1', reviewed: '2026-11-23' },
    });
    expect(r.replies).toContainEqual({ type: 'link', key: 'complaint.link', label: 'Se sagsbehandlingstider', href: 'https://example.org/frister' });
    expect(r.replies.filter((x) => x.type === 'link')).toHaveLength(1); // the page the municipality lacks is left out
    expect(r.prompt).toMatchObject({ kind: 'text', inputMode: 'name', optional: true, maxLength: 40 });
  });

  it('says when the deadline has passed, and still goes on', () => {
    const r = run([choice('complaint'), choice('yes'), { type: 'date', value: '2026-01-05' }]);
    expect(texts(r.replies)).toContain('Fristen er overskredet, men du kan stadig klage.');
    expect(r.prompt.kind).toBe('text');
  });

  it('checks text answers, requests effects, and fills documents only with what was given', () => {
    const atName = run([choice('complaint'), choice('yes'), { type: 'date', value: '2026-11-03' }]);
    expect(texts(step(bundle, atName.state, text('x'.repeat(41)), clock).replies)).toEqual(['Svaret er for langt.']);
    const named = step(bundle, atName.state, text('  Ida Hansen '), clock);
    expect(named.state.slots.name).toBe('Ida Hansen');
    expect(named.effects).toEqual([
      expect.objectContaining({ name: 'storeAdviserRequest', municipality: 'demo', flow: 'complaint', node: 'letter' }),
    ]);
    expect(named.effects[0]!.slots).toMatchObject({ decision_date: '2026-11-03', name: 'Ida Hansen' });
    const doc = named.replies.find((x) => x.type === 'document');
    expect(doc).toMatchObject({ id: 'complaint_letter', text: 'Til Demo Kommune. Afgørelse af 3. november 2026. Fra Ida Hansen.', formats: ['txt', 'html'] });
    const checklist = named.replies.find((x) => x.type === 'checklist');
    expect(checklist).toMatchObject({ title: 'Husk', items: [{ key: 'complaint.item_date', text: 'Datoen 3. november 2026' }] });

    const skipped = step(bundle, atName.state, { type: 'action', action: 'skip' }, clock);
    const unnamed = skipped.replies.find((x) => x.type === 'document');
    expect(unnamed).toMatchObject({ text: 'Til Demo Kommune. Afgørelse af 3. november 2026. Fra [Dit navn].' });
  });

  it('asks on the 0–3 scale with "Ved ikke", accepts labels and can be skipped', () => {
    const atScale = run([choice('complaint'), choice('yes'), { type: 'date', value: '2026-11-03' }, text('Ida')]);
    expect(atScale.prompt).toEqual({
      kind: 'scale',
      question: 'Får du den hjælp, du har brug for?',
      skippable: true,
      choices: [
        { id: '3', label: 'I høj grad' },
        { id: '2', label: 'I nogen grad' },
        { id: '1', label: 'I mindre grad' },
        { id: '0', label: 'Slet ikke' },
        { id: 'unknown', label: 'Ved ikke' },
      ],
    });
    expect(step(bundle, atScale.state, text('i nogen grad'), clock).state.slots.survey_help).toBe('2');
    expect(step(bundle, atScale.state, choice('unknown'), clock).state.slots.survey_help).toBe('unknown');
    const skipped = step(bundle, atScale.state, { type: 'action', action: 'skip' }, clock);
    expect(skipped.state.slots.survey_help).toBeNull();
    expect(skipped.state.flow).toBe('menu');
  });

  it('shows at most six choices, paging through the rest', () => {
    const many = run([choice('rights')]);
    expect(many.prompt.kind === 'choice' && many.prompt.choices.map((c) => c.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', '_more']);
    const page2 = step(bundle, many.state, choice('_more'), clock);
    expect(page2.prompt.kind === 'choice' && page2.prompt.choices.map((c) => c.id)).toEqual(['n6', 'n7', 'n8', '_more']);
    expect(step(bundle, page2.state, text('1'), clock).state.slots.many).toBe('n6');
    // A choice on another page can still be typed.
    expect(step(bundle, many.state, text('otte'), clock).state.slots.many).toBe('n8');
  });
});

describe('global intents', () => {
  const atDate = () => run([choice('complaint'), choice('yes')]);

  it('goes back one answer, restoring the slots it set', () => {
    const r = step(bundle, atDate().state, text('tilbage'), clock);
    expect(r.state).toMatchObject({ flow: 'complaint', node: 'has_decision' });
    expect(r.state.slots.written).toBeUndefined();
    expect(texts(r.replies)).toEqual(['Har du fået en skriftlig afgørelse?']);
    expect(step(bundle, run([]).state, { type: 'action', action: 'back' }, clock).replies.map((x) => x.type === 'text' && x.text)[0]).toBe(
      'Du er ved begyndelsen.',
    );
  });

  it('does not go back over an answer whose effects already ran, so nothing is sent twice', () => {
    const atScale = run([choice('complaint'), choice('yes'), { type: 'date', value: '2026-11-03' }, text('Ida')]);
    const r = step(bundle, atScale.state, text('tilbage'), clock);
    expect(texts(r.replies)[0]).toBe('Du er ved begyndelsen.');
    expect(r.state).toMatchObject({ flow: 'complaint', node: 'letter' });
    expect(r.effects).toEqual([]);
  });

  it('repeats the last message with "gentag", restarts, helps and gives the way to a human', () => {
    const state = atDate().state;
    expect(texts(step(bundle, state, text('gentag'), clock).replies)).toEqual(['Hvilken dato står der på afgørelsen?']);
    expect(step(bundle, state, text('forfra'), clock).state).toMatchObject({ flow: 'menu', node: 'start', slots: {} });
    expect(texts(step(bundle, state, text('hjælp'), clock).replies)).toEqual(['Du kan skrive tilbage, forfra eller tal med et menneske.']);
    const human = step(bundle, state, text('Jeg vil gerne tale med et menneske tak'), clock);
    expect(texts(human.replies)).toEqual(['Ring til 70 00 00 00.']);
    expect(human.prompt.kind).toBe('date');
  });

  it('switches language and repeats the question in it', () => {
    const r = step(bundle, run([choice('complaint')]).state, { type: 'locale', locale: 'en' }, clock);
    expect(r.state.locale).toBe('en');
    expect(texts(r.replies)).toEqual(['Have you had a written decision?']);
    expect(r.prompt).toMatchObject({ choices: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] });
    // English intents now work, Danish words still reach the fallback.
    expect(step(bundle, r.state, text('start over'), clock).state.node).toBe('start');
  });

  it('keeps the slots named in keepOnRestart over "start again" and after goodbye, also in a replay', () => {
    const keeping = { ...bundle, keepOnRestart: ['written'] };
    let r = startConversation(keeping, {}, clock);
    for (const input of [choice('complaint'), choice('yes')]) r = step(keeping, r.state, input, clock);
    const restarted = step(keeping, r.state, text('forfra'), clock);
    expect(restarted.state).toMatchObject({ flow: 'menu', node: 'start', slots: { written: true } });
    expect(restarted.state.slots).not.toHaveProperty('has_decision');
    expect(replay(keeping, restarted.state.log, { municipality: 'demo', locale: 'da' }, clock.now.getTime()).state.slots).toEqual({ written: true });

    const bye = step(keeping, restarted.state, choice('bye'), clock);
    expect(step(keeping, bye.state, text('hej'), clock).state.slots).toEqual({ written: true });
    // Without the setting, nothing survives.
    expect(step(bundle, r.state, text('forfra'), clock).state.slots).toEqual({});
  });

  it('ends on goodbye, and anything after it starts again rather than a dead end', () => {
    const bye = run([choice('bye')]);
    expect(bye).toMatchObject({ done: true, prompt: { kind: 'none' } });
    const again = step(bundle, bye.state, text('hej'), clock);
    expect(again).toMatchObject({ done: false, state: { flow: 'menu', node: 'start' } });
  });
});

describe('history and content changes', () => {
  it('rebuilds the transcript by replaying the logged answers', () => {
    const r = run([text('klage'), text('ja'), text('3/11-2026')]);
    const { transcript, state } = replay(bundle, r.state.log, r.state, clock.now.getTime());
    expect(state).toEqual(r.state);
    expect(transcript.map((e) => (e.role === 'citizen' ? `> ${e.text}` : texts(e.replies)[0]))).toEqual([
      'Hej. Hvad vil du have hjælp til?',
      '> klage',
      'Har du fået en skriftlig afgørelse?',
      '> ja',
      'Hvilken dato står der på afgørelsen?',
      '> 3/11-2026',
      'Din sidste frist er tirsdag den 1. december 2026.',
    ]);
  });

  it('a JSON round trip of the state never changes what the next step does', () => {
    const r = run([choice('complaint'), choice('yes')]);
    const stored = JSON.parse(JSON.stringify(r.state)) as ConversationState;
    const input = text('3. november 2026');
    expect(step(bundle, stored, input, clock)).toEqual(step(bundle, r.state, input, clock));
  });

  it('sends a citizen whose node was removed to the menu with an apology', () => {
    const r = run([choice('complaint'), choice('yes')]);
    const changed = tinyBundle();
    delete changed.municipalities.demo!.flows.complaint!.nodes.ask_date;
    changed.version = 'tiny-2';
    const next = step(bundle === changed ? bundle : changed, r.state, text('3/11-2026'), clock);
    expect(texts(next.replies)[0]).toBe('Undskyld, samtalen er blevet ændret. Vi starter forfra.');
    expect(next.state).toMatchObject({ flow: 'menu', node: 'start', contentVersion: 'tiny-2' });
  });
});
