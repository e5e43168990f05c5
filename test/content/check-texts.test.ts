import { describe, expect, it } from 'vitest';
import { mainFlow, problemsOf, yaml } from './helpers.js';

const threeLocales = yaml(
  'mainFlow: main',
  'defaultMunicipality: demo',
  'locales:',
  '  da: { name: Dansk }',
  '  en: { name: English }',
  '  da-LET: { name: Let dansk, fallback: da }',
);

describe('content-key check', () => {
  it('requires every used key in da and in each locale without a fallback', async () => {
    const problems = await problemsOf({
      'content/settings.yaml': threeLocales,
      'content/da/main.yaml': yaml('main.title: Titel', 'main.helo: Hej'),
      'content/en/main.yaml': yaml('main.title: Title'),
      'content/da-LET/main.yaml': yaml('main.title: Titel'),
    });
    expect(problems).toEqual([
      'content/da/main.yaml:2:1  warning: text "main.helo" (da) is not used by any flow  (hint: use it in a flow, or delete it)',
      'flows/main.yaml:6:11  content key "main.hello" has no text in da, en  (hint: Did you mean "main.helo"?)',
    ]);
  });

  it('treats a key another locale has as a missing translation, not a misspelling', async () => {
    const problems = await problemsOf({
      'content/settings.yaml': threeLocales,
      'content/en/main.yaml': yaml('main.title: Title', 'main.hell: Hell'),
    });
    expect(problems).toEqual([
      'content/en/main.yaml:2:1  warning: text "main.hell" (en) is not used by any flow  (hint: use it in a flow, or delete it)',
      'flows/main.yaml:6:11  content key "main.hello" has no text in en  (hint: add it to content/en/main.yaml)',
    ]);
  });

  it('says where to add a missing key when nothing is close', async () => {
    const flow = mainFlow('  start:', '    say: [main.hello, main.goodbye_for_now]', '    end: true');
    expect(await problemsOf({ 'flows/main.yaml': flow })).toEqual([
      'flows/main.yaml:6:23  content key "main.goodbye_for_now" has no text in da  (hint: add it to content/da/main.yaml)',
    ]);
  });

  it('does not warn about unused system., survey. and intent. texts', async () => {
    const texts = yaml('main.title: Titel', 'main.hello: Hej', 'system.help: Hjælp', 'survey.q1: Spørgsmål', 'intent.back: Tilbage', 'other.unused: Ubrugt');
    expect(await problemsOf({ 'content/da/main.yaml': texts })).toEqual([
      'content/da/main.yaml:6:1  warning: text "other.unused" (da) is not used by any flow  (hint: use it in a flow, or delete it)',
    ]);
  });

  it('reports a key defined twice in one locale', async () => {
    const problems = await problemsOf({ 'content/da/more.yaml': yaml('other.x: X', 'main.hello: Hej igen') });
    expect(problems).toContain(
      'content/da/more.yaml:2:1  content key "main.hello" is already defined for da in content/da/main.yaml:2:1  (hint: keep one of them, or rename this one)',
    );
  });
});

