import { describe, expect, it } from 'vitest';
import { load, mainFlow, problemsOf, yaml } from './helpers.js';

const demo = 'content/municipalities/demo';

describe('municipality overlay check', () => {
  it('reports an overlay of an unknown flow and an entry that is not a node', async () => {
    const problems = await problemsOf({
      [`${demo}/flows/mian.yaml`]: yaml('id: mian', 'nodes:', '  extra:', '    say: [main.hello]', '    end: true'),
      [`${demo}/flows/main.yaml`]: yaml('id: main', 'entry: begin', 'nodes:', '  extra:', '    say: [main.hello]', '    end: true'),
    });
    expect(problems).toEqual([
      `${demo}/flows/main.yaml:2:8  entry "begin" is not a node of flow "main"  (hint: name one of the nodes below)`,
      `${demo}/flows/main.yaml:4:3  warning: node "extra" is never reached  (hint: point a next, a choice or the entry at it, or delete it)`,
      `${demo}/flows/mian.yaml:1:5  flow "mian" does not exist  (hint: Did you mean "main"?)`,
    ]);
  });

  it('checks overlay nodes in the municipality’s context and labels base problems only it has', async () => {
    const overlay = yaml('id: main', 'nodes:', '  start:', '    say: [main.hello]', '    next: extra', '  extra:', '    say: [main.extra]', '    next: nowhere');
    const problems = await problemsOf({
      [`${demo}/flows/main.yaml`]: overlay,
      'flows/main.yaml': mainFlow('  start:', '    say: [main.hello]', '    next: fin', '  fin:', '    say: [main.hello]', '    end: true'),
    });
    expect(problems).toEqual([
      `${demo}/flows/main.yaml:7:11  content key "main.extra" has no text in da  (hint: add it to a file in content/municipalities/demo/da/)`,
      `${demo}/flows/main.yaml:8:11  next "nowhere" is not a node of flow "main"  (hint: add a node "nowhere" to flow "main", or point at an existing node)`,
    ]);
  });

  it('labels a problem in a base file that only a municipality’s overlay causes', async () => {
    const base = mainFlow('  start:', '    question: main.title', '    ask: { date: {} }', '    slot: decision_date', '    next: fin', '  fin:', '    say: [main.when]', '    end: true');
    const problems = await problemsOf({
      'flows/main.yaml': base,
      'content/da/main.yaml': yaml('main.title: Titel', 'main.hello: Hej', 'main.when: Du fik den {decision_date:date}.'),
      [`${demo}/flows/main.yaml`]: yaml('id: main', 'nodes:', '  start:', '    say: [main.hello]', '    next: fin'),
    });
    expect(problems).toEqual([
      'flows/main.yaml:11:11  text "main.when" uses {decision_date}, but no way to node "fin" sets slot "decision_date" (in municipality "demo")  (hint: ask for it in an earlier node, or give a fallback: {decision_date|…})',
    ]);
  });

  it('warns about an overlay node whose name is close to a base node’s, not about one that is new', async () => {
    const overlay = yaml('id: main', 'nodes:', '  strat:', '    say: [main.hello]', '    end: true', '  goodbye:', '    say: [main.hello]', '    end: true');
    const problems = await problemsOf({ [`${demo}/flows/main.yaml`]: overlay });
    expect(problems).toEqual([
      `${demo}/flows/main.yaml:3:3  warning: node "strat" is never reached  (hint: point a next, a choice or the entry at it, or delete it)`,
      `${demo}/flows/main.yaml:3:3  warning: node "strat" is not in flow "main": it adds a new node and changes none  (hint: Did you mean "start"? To change a node, write its exact name)`,
      `${demo}/flows/main.yaml:6:3  warning: node "goodbye" is never reached  (hint: point a next, a choice or the entry at it, or delete it)`,
    ]);
  });

  it('requires municipality.yaml’s id to be the folder name', async () => {
    const file = yaml('id: demo2', 'name: Demo', 'contacts:', '  citizen_service: { phone: "1" }');
    expect(await problemsOf({ [`${demo}/municipality.yaml`]: file })).toEqual([
      `${demo}/municipality.yaml:1:5  id "demo2" must be the folder's name, "demo"  (hint: write id: demo, or rename the folder)`,
    ]);
  });

  it('suggests only a folder name that is a valid id', async () => {
    const file = yaml('id: nord', 'name: Nord', 'contacts:', '  citizen_service: { phone: "1" }');
    expect(await problemsOf({ 'content/municipalities/Nord/municipality.yaml': file })).toEqual([
      'content/municipalities/Nord/municipality.yaml:1:5  id "nord" must be the folder\'s name, "Nord"  (hint: rename the folder to nord (a folder name uses lower-case letters, digits, "_" or "-"))',
    ]);
  });

  it('warns about an override of a text the base does not have, unless the municipality’s nodes use it', async () => {
    const problems = await problemsOf({
      [`${demo}/da/texts.yaml`]: yaml('main.helo: Goddag', 'main.extra: Ekstra'),
      [`${demo}/flows/main.yaml`]: yaml('id: main', 'nodes:', '  start:', '    say: [main.hello, main.extra]', '    end: true'),
    });
    expect(problems).toEqual([`${demo}/da/texts.yaml:1:1  warning: text "main.helo" does not exist in the base texts  (hint: Did you mean "main.hello"?)`]);
  });

  it('reports a municipality folder without municipality.yaml', async () => {
    expect(await problemsOf({ 'content/municipalities/nord/da/texts.yaml': yaml('main.hello: Hej') })).toEqual([
      'content/municipalities/nord/:1:1  municipality "nord" has no municipality.yaml  (hint: add one with id, name and contacts)',
    ]);
  });

  it('resolves texts per municipality: overrides on top, other locales untouched', async () => {
    const { bundle } = await load({
      'content/settings.yaml': yaml('mainFlow: main', 'defaultMunicipality: demo', 'locales:', '  da: { name: Dansk }', '  da-LET: { name: Let dansk, fallback: da }'),
      'content/da-LET/main.yaml': yaml('main.hello: Hej!'),
      [`${demo}/da/main.yaml`]: yaml('main.hello: Goddag fra Demo'),
      'content/municipalities/nord/municipality.yaml': yaml('id: nord', 'name: Nord', 'contacts:', '  citizen_service: {}'),
    });
    const municipalities = (bundle as { municipalities: Record<string, { texts: Record<string, Record<string, { text: string }>> }> }).municipalities;
    expect(municipalities.demo!.texts.da!['main.hello']!.text).toBe('Goddag fra Demo');
    expect(municipalities.nord!.texts.da!['main.hello']!.text).toBe('Hej');
    expect(municipalities.demo!.texts['da-LET']).toEqual({ 'main.hello': { text: 'Hej!' } });
  });
});

