/** How content files are found and read: encodings, folder names and file names editors get wrong. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadBundle } from '../../src/content/index.js';
import { NOW, load, writeBundle, yaml } from './helpers.js';

const TEXTS = yaml('main.title: Titel', 'main.hello: Vi kan hjælpe');
const SAVE_AS_UTF8 = 'save the file as UTF-8 in your editor (often under "Save as" or "Encoding"), then check that æ, ø and å look right';

/** The bundle's problems, formatted, after `content/da/main.yaml` is replaced by `bytes`. */
async function problemsWithTexts(bytes: Uint8Array): Promise<{ problems: string[]; hello?: string }> {
  const dir = await writeBundle();
  await writeFile(join(dir, 'content/da/main.yaml'), bytes);
  const { bundle, problems } = await loadBundle(dir, { now: NOW });
  return { problems: problems.map(formatProblem), hello: bundle?.municipalities.demo?.texts.da?.['main.hello']?.text };
}

describe('reading content files', () => {
  it('points at the first letter of a file saved as Latin-1 ("ANSI"), instead of serving broken letters', async () => {
    const { problems, hello } = await problemsWithTexts(Buffer.from(TEXTS, 'latin1'));
    expect(hello).toBeUndefined();
    expect(problems).toEqual([`content/da/main.yaml:2:22  this file is not saved as UTF-8: the character here cannot be read  (hint: ${SAVE_AS_UTF8})`]);
  });

  it('says a file saved as UTF-16 ("Unicode") must be saved as UTF-8', async () => {
    for (const bom of [[0xff, 0xfe], [0xfe, 0xff]]) {
      const text = Buffer.from(TEXTS, 'utf16le');
      if (bom[0] === 0xfe) text.swap16();
      const { problems } = await problemsWithTexts(Buffer.concat([Buffer.from(bom), text]));
      expect(problems).toEqual([`content/da/main.yaml:1:1  this file is saved as UTF-16 ("Unicode"), not UTF-8  (hint: ${SAVE_AS_UTF8})`]);
    }
  });

  it('says a file with NUL bytes, such as UTF-16 without a byte-order mark, is not UTF-8 text', async () => {
    const { problems } = await problemsWithTexts(Buffer.from(TEXTS, 'utf16le'));
    expect(problems).toEqual([`content/da/main.yaml:1:1  this file is not UTF-8 text: it holds NUL bytes, as a file saved as UTF-16 ("Unicode") does  (hint: ${SAVE_AS_UTF8})`]);
  });

  it('reads UTF-8 with or without a byte-order mark, and counts a real replacement character as a letter', async () => {
    expect(await problemsWithTexts(Buffer.from(TEXTS))).toEqual({ problems: [], hello: 'Vi kan hjælpe' });
    expect(await problemsWithTexts(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXTS)]))).toEqual({ problems: [], hello: 'Vi kan hjælpe' });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('main.title: Titel\nmain.hello: \uFFFD og '), Buffer.from('hjælp\n', 'latin1')]);
    expect((await problemsWithTexts(withBom)).problems).toEqual([`content/da/main.yaml:2:20  this file is not saved as UTF-8: the character here cannot be read  (hint: ${SAVE_AS_UTF8})`]);
  });

  it('warns about a folder in a municipality that is neither flows/ nor a listed language, with the likely name', async () => {
    const settings = yaml('mainFlow: main', 'defaultMunicipality: demo', 'locales:', '  da: { name: Dansk }', '  da-LET: { name: Let dansk, fallback: da }');
    const overrides = yaml('main.hello: Hej fra Demo');
    const overlay = yaml('id: main', 'nodes:', '  start:', '    say: [main.hello]', '    end: true');
    const { problems, bundle } = await load({
      'content/settings.yaml': settings,
      'content/municipalities/demo/dk/main.yaml': overrides,
      'content/municipalities/demo/da-let/main.yaml': overrides,
      'content/municipalities/demo/flow/main.yaml': overlay,
      'content/municipalities/demo/notes/todo.txt': 'x',
      'content/municipalities/demo/main.yaml': overrides,
      'content/municipalities/demo/municipality.yml': 'id: demo\n',
      'content/municipalities/demo/README.md': 'Noter\n',
    });
    const strayFile = (name: string, hint: string): string =>
      `content/municipalities/demo/${name}:1:1  warning: file "${name}" is not read: a municipality's folder holds municipality.yaml, flows/ and language folders  (hint: ${hint})`;
    const notRead = (name: string, hint: string): string =>
      `content/municipalities/demo/${name}/:1:1  warning: folder "${name}" is not read: it is neither flows/ nor a language listed in settings.yaml  (hint: ${hint})`;
    expect(problems.map(formatProblem)).toEqual([
      notRead('da-let', 'Did you mean "da-LET"? Rename the folder, or add the language under locales: in content/settings.yaml'),
      notRead('dk', 'Did you mean "da"? Rename the folder, or add the language under locales: in content/settings.yaml'),
      notRead('flow', 'Did you mean "flows"? Rename the folder, or add the language under locales: in content/settings.yaml'),
      strayFile('main.yaml', 'move it into a language folder such as da/ (texts) or into flows/ (flow changes)'),
      strayFile('municipality.yml', 'Did you mean "municipality.yaml"?'),
      notRead('notes', 'rename it to flows or to a language, or move it out of content/municipalities/'),
    ]);
    expect(bundle).toBeDefined();
  });

  it('warns that a file ending in .YAML, .yml or .YML is not read, and names it as it should be', async () => {
    const { problems } = await load({
      'flows/extra.YAML': 'id: extra\n',
      'content/da/more.yml': 'main.more: Mere\n',
      'content/municipalities/demo/da/menu.YML': 'main.hello: Hej\n',
    });
    const notRead = (path: string, name: string): string => `${path}:1:1  warning: this file is not read: YAML files here must end in ".yaml"  (hint: rename it to ${name})`;
    expect(problems.map(formatProblem)).toEqual([
      notRead('content/da/more.yml', 'more.yaml'),
      notRead('content/municipalities/demo/da/menu.YML', 'menu.yaml'),
      notRead('flows/extra.YAML', 'extra.yaml'),
    ]);
  });

  it('refuses a file over 256 KB before reading it as YAML', async () => {
    const huge = yaml('main.title: Titel', `main.hello: ${'Hej '.repeat(70_000)}`);
    const { problems, hello } = await problemsWithTexts(Buffer.from(huge));
    expect(hello).toBeUndefined();
    expect(problems).toEqual([
      'content/da/main.yaml:1:1  this file is too big: 274 KB, and a content file may be at most 256 KB  (hint: split it into smaller files (a language\'s texts may be spread over many files), or remove what is not needed)',
    ]);
    const largest = yaml('main.title: Titel', `main.hello: ${'Hej '.repeat(60_000)}`);
    expect((await problemsWithTexts(Buffer.from(largest))).problems).toEqual([]);
  });
});