describe('legal-text check', () => {
  it('requires source and reviewed on a da text that is legal or cites a §; translations inherit them', async () => {
    const problems = await problemsOf({
      'content/settings.yaml': threeLocales,
      'content/da/main.yaml': yaml(
        'main.title: Titel',
        'main.hello:',
        '  text: Du har 4 uger til at klage (retssikkerhedsloven § 67).',
        '  source: Retssikkerhedsloven § 67, stk. 1',
        '  reviewed: 2026-01-15',
        'main.rule: Du må klage (forvaltningsloven § 25).',
        'main.legal:',
        '  text: Kommunen skal vejlede dig.',
        '  legal: true',
        '  source: Forvaltningsloven § 7',
      ),
      'content/en/main.yaml': yaml('main.title: Title', 'main.hello: You have 4 weeks to complain (§ 67).', 'main.rule: You may complain (§ 25).'),
      'content/da-LET/main.yaml': yaml('main.hello: Du har 4 uger (§ 67).'),
    });
    expect(problems.filter((p) => !p.includes('warning'))).toEqual([
      'content/da/main.yaml:6:1  text "main.rule" cites a § but has no source and reviewed  (hint: add source: (law and section, e.g. "Forvaltningsloven § 9") and reviewed: (the date it was checked, YYYY-MM-DD))',
      'content/da/main.yaml:7:1  text "main.legal" is marked legal but has no reviewed  (hint: add source: (law and section, e.g. "Forvaltningsloven § 9") and reviewed: (the date it was checked, YYYY-MM-DD))',
      'content/en/main.yaml:3:1  text "main.rule" cites a § but has no source and reviewed  (hint: add source: (law and section, e.g. "Forvaltningsloven § 9") and reviewed: (the date it was checked, YYYY-MM-DD) (here or in the da text))',
    ]);
  });

  it('warns when reviewed is older than reviewMaxAgeDays, and rejects a date that does not exist', async () => {
    const settings = yaml('mainFlow: main', 'defaultMunicipality: demo', 'reviewMaxAgeDays: 100', 'locales:', '  da: { name: Dansk }');
    const texts = yaml(
      'main.title: { text: Titel, source: Forvaltningsloven § 9, reviewed: 2026-02-21 }',
      'main.hello: { text: Hej, source: Forvaltningsloven § 9, reviewed: 2026-02-30 }',
      'main.old: { text: Gammel, source: Forvaltningsloven § 9, reviewed: 2026-02-20 }',
    );
    expect(await problemsOf({ 'content/settings.yaml': settings, 'content/da/main.yaml': texts })).toEqual([
      'content/da/main.yaml:2:67  reviewed "2026-02-30" is not a real date  (hint: write the date as YYYY-MM-DD, e.g. 2026-03-01)',
      'content/da/main.yaml:3:1  warning: text "main.old" (da) is not used by any flow  (hint: use it in a flow, or delete it)',
      'content/da/main.yaml:3:68  warning: text "main.old" was last reviewed 2026-02-20, more than 100 days ago  (hint: check the text against the law again, then update reviewed:)',
    ]);
  });

  it('rejects a reviewed date after today in Denmark, and accepts today', async () => {
    const texts = yaml(
      'main.title: { text: Titel, source: Forvaltningsloven § 9, reviewed: 2026-06-02 }',
      'main.hello: { text: Hej, source: Forvaltningsloven § 9, reviewed: 2062-03-01 }',
    );
    expect(await problemsOf({ 'content/da/main.yaml': texts })).toEqual([
      'content/da/main.yaml:1:69  reviewed "2026-06-02" is in the future  (hint: write the date you checked the text)',
      'content/da/main.yaml:2:67  reviewed "2062-03-01" is in the future  (hint: write the date you checked the text)',
    ]);
    // 23:30 UTC is already 2 June in Copenhagen: an editor there checked the text today.
    const lateEvening = new Date('2026-06-01T23:30:00Z');
    expect(await problemsOf({ 'content/da/main.yaml': texts }, { now: lateEvening })).toEqual([
      'content/da/main.yaml:2:67  reviewed "2062-03-01" is in the future  (hint: write the date you checked the text)',
    ]);
  });
});

describe('template check', () => {
  it('reports a placeholder with an unknown format at the placeholder', async () => {
    const texts = yaml('main.title: Titel', 'main.hello: "Fristen er {deadline.date:dato|ukendt}."');
    expect(await problemsOf({ 'content/da/main.yaml': texts })).toEqual([
      'content/da/main.yaml:2:25  {deadline.date:dato} uses the unknown format "dato"  (hint: Did you mean "date"?)',
    ]);
  });
});

describe('names check', () => {
  const flow = mainFlow(
    '  start:',
    '    compute:',
    '      deadline: { fn: complaintDeadlin, args: {} }',
    '    say: [main.hello]',
    '    do: [storeAdviserReqest]',
    '    end: true',
  );

  it('reports effects and compute functions the code does not know', async () => {
    const options = { knownEffects: ['storeAdviserRequest'], knownComputes: ['complaintDeadline'] };
    expect(await problemsOf({ 'flows/main.yaml': flow }, options)).toEqual([
      'flows/main.yaml:7:23  unknown compute function "complaintDeadlin"  (hint: Did you mean "complaintDeadline"?)',
      'flows/main.yaml:9:10  unknown effect "storeAdviserReqest"  (hint: Did you mean "storeAdviserRequest"?)',
    ]);
  });

  it('does not check names when the caller passes none', async () => {
    expect(await problemsOf({ 'flows/main.yaml': flow })).toEqual([]);
  });
});
