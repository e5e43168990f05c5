/**
 * Translation files: CSV (RFC 4180) and XLIFF 1.2 written and read back, checks of
 * what a translator returns, and `medspiller strings export|import` round trips on a
 * copy of the real content: exporting English and importing it into an empty
 * content/en/ gives back exactly the English the bundle had.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { stringsCommand } from '../../src/cli/strings.js';
import { loadBundle } from '../../src/content/index.js';
import type { StringUnit } from '../../src/content/strings/string-table.js';
import { parseCsv, readCsvTranslations, toCsv } from '../../src/content/strings/strings-csv.js';
import { languageTag, readXliffTranslations, toXliff } from '../../src/content/strings/strings-xliff.js';
import { checkTranslations } from '../../src/content/strings/translations.js';
import { CONTENT_NAMES } from '../../src/conversation/content-names.js';
import type { Bundle } from '../../src/engine/types.js';

const ROOT = join(import.meta.dirname, '..', '..');

const units: StringUnit[] = [
  { id: 'x.plain', kind: 'text', key: 'x.plain', file: 'content/da/x.yaml', source: 'Hej', context: 'x/start (message)' },
  {
    id: 'x.tricky',
    kind: 'text',
    key: 'x.tricky',
    file: 'content/da/x.yaml',
    source: 'Frist: **{deadline.date:date}**, "ring" på {municipality.contacts.citizen_service.phone|kommunens nummer}.\nSe [DUKH](https://dukh.dk) & <mere>',
    target: 'Last day: **{deadline.date:date}**, "call" {municipality.contacts.citizen_service.phone|the municipality}.\nSee [DUKH](https://dukh.dk) & <more>',
    context: 'x/start (message)',
    note: 'A note, with a comma',
    legalSource: 'Retssikkerhedsloven § 67, stk. 1',
  },
  { id: 'x.choice#synonyms', kind: 'synonyms', key: 'x.choice', file: 'content/da/x.yaml', source: 'ja | jo', context: 'words' },
  { id: 'intents.repeat', kind: 'intent', key: 'repeat', file: 'content/da/intents.yaml', source: 'gentag | igen', context: 'words' },
];

describe('CSV (RFC 4180)', () => {
  it('quotes fields with commas, quotes and line breaks, and ends lines with CRLF', () => {
    const csv = toCsv(units, 'en');
    expect(csv.startsWith('key,da,en,context,note,legal_source\r\n')).toBe(true);
    expect(csv).toContain('x.plain,Hej,,x/start (message),,\r\n');
    expect(csv).toContain('"Frist: **{deadline.date:date}**, ""ring"" på');
    expect(csv).toContain('\n'); // the line break inside the quoted field stays a bare LF
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('reads back every field exactly, with the line each row starts on', () => {
    const rows = parseCsv(toCsv(units, 'en'));
    expect(rows).toHaveLength(units.length + 1);
    expect(rows[2]!.fields).toEqual(['x.tricky', units[1]!.source, units[1]!.target, 'x/start (message)', 'A note, with a comma', 'Retssikkerhedsloven § 67, stk. 1']);
    expect(rows[3]!.line).toBe(6); // the tricky row holds two line breaks: it spans lines 3 to 5
  });

  it('accepts LF line ends and a byte order mark, as spreadsheets save them, and finds columns by header', () => {
    const read = readCsvTranslations('\uFEFFen,key\nHello,x.plain\n"Two\nlines",x.tricky\n', 'en');
    expect(read).toEqual({ entries: [{ where: 'line 2', id: 'x.plain', text: 'Hello' }, { where: 'line 3', id: 'x.tricky', text: 'Two\nlines' }], errors: [] });
    expect(readCsvTranslations('key,da\nx.plain,Hej\n', 'en').errors[0]).toContain('"key" and "en"');
    expect(() => parseCsv('key,en\nx,"open')).toThrow(/not closed/);
  });
});

describe('XLIFF 1.2', () => {
  it('writes one <file> per Danish file, with escaped source, target and notes', () => {
    const xliff = toXliff(units, 'da-LET');
    expect(xliff).toContain('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">');
    expect(xliff).toContain('<file original="content/da/x.yaml" datatype="plaintext" source-language="da" target-language="da-x-let">');
    expect(xliff).toContain('&quot;ring&quot; på');
    expect(xliff).toContain('&amp; &lt;mere&gt;');
    expect(xliff).toContain('<note from="legal-source" annotates="general">Retssikkerhedsloven § 67, stk. 1</note>');
    expect(xliff.match(/<file /g)).toHaveLength(2);
  });

  it('reads back the targets exactly', () => {
    const read = readXliffTranslations(toXliff(units, 'en'), 'en');
    expect(read.errors).toEqual([]);
    expect(read.entries.map((e) => [e.id, e.text])).toEqual([
      ['x.plain', ''],
      ['x.tricky', units[1]!.target],
      ['x.choice#synonyms', ''],
      ['intents.repeat', ''],
    ]);
  });

  it('reads what translation tools write: prefixes, CDATA, entities, single quotes', () => {
    const tool = `<?xml version='1.0'?><!-- by a tool --><x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:1.2" version='1.2'>
<x:file target-language='en'><x:body><x:trans-unit id='x.plain'><x:source>Hej</x:source>
<x:target><![CDATA[Hi <there>]]> &#x263A; &#65;</x:target></x:trans-unit></x:body></x:file></x:xliff>`;
    expect(readXliffTranslations(tool, 'en').entries).toEqual([{ where: 'line 2', id: 'x.plain', text: 'Hi <there> ☺ A' }]);
  });

  it('reports markup in a target, another target language, another version and broken XML', () => {
    const markup = toXliff(units, 'en').replace('<target state="translated">Last', '<target state="translated"><g id="1">Last</g>');
    expect(readXliffTranslations(markup, 'en').errors[0]).toMatch(/x\.tricky.*markup/);
    expect(readXliffTranslations(toXliff(units, 'en'), 'ar').errors[0]).toContain('target-language "en", not "ar"');
    expect(readXliffTranslations('<xliff version="2.0"></xliff>', 'en').errors[0]).toContain('XLIFF 1.2');
    expect(readXliffTranslations('<xliff version="1.2"><file>', 'en').errors[0]).toMatch(/not well-formed.*not closed/);
  });

  it('uses BCP 47 language tags', () => {
    expect([languageTag('ar'), languageTag('da-LET'), languageTag('pt-BR'), languageTag('sr-Latn')]).toEqual(['ar', 'da-x-let', 'pt-BR', 'sr-Latn']);
  });
});

describe('checking a translation', () => {
  const read = (entries: Array<[string, string]>) => checkTranslations(units, { entries: entries.map(([id, text], i) => ({ where: `line ${i + 2}`, id, text })), errors: [] });

  it('keeps placeholders exactly, but lets the fallback after | be translated', () => {
    const ok = read([['x.tricky', 'Sidste dag {deadline.date:date}, ring {municipality.contacts.citizen_service.phone|the council}. [DUKH](https://dukh.dk)']]);
    expect(ok.errors).toEqual([]);
    const lost = read([['x.tricky', 'Sidste dag {deadline.date}, ring {municipality.contacts.citizen_service.phone}. [DUKH](https://dukh.dk)']]);
    expect(lost.errors[0]).toBe(
      'line 2: "x.tricky": the placeholders must be kept exactly as in Danish: expected {deadline.date:date} {municipality.contacts.citizen_service.phone|…}, found {deadline.date} {municipality.contacts.citizen_service.phone}',
    );
  });

  it('keeps Markdown link targets', () => {
    const moved = read([['x.tricky', '{deadline.date:date} {municipality.contacts.citizen_service.phone|x} [DUKH](https://example.org)']]);
    expect(moved.errors[0]).toContain('the link targets must stay the same: expected https://dukh.dk');
  });

  it('reports unknown and repeated keys, placeholders in word lists, and lists what is not translated', () => {
    const checked = read([
      ['x.gone', 'Hi'],
      ['x.plain', 'Hi'],
      ['x.plain', 'Hello'],
      ['x.choice#synonyms', 'yes | {x}'],
      ['intents.repeat', 'repeat | again'],
    ]);
    expect(checked.errors).toEqual([
      'line 2: "x.gone" is not a text in content/da/ (was the key renamed?)',
      'line 4: "x.plain" appears twice (first at line 3)',
      'line 5: "x.choice#synonyms": a word list cannot hold placeholders',
    ]);
    expect(checked.texts.get('intents.repeat')).toBe('repeat | again');
    // x.tricky has a translation already; nothing else is missing.
    expect(read([]).untranslated.map((u) => u.id)).toEqual(['x.plain']);
  });
});

describe('medspiller strings on a copy of the real content', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  async function copyOfContent(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'medspiller-strings-'));
    dirs.push(dir);
    await cp(join(ROOT, 'flows'), join(dir, 'flows'), { recursive: true });
    await cp(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    return dir;
  }

  async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const [stdout, stderr] = [new PassThrough(), new PassThrough()];
    const chunks = { stdout: '', stderr: '' };
    stdout.on('data', (c: Buffer) => (chunks.stdout += c.toString()));
    stderr.on('data', (c: Buffer) => (chunks.stderr += c.toString()));
    const code = await stringsCommand.run(args, { stdin: new PassThrough(), stdout, stderr, env: {}, cwd: ROOT });
    return { code, ...chunks };
  }

  function english(bundle: Bundle) {
    const texts = bundle.municipalities[bundle.defaultMunicipality]!.texts.en!;
    return { texts: Object.fromEntries(Object.entries(texts).map(([key, e]) => [key, { text: e.text, synonyms: e.synonyms }])), intents: bundle.intents.en };
  }

  it.each(['csv', 'xliff'])('exports English as %s and imports it into an empty content/en/ unchanged', async (format) => {
    const dir = await copyOfContent();
    const before = (await loadBundle(dir, CONTENT_NAMES)).bundle!;
    const file = join(dir, `en.${format === 'csv' ? 'csv' : 'xlf'}`);
    const exported = await run(['export', '--locale', 'en', '--format', format, '--out', file, '--dir', dir]);
    expect(exported.code, exported.stderr).toBe(0);
    await rm(join(dir, 'content', 'en'), { recursive: true });

    const imported = await run(['import', '--locale', 'en', file, '--dir', dir]);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(imported.stdout).toContain('wrote content/en/complaint.yaml');
    expect((await readdir(join(dir, 'content', 'en'))).sort()).toEqual((await readdir(join(ROOT, 'content', 'da'))).sort());
    const written = await readFile(join(dir, 'content', 'en', 'complaint.yaml'), 'utf8');
    expect(written.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/content.schema.json');

    const after = await loadBundle(dir, CONTENT_NAMES);
    expect(after.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(english(after.bundle!)).toEqual(english(before));
  });

  it('writes a new locale grouped like the Danish files, and lists what is still untranslated', async () => {
    const dir = await copyOfContent();
    const csv = 'key,uk\r\nmenu.ask_topic,З чим вам допомогти?\r\nintents.repeat,повторити | ще раз\r\n';
    await writeFile(join(dir, 'uk.csv'), csv);
    const result = await run(['import', '--locale', 'uk', join(dir, 'uk.csv'), '--dir', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('wrote content/uk/menu.yaml');
    expect(result.stdout).toMatch(/\d+ text\(s\) have no uk translation yet/);
    expect(result.stdout).toContain('Add uk under locales: in content/settings.yaml');
    expect(await readFile(join(dir, 'content', 'uk', 'menu.yaml'), 'utf8')).toContain('menu.ask_topic: З чим вам допомогти?');
    expect(await readFile(join(dir, 'content', 'uk', 'intents.yaml'), 'utf8')).toContain('repeat: [повторити, ще раз]');
  });

  it('exports every text for a translator with its key, the Danish source and its context: flow, node, note and law', async () => {
    const dir = await copyOfContent();
    for (const format of ['csv', 'xliff'] as const) {
      const file = join(dir, `ar.${format}`);
      const result = await run(['export', '--locale', 'ar', '--format', format, '--out', file, '--dir', dir]);
      expect(result.code, result.stderr).toBe(0);
      const text = await readFile(file, 'utf8');
      if (format === 'csv') {
        const rows = new Map(parseCsv(text).map((row) => [row.fields[0], row.fields]));
        expect(rows.get('key')).toEqual(['key', 'da', 'ar', 'context', 'note', 'legal_source']);
        expect(rows.get('complaint.deadline_result')).toEqual([
          'complaint.deadline_result',
          expect.stringContaining('Din sidste frist for at klage er **{deadline.date:date}**'),
          expect.stringContaining('{deadline.date:date}'),
          'complaint/in_time (message)',
          '',
          'Retssikkerhedsloven § 67, stk. 1',
        ]);
        // Not yet translated into Arabic: the Danish source, its flow and node, the translator's note and the law.
        expect(rows.get('rights.papers_time')).toEqual([
          'rights.papers_time',
          expect.stringContaining('7 arbejdsdage'),
          '',
          'rights/papers (message)',
          expect.stringContaining('offentlighedsloven § 36'),
          'Forvaltningsloven § 16, stk. 2',
        ]);
        expect(rows.get('complaint.letter_body')?.[3]).toBe('complaint/letter (document text: a letter the citizen sends)');
        expect(rows.get('intents.repeat')?.[2]).toContain('كرر');
      } else {
        expect(text).toContain('target-language="ar"');
        expect(text).toMatch(
          /<trans-unit id="complaint\.deadline_result"[^>]*>\s*<source>Din sidste frist[^<]*<\/source>\s*<target state="translated">[^<]*<\/target>\s*<note from="context" annotates="general">complaint\/in_time \(message\)<\/note>\s*<note from="legal-source" annotates="general">Retssikkerhedsloven § 67, stk\. 1<\/note>/,
        );
      }
    }
  });

  it('imports a partial translation, validated: a lost placeholder or an unknown key is refused; what is missing is listed', async () => {
    const dir = await copyOfContent();
    const file = join(dir, 'ar.xlf');
    expect((await run(['export', '--locale', 'ar', '--format', 'xliff', '--out', file, '--dir', dir])).code).toBe(0);
    const exported = await readFile(file, 'utf8');
    const broken = exported.replace(/(<trans-unit id="complaint\.deadline_result"[^>]*>\s*<source>[^<]*<\/source>\s*<target[^>]*>[^<]*)\{deadline\.date:date\}/, '$1{deadline.date}');
    expect(broken).not.toBe(exported);
    await writeFile(file, broken.replace('id="complaint.intro" resname="complaint.intro"', 'id="complaint.intro_old" resname="complaint.intro_old"'));
    const refused = await run(['import', '--locale', 'ar', file, '--dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('"complaint.intro_old" is not a text in content/da/');
    expect(refused.stderr).toContain('"complaint.deadline_result": the placeholders must be kept exactly as in Danish');
    expect(refused.stderr).toContain('nothing was written');

    await writeFile(file, exported);
    const imported = await run(['import', '--locale', 'ar', file, '--dir', dir]);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/\d+ text\(s\) have no ar translation yet and are shown in the fallback language: /);
  });

  it('writes nothing when the translation has errors', async () => {
    const dir = await copyOfContent();
    await writeFile(join(dir, 'bad.csv'), 'key,en\r\ncomplaint.deadline_result,Your last day is {deadline.date}.\r\n');
    const before = await readFile(join(dir, 'content', 'en', 'complaint.yaml'), 'utf8');
    const result = await run(['import', '--locale', 'en', join(dir, 'bad.csv'), '--dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('complaint.deadline_result": the placeholders must be kept exactly');
    expect(result.stderr).toContain('nothing was written');
    expect(await readFile(join(dir, 'content', 'en', 'complaint.yaml'), 'utf8')).toBe(before);
  });

  it('explains its arguments', async () => {
    expect((await run(['export'])).stderr).toContain('--locale needs a language code');
    expect((await run(['import', '--locale', 'da', 'x.csv'])).stderr).toContain('Danish is the source language');
    expect((await run(['translate'])).code).toBe(2);
  });
});
