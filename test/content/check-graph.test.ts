import { describe, expect, it } from 'vitest';
import { mainFlow, problemsOf, yaml } from './helpers.js';

const texts = yaml('main.title: Titel', 'main.hello: Hej', 'main.ask: Hvad nu?', 'main.yes: Ja', 'main.no: Nej');

describe('targets check', () => {
  it('reports a next that names no node, with a did-you-mean', async () => {
    const flow = mainFlow(
      '  start:',
      '    say: [main.hello]',
      '    next: advocat_intro',
      '  advocate_intro:',
      '    say: [main.hello]',
      '    end: true',
    );
    expect(await problemsOf({ 'flows/main.yaml': flow, 'content/da/main.yaml': texts })).toEqual([
      'content/da/main.yaml:3:1  warning: text "main.ask" (da) is not used by any flow  (hint: use it in a flow, or delete it)',
      'content/da/main.yaml:4:1  warning: text "main.yes" (da) is not used by any flow  (hint: use it in a flow, or delete it)',
      'content/da/main.yaml:5:1  warning: text "main.no" (da) is not used by any flow  (hint: use it in a flow, or delete it)',
      'flows/main.yaml:7:11  next "advocat_intro" is not a node of flow "main"  (hint: Did you mean "advocate_intro"?)',
      'flows/main.yaml:8:3  warning: node "advocate_intro" is never reached  (hint: point a next, a choice or the entry at it, or delete it)',
    ]);
  });

  it('checks entries, branches, choice nexts and other flows', async () => {
    const flow = yaml(
      'id: main',
      'title: main.title',
      'entry: begin',
      'nodes:',
      '  start:',
      '    question: main.ask',
      '    ask:',
      '      choice:',
      '        - { id: yes, label: main.yes, next: { flow: other } }',
      '        - { id: no, label: main.no, next: { flow: main, node: fin } }',
      '    next:',
      '      - { if: { slot: start, equals: yes }, to: ending }',
      '      - to: other',
      '  end:',
      '    say: [main.hello]',
      '    end: true',
    );
    const problems = await problemsOf({ 'flows/main.yaml': flow, 'content/da/main.yaml': texts });
    expect(problems).toEqual([
      'flows/main.yaml:3:8  entry "begin" is not a node of flow "main"  (hint: name one of the nodes below)',
      'flows/main.yaml:5:3  warning: node "start" is never reached  (hint: point a next, a choice or the entry at it, or delete it)',
      'flows/main.yaml:9:53  flow "other" does not exist  (hint: flows are: main)',
      'flows/main.yaml:10:63  choice "no": next "fin" is not a node of flow "main"  (hint: add a node "fin" to flow "main", or point at an existing node)',
      'flows/main.yaml:12:49  to "ending" is not a node of flow "main"  (hint: add a node "ending" to flow "main", or point at an existing node)',
      'flows/main.yaml:13:13  to "other" is not a node of flow "main"  (hint: add a node "other" to flow "main", or point at an existing node)',
      'flows/main.yaml:14:3  warning: node "end" is never reached  (hint: point a next, a choice or the entry at it, or delete it)',
    ]);
  });

  it('reports a choice id used twice in one node at the second one, also in an overlay', async () => {
    const choices = (node: string): string[] => [
      `  ${node}:`,
      '    question: main.ask',
      '    ask:',
      '      choice:',
      '        - { id: yes, label: main.yes, next: fin }',
      '        - { id: yes, label: main.no, next: fin }',
    ];
    const fin = ['  fin:', '    say: [main.hello]', '    end: true'];
    const problems = await problemsOf({
      'flows/main.yaml': mainFlow(...choices('start'), ...fin),
      'content/da/main.yaml': texts,
      'content/municipalities/demo/flows/main.yaml': yaml('id: main', 'nodes:', ...choices('start')),
    });
    expect(problems).toEqual([
      'content/municipalities/demo/flows/main.yaml:8:17  choice id "yes" is used twice in node "start"  (hint: give each choice its own id)',
      'flows/main.yaml:10:17  choice id "yes" is used twice in node "start"  (hint: give each choice its own id)',
    ]);
  });

  it('suggests { flow: … } when a plain next names a flow', async () => {
    const main = mainFlow('  start:', '    say: [main.hello]', '    next: help');
    const help = yaml('id: help', 'title: main.title', 'entry: start', 'nodes:', '  start:', '    say: [main.hello]', '    end: true');
    expect(await problemsOf({ 'flows/main.yaml': main, 'flows/help.yaml': help })).toEqual([
      'flows/main.yaml:7:11  next "help" is not a node of flow "main"  (hint: to go to the flow "help", write { flow: help })',
    ]);
  });
});

