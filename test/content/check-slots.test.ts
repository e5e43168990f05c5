import { describe, expect, it } from 'vitest';
import { mainFlow, problemsOf, yaml } from './helpers.js';

const texts = yaml(
  'main.title: Titel',
  'main.ask: Hvornår?',
  'main.when: Du fik den {decision_date:date}.',
  'main.maybe: Fristen er {deadline.date|ukendt}.',
  'main.yes: Ja',
  'main.no: Nej',
);

describe('slots check', () => {
  it('reports a slot used in a condition before any way sets it', async () => {
    const flow = mainFlow(
      '  start:',
      '    say:',
      '      - { text: main.maybe, if: { slot: decision_date, exists: true } }',
      '      - { text: main.maybe, if: { slot: answer, equals: yes } }',
      '    question: main.ask',
      '    ask: { date: {} }',
      '    slot: decision_date',
      '    next:',
      '      - { if: { slot: decision_date, after: { slot: other } }, to: fin }',
      '      - to: fin',
      '  fin:',
      '    say: [main.when]',
      '    end: true',
    );
    expect(await problemsOf({ 'flows/main.yaml': flow, 'content/da/main.yaml': texts })).toEqual([
      'content/da/main.yaml:5:1  warning: text "main.yes" (da) is not used by any flow  (hint: use it in a flow, or delete it)',
      'content/da/main.yaml:6:1  warning: text "main.no" (da) is not used by any flow  (hint: use it in a flow, or delete it)',
      'flows/main.yaml:8:41  slot "answer" is used before any way to node "start" sets it  (hint: ask for it in an earlier node, or test it with exists: first)',
      'flows/main.yaml:13:53  slot "other" is used before any way to node "start" sets it  (hint: ask for it in this or an earlier node, or test it with exists: first)',
    ]);
  });

  it('reports a text placeholder whose slot only some later node sets, but not one with a fallback', async () => {
    const flow = mainFlow(
      '  start:',
      '    say: [main.maybe, main.when]',
      '    next: ask',
      '  ask:',
      '    question: main.ask',
      '    ask: { date: {} }',
      '    slot: decision_date',
      '    next: start',
    );
    const problems = await problemsOf({ 'flows/main.yaml': flow, 'content/da/main.yaml': texts });
    expect(problems.filter((p) => p.startsWith('flows/'))).toEqual([]);
    const once = mainFlow('  start:', '    say: [main.maybe, main.when]', '    next: ask', '  ask:', '    question: main.ask', '    ask: { date: {} }', '    slot: decision_date', '    end: true');
    expect((await problemsOf({ 'flows/main.yaml': once, 'content/da/main.yaml': texts })).filter((p) => p.startsWith('flows/'))).toEqual([
      'flows/main.yaml:6:23  text "main.when" uses {decision_date}, but no way to node "start" sets slot "decision_date"  (hint: ask for it in an earlier node, or give a fallback: {decision_date|…})',
    ]);
  });

  it('counts choice sets, compute keys, the node id as default slot, and municipality.* as set', async () => {
    const flow = mainFlow(
      '  start:',
      '    question: main.ask',
      '    ask:',
      '      choice:',
      '        - { id: yes, label: main.yes, set: { late: true } }',
      '        - { id: no, label: main.no }',
      '    next: calc',
      '  calc:',
      '    compute:',
      '      deadline: { fn: complaintDeadline, args: { decisionDate: start, delivery: municipality.name } }',
      '    say:',
      '      - main.maybe',
      '      - { text: main.when, if: { all: [{ slot: late, equals: true }, { slot: deadline.passed, equals: true }] } }',
      '    end: true',
    );
    const problems = await problemsOf({ 'flows/main.yaml': flow, 'content/da/main.yaml': texts });
    expect(problems.filter((p) => p.startsWith('flows/'))).toEqual([
      'flows/main.yaml:17:17  text "main.when" uses {decision_date}, but no way to node "calc" sets slot "decision_date"  (hint: ask for it in an earlier node, or give a fallback: {decision_date|…})',
    ]);
  });

  it('reports a compute argument that reads an unset slot', async () => {
    const flow = mainFlow('  start:', '    compute:', '      deadline: { fn: complaintDeadline, args: { decisionDate: decision_date } }', '    say: [main.maybe]', '    end: true');
    expect((await problemsOf({ 'flows/main.yaml': flow, 'content/da/main.yaml': texts })).filter((p) => p.startsWith('flows/'))).toEqual([
      'flows/main.yaml:7:64  slot "decision_date" is used before any way to node "start" sets it  (hint: ask for it in an earlier node, or test it with exists: first)',
    ]);
  });

  it('warns about an equals: or in: value a slot never gets from its choices and set: values', async () => {
    const flow = mainFlow(
      '  start:',
      '    question: main.ask',
      '    slot: delivery',
      '    ask:',
      '      choice:',
      '        - { id: digital, label: main.yes, set: { late: true } }',
      '        - { id: unknown, label: main.no, set: { late: false } }',
      '    next: fin',
      '  fin:',
      '    say:',
      '      - { text: main.yes, if: { slot: delivery, equals: unknwon } }',
      '      - { text: main.yes, if: { not: { slot: delivery, in: [digitall, unknown] } } }',
      '      - { text: main.yes, if: { all: [{ slot: late, equals: true }, { slot: delivery, equals: paper }] } }',
      '    next: ask_date',
      '  ask_date:',
      '    question: main.ask',
      '    ask: { date: {} }',
      '    slot: delivery',
      '    next: last',
      '  last:',
      '    say:',
      '      - { text: main.no, if: { slot: late, in: [true, "false"] } }',
      '      - { text: main.no, if: { slot: late, equals: maybe } }',
      '    end: true',
    );
    const late = 'flows/main.yaml:27:52  warning: slot "late" is never "maybe": it only gets "false", "true"  (hint: compare with a choice id or a set: value that gives the slot its value)';
    // The date question also stores into delivery: it may hold any value.
    const flowProblems = async (yamlText: string): Promise<string[]> =>
      (await problemsOf({ 'flows/main.yaml': yamlText, 'content/da/main.yaml': texts })).filter((p) => p.startsWith('flows/'));
    expect(await flowProblems(flow)).toEqual([late]);
    const onlyChoices = flow.replace('    slot: delivery\n    next: last', '    slot: decision_date\n    next: last');
    expect(await flowProblems(onlyChoices)).toEqual([
      'flows/main.yaml:15:57  warning: slot "delivery" is never "unknwon": it only gets "digital", "unknown"  (hint: Did you mean "unknown"?)',
      'flows/main.yaml:16:61  warning: slot "delivery" is never "digitall": it only gets "digital", "unknown"  (hint: Did you mean "digital"?)',
      'flows/main.yaml:17:95  warning: slot "delivery" is never "paper": it only gets "digital", "unknown"  (hint: compare with a choice id or a set: value that gives the slot its value)',
      late,
    ]);
  });

  it('lets system nodes see every slot any node may set', async () => {
    const flow = mainFlow('  start:', '    question: main.ask', '    ask: { date: {} }', '    slot: decision_date', '    end: true');
    const system = yaml('id: system', 'title: main.title', 'entry: help', 'nodes:', '  help:', '    say:', '      - { text: main.when, if: { slot: decision_date, exists: true } }', '  other:', '    say: [main.when]');
    const problems = await problemsOf({ 'flows/main.yaml': flow, 'flows/system.yaml': system, 'content/da/main.yaml': texts });
    expect(problems.filter((p) => p.startsWith('flows/'))).toEqual([]);
  });

  it('checks a municipality that only changes texts against the base flows, and one that overlays flows on its own', async () => {
    const base = mainFlow('  start:', '    say: [main.hello]', '    question: main.title', '    ask: { date: {} }', '    slot: decision_date', '    end: true');
    const problems = await problemsOf({
      'flows/main.yaml': base,
      'content/municipalities/demo/da/main.yaml': yaml('main.hello: Hej fra {decision_date:date}'),
      'content/municipalities/nord/municipality.yaml': yaml('id: nord', 'name: Nord', 'contacts:', '  citizen_service: {}'),
      'content/municipalities/nord/flows/main.yaml': yaml('id: main', 'nodes:', '  start:', '    say: [main.hello]', '    next: fin', '  fin:', '    say: [main.hello]', '    end: true'),
    });
    expect(problems.filter((p) => p.includes('decision_date'))).toEqual([
      'flows/main.yaml:6:11  text "main.hello" uses {decision_date}, but no way to node "start" sets slot "decision_date" (in municipality "demo")  (hint: ask for it in an earlier node, or give a fallback: {decision_date|…})',
    ]);
    expect(problems.filter((p) => p.includes('nord'))).toEqual([]);
  });
});