describe('duplicates check', () => {
  it('reports a flow id used twice and a flow overlaid twice', async () => {
    const copy = mainFlow('  start:', '    end: true');
    const overlay = yaml('id: main', 'nodes:', '  start:', '    end: true');
    const problems = await problemsOf({ 'flows/zz-copy.yaml': copy, [`${demo}/flows/a.yaml`]: overlay, [`${demo}/flows/b.yaml`]: overlay });
    expect(problems).toEqual([
      `${demo}/flows/b.yaml:1:5  flow "main" is already changed in ${demo}/flows/a.yaml  (hint: put all changes to one flow in one file)`,
      'flows/zz-copy.yaml:1:5  flow "main" is already defined in flows/main.yaml  (hint: give each flow its own id)',
    ]);
  });
});

describe('settings check', () => {
  it('reports an unknown main flow, default municipality, fallback and a locale with no folder', async () => {
    const settings = yaml('mainFlow: mian', 'defaultMunicipality: demo2', 'locales:', '  da: { name: Dansk }', '  en: { name: English }', '  da-LET: { name: Let dansk, fallback: dk }');
    expect(await problemsOf({ 'content/settings.yaml': settings, 'content/fr/main.yaml': yaml('main.hello: Bonjour') })).toEqual([
      'content/fr/:1:1  warning: folder "fr" looks like a locale, but settings.yaml does not list it  (hint: add it under locales: in content/settings.yaml, or rename the folder)',
      'content/settings.yaml:1:11  mainFlow "mian" is not a flow  (hint: Did you mean "main"?)',
      'content/settings.yaml:2:22  defaultMunicipality "demo2" is not a municipality  (hint: Did you mean "demo"?)',
      'content/settings.yaml:5:3  locale "en" has no folder content/en/  (hint: create the folder with its texts, or give the locale a fallback)',
      'content/settings.yaml:6:40  fallback "dk" is not a locale  (hint: Did you mean "da"?)',
    ]);
  });
});
