import { describe, expect, it } from 'vitest';
import { mainFlow, problemsOf, yaml } from './helpers.js';

describe('YAML syntax problems keep their own positions', () => {
  it('reports bad indentation at the offending line', async () => {
    const flow = mainFlow('  start:', '    say: [main.hello]', '   end: true');
    expect(await problemsOf({ 'flows/main.yaml': flow })).toEqual([
      'flows/main.yaml:7:1  All mapping items must start at the same column  (hint: line up keys of the same map with the same number of spaces)',
    ]);
  });

  it('reports a duplicate key in one map', async () => {
    const texts = yaml('main.title: Titel', 'main.hello: Hej', 'main.title: Igen');
    expect(await problemsOf({ 'content/da/main.yaml': texts })).toEqual([
      'content/da/main.yaml:3:1  Map keys must be unique  (hint: each key may appear only once in a map: remove or rename one of them)',
    ]);
  });

  it('reports an unclosed quote', async () => {
    const texts = yaml('main.title: "Titel', 'main.hello: Hej');
    const problems = await problemsOf({ 'content/da/main.yaml': texts });
    expect(problems[0]).toMatch(/^content\/da\/main\.yaml:\d+:\d+ {2}Missing closing "quote {2}\(hint: close the quote or bracket that was opened\)$/);
  });

  it('reports tabs used for indentation', async () => {
    const flow = mainFlow('\tstart:', '    end: true');
    expect((await problemsOf({ 'flows/main.yaml': flow }))[0]).toMatch(/^flows\/main\.yaml:5:1 {2}.*\(hint: indent with spaces, not tabs\)$/);
  });
});

describe('YAML syntax problems in a text say what to do', () => {
  const hello = (value: string): Record<string, string> => ({ 'content/da/main.yaml': yaml('main.title: Titel', `main.hello: ${value}`) });

  it('names a missing colon after the key', async () => {
    expect(await problemsOf({ 'content/da/main.yaml': yaml('main.title: Titel', 'main.hello Hej med dig', 'main.x: y') })).toEqual([
      'content/da/main.yaml:2:1  a colon is missing after the key  (hint: write the key, then ": ", then the text (e.g. complaint.intro: Hej); a line that goes on with the text above must be indented)',
    ]);
  });

  it.each([
    ['{municipality.name} hjælper dig', '{'],
    ['[Vigtigt] læs dette', '['],
    ["'Hej' sagde hun", "'"],
    ['> 4 uger', '>'],
    ['@kommunen skriver', '@'],
    ['`kode`', '`'],
    ['% af sagerne', '%'],
    ['- første punkt', '-'],
    ['**Hvad skal du?** Vælg', '*'],
    ['*vigtigt*', '*'],
    ['! Vigtigt', '!'],
    ['!Vigtigt nu', '!'],
    ['&Co. hjælper', '&'],
  ])('asks for double quotes around a text that starts like %j, at its start', async (value, char) => {
    expect(await problemsOf(hello(value))).toEqual([
      `content/da/main.yaml:2:13  the text on this line must be in double quotes  (hint: a text that starts with ${char} must be in double quotes)`,
    ]);
  });

  it('explains how to quote a text that starts with a double quote', async () => {
    expect(await problemsOf(hello('"Hej" sagde hun'))).toEqual([
      'content/da/main.yaml:2:13  the text on this line must be in double quotes  (hint: a text that starts with " must be in double quotes (write \\" for a " inside it))',
    ]);
  });

  it('does not ask to close a bracket where none was opened, and names one that was', async () => {
    expect(await problemsOf(hello('Hej\nmain.x'))).toEqual([
      'content/da/main.yaml:3:1  a colon is missing after the key  (hint: write the key, then ": ", then the text (e.g. complaint.intro: Hej); a line that goes on with the text above must be indented)',
    ]);
    const flow = mainFlow('  start:', '    say: [main.hello', '    end: true');
    expect(await problemsOf({ 'flows/main.yaml': flow })).toEqual([
      'flows/main.yaml:7:5  a [ is not closed with ]  (hint: close the [ opened above, or put a text that starts with [ in double quotes)',
    ]);
  });

  it('still reads & and * that YAML uses as anchors and aliases, and ! or * inside a quoted or block text', async () => {
    const texts = yaml('main.title: &title Titel', 'main.hello: *title', 'main.x: "! **Hvad?**"', 'main.y: |', '  **Hvad?**', '  ! nu');
    expect((await problemsOf({ 'content/da/main.yaml': texts })).filter((p) => !p.includes('not used by any flow'))).toEqual([]);
  });
});

describe('schema problems point at the YAML node', () => {
  it('names an unknown key and suggests the known one', async () => {
    const flow = mainFlow('  start:', '    say: [main.hello]', '    ends: true');
    expect(await problemsOf({ 'flows/main.yaml': flow })).toEqual([
      'flows/main.yaml:7:5  unknown key "ends"  (hint: Did you mean "end"?)',
    ]);
  });

  it('reports a missing key at its parent', async () => {
    const flow = yaml('id: main', 'title: main.title', 'nodes:', '  start:', '    say: [main.hello]', '    end: true');
    expect(await problemsOf({ 'flows/main.yaml': flow })).toEqual(['flows/main.yaml:1:1  "entry" is missing  (hint: add entry: …)']);
  });

  it('explains a value of the wrong type', async () => {
    const flow = mainFlow('  start:', '    say: [main.hello]', '    end: "yes"');
    expect(await problemsOf({ 'flows/main.yaml': flow })).toEqual([
      'flows/main.yaml:7:10  end: expected true or false, found the text "yes"',
    ]);
  });

  it('explains a content key that is not one', async () => {
    const flow = mainFlow('  start:', '    say: [main.hello, Hej med dig]', '    end: true');
    expect(await problemsOf({ 'flows/main.yaml': flow })).toEqual([
      'flows/main.yaml:6:23  item 2 of say "Hej med dig" is not valid  (hint: a content key looks like "complaint.ask_date": lower-case words joined by dots)',
    ]);
  });

  it('picks the alternative the editor meant in a union (a condition with a misspelt test)', async () => {
    const flow = mainFlow(
      '  start:',
      '    say:',
      '      - { text: main.hello, if: { slot: municipality.name, equal: Demo } }',
      '    end: true',
    );
    expect(await problemsOf({ 'flows/main.yaml': flow })).toEqual([
      'flows/main.yaml:7:29  "equals" is missing  (hint: add equals: …)',
      'flows/main.yaml:7:60  unknown key "equal"  (hint: Did you mean "equals"?)',
    ]);
  });

  it('says which types fit when none does', async () => {
    const texts = yaml('main.title: Titel', 'main.hello: [Hej]');
    expect(await problemsOf({ 'content/da/main.yaml': texts })).toEqual([
      'content/da/main.yaml:2:13  main.hello: expected a text or a map (key: value lines), found a list',
    ]);
  });

  it('reports an invalid node name at its key, and an invalid content key', async () => {
    const flow = mainFlow('  start:', '    say: [main.hello]', '    end: true', '  Other:', '    end: true');
    const texts = yaml('main.title: Titel', 'main.hello: Hej', 'Main Title: Hej');
    expect(await problemsOf({ 'flows/main.yaml': flow, 'content/da/main.yaml': texts })).toEqual([
      'content/da/main.yaml:3:1  "Main Title" is not a valid content key  (hint: a content key looks like "complaint.ask_date": lower-case words joined by dots)',
      'flows/main.yaml:8:3  "Other" is not a valid name  (hint: use lower-case letters, digits, "_" or "-", starting with a letter)',
    ]);
  });

  it('names an emptied texts file, and one with only comments', async () => {
    const problems = await problemsOf({ 'content/da/main.yaml': '', 'content/da/more.yaml': '# nothing yet\n' });
    expect(problems.filter((p) => p.startsWith('content/'))).toEqual([
      'content/da/main.yaml:1:1  warning: this file has no texts  (hint: add lines like `complaint.ask_date: "Hvornår fik du afgørelsen?"`, or delete the file)',
      'content/da/more.yaml:1:1  warning: this file has no texts  (hint: add lines like `complaint.ask_date: "Hvornår fik du afgørelsen?"`, or delete the file)',
    ]);
  });

  it('says how to make a number or true/false a text, as it was written', async () => {
    const municipality = yaml('id: demo', 'name: Demo Kommune', 'contacts:', '  citizen_service: { phone: 070445566 }');
    const texts = yaml('main.title: Titel', 'main.hello: true');
    expect(await problemsOf({ 'content/municipalities/demo/municipality.yaml': municipality, 'content/da/main.yaml': texts })).toEqual([
      'content/da/main.yaml:2:13  main.hello: expected a text or a map (key: value lines), found true  (hint: put it in double quotes: "true")',
      'content/municipalities/demo/municipality.yaml:4:29  phone: expected a text, found the number 70445566  (hint: put it in double quotes: "070445566")',
    ]);
  });

  it('normalises a plain text and rejects an empty one', async () => {
    const texts = yaml('main.title: Titel', 'main.hello: ""');
    expect(await problemsOf({ 'content/da/main.yaml': texts })).toEqual(['content/da/main.yaml:2:13  main.hello must not be empty']);
  });

  it('checks settings, intents and municipality files', async () => {
    const problems = await problemsOf({
      'content/settings.yaml': yaml('mainFlow: main', 'defaultMunicipality: demo', 'locales:', '  da: { name: Dansk, dir: down }'),
      'content/da/intents.yaml': yaml('intents:', '  back: tilbage'),
      'content/municipalities/demo/municipality.yaml': yaml('id: demo', 'name: Demo', 'contacts: {}', 'pages: { klage: "demo.dk" }'),
    });
    expect(problems).toEqual([
      'content/da/intents.yaml:2:9  back: expected a list ("- " lines), found the text "tilbage"',
      'content/municipalities/demo/municipality.yaml:3:1  "citizen_service" is missing  (hint: add citizen_service: …)',
      'content/municipalities/demo/municipality.yaml:4:17  klage "demo.dk" is not valid  (hint: write a full web address, e.g. https://www.example.dk/page)',
      'content/settings.yaml:4:27  dir "down" is not allowed  (hint: use "ltr" or "rtl")',
    ]);
  });
});
