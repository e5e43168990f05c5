import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/content/index.js';
import { FIXTURE, NOW, problemsOf, writeBundle } from './helpers.js';

describe('loadBundle', () => {
  it('loads the fixture bundle with no problems', async () => {
    const { bundle, problems } = await loadBundle(FIXTURE, { now: NOW, knownEffects: [], knownComputes: ['complaintDeadline'] });
    expect(problems).toEqual([]);
    expect(bundle?.mainFlow).toBe('main');
    expect(bundle?.defaultMunicipality).toBe('demo');
    expect(bundle?.locales).toEqual(['da', 'en', 'da-LET']);
    expect(bundle?.localeInfo['da-LET']).toEqual({ name: 'Let dansk', dir: 'ltr', fallback: 'da' });
    expect(bundle?.localeInfo.en).toEqual({ name: 'English', dir: 'ltr' });
    expect(bundle?.intents.da?.back).toEqual(['tilbage']);
    expect(bundle?.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('applies a municipality overlay: replaced nodes and overriding texts, base texts underneath', async () => {
    const { bundle } = await loadBundle(FIXTURE, { now: NOW });
    const demo = bundle!.municipalities.demo!;
    expect(demo.municipality.name).toBe('Demo Kommune');
    expect(demo.flows.main!.nodes.contact!.say).toContain('main.contact_hours');
    expect(demo.flows.main!.nodes.start).toBeDefined();
    expect(demo.flows.system!.nodes.help).toBeDefined();
    expect(demo.texts.da!['main.contact_link']!.text).toBe('Demo Kommunes side om klager');
    expect(demo.texts.en!['main.contact_link']!.text).toBe("The municipality's page about complaints");
  });

  it('normalises plain texts to { text } and keeps the entry fields', async () => {
    const { bundle } = await loadBundle(FIXTURE, { now: NOW });
    const da = bundle!.municipalities.demo!.texts.da!;
    expect(da['main.title']).toEqual({ text: 'Klage over en afgørelse' });
    expect(da['main.choice_deadline']).toEqual({ text: 'Find fristen for at klage', synonyms: ['frist', 'klagefrist'] });
  });

  it('gives a locale only its own texts (the engine falls back), and translations inherit source and reviewed from da', async () => {
    const { bundle } = await loadBundle(FIXTURE, { now: NOW });
    const texts = bundle!.municipalities.demo!.texts;
    expect(Object.keys(texts['da-LET']!)).toEqual(['main.welcome', 'main.complaint_rule']);
    expect(texts.en!['main.complaint_rule']).toMatchObject({ source: 'Retssikkerhedsloven § 67, stk. 1', reviewed: '2026-01-15', legal: true });
    expect(texts['da-LET']!['main.complaint_rule']!.source).toBe('Retssikkerhedsloven § 67, stk. 1');
  });

  it('changes the version when any file changes, and only then', async () => {
    const dir = await writeBundle({}, {});
    await cp(FIXTURE, dir, { recursive: true });
    const before = (await loadBundle(dir, { now: NOW })).bundle!.version;
    expect((await loadBundle(dir, { now: NOW })).bundle!.version).toBe(before);
    const file = join(dir, 'content/da/main.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Farvel', 'Farvel og tak'));
    expect((await loadBundle(dir, { now: NOW })).bundle!.version).not.toBe(before);
  });

  it('returns no bundle when there is an error, and a bundle with warnings only', async () => {
    const broken = await loadBundle(await writeBundle({ 'flows/main.yaml': 'id: main\n' }), { now: NOW });
    expect(broken.bundle).toBeUndefined();
    const warned = await loadBundle(await writeBundle({ 'content/da/extra.yaml': 'main.unused: Ikke brugt\n' }), { now: NOW });
    expect(warned.bundle).toBeDefined();
    expect(warned.problems.map((p) => p.severity)).toEqual(['warning']);
  });

  it('reports a missing folder or settings file instead of throwing', async () => {
    expect(await problemsOf({ 'content/settings.yaml': undefined })).toContain(
      'content/settings.yaml:1:1  content/settings.yaml is missing  (hint: create it)',
    );
    const { problems } = await loadBundle(join(FIXTURE, 'no-such-folder'));
    expect(problems.map((p) => p.file)).toEqual(['content/settings.yaml', 'flows/']);
  });
});