describe('reachability check', () => {
  it('follows nexts across flows and counts every flow entry and all system nodes as reached', async () => {
    const main = mainFlow('  start:', '    say: [main.hello]', '    next: { flow: help, node: two }', '  lost:', '    say: [main.hello]', '    end: true');
    const help = yaml('id: help', 'title: main.title', 'entry: one', 'nodes:', '  one:', '    say: [main.hello]', '    end: true', '  two:', '    say: [main.hello]', '    end: true', '  three:', '    say: [main.hello]', '    end: true');
    const system = yaml('id: system', 'title: main.title', 'entry: help', 'nodes:', '  help:', '    say: [main.hello]', '  human:', '    say: [main.hello]');
    expect(await problemsOf({ 'flows/main.yaml': main, 'flows/help.yaml': help, 'flows/system.yaml': system })).toEqual([
      'flows/help.yaml:11:3  warning: node "three" is never reached  (hint: point a next, a choice or the entry at it, or delete it)',
      'flows/main.yaml:8:3  warning: node "lost" is never reached  (hint: point a next, a choice or the entry at it, or delete it)',
    ]);
  });
});

describe('dead-end check', () => {
  it('reports a node with no way on, a choice that leads nowhere and a date ask without next', async () => {
    const flow = mainFlow(
      '  start:',
      '    question: main.ask',
      '    ask:',
      '      choice:',
      '        - { id: yes, label: main.yes, next: when }',
      '        - { id: no, label: main.no }',
      '  when:',
      '    question: main.ask',
      '    ask: { date: { notAfter: today } }',
      '  stuck:',
      '    say: [main.hello]',
    );
    const problems = await problemsOf({ 'flows/main.yaml': flow, 'content/da/main.yaml': texts });
    expect(problems.filter((p) => !p.includes('warning'))).toEqual([
      'flows/main.yaml:10:11  choice "no" leads nowhere: neither it nor node "start" has a next  (hint: add next: … to the choice, or one next: … to the node for all choices)',
      'flows/main.yaml:13:5  node "when" asks for a date but has no next  (hint: add next: … to say where to go after the answer)',
      'flows/main.yaml:14:3  node "stuck" is a dead end: it has no ask, no next and no end  (hint: add next: …, an ask, or end: true)',
    ]);
  });

  it('accepts the choices of a node with its own next, and system nodes without next', async () => {
    const flow = mainFlow('  start:', '    question: main.ask', '    ask:', '      choice:', '        - { id: yes, label: main.yes }', '        - { id: no, label: main.no, next: fin }', '    next: fin', '  fin:', '    say: [main.hello]', '    end: true');
    const system = yaml('id: system', 'title: main.title', 'entry: help', 'nodes:', '  help:', '    say: [main.hello]');
    expect(await problemsOf({ 'flows/main.yaml': flow, 'flows/system.yaml': system, 'content/da/main.yaml': texts })).toEqual([]);
  });

  it('warns when every branch of a next has a condition', async () => {
    const flow = mainFlow('  start:', '    say: [main.hello]', '    next:', '      - { if: { slot: municipality.name, equals: Demo }, to: fin }', '  fin:', '    say: [main.hello]', '    end: true');
    expect(await problemsOf({ 'flows/main.yaml': flow })).toEqual([
      'flows/main.yaml:7:5  warning: every branch of this next has a condition, so none may apply  (hint: add a last branch with only to: …, for all other cases)',
    ]);
  });
});
