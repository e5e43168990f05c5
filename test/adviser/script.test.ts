/**
 * Adviser scripts: a snapshot of every real flow as Markdown and HTML (update
 * with `npx vitest run test/adviser -u` after a content change, and read the
 * diff), and structural checks that hold for any content: every node is in its
 * script, every "gå til" points at a step that exists, nothing from a content
 * string becomes HTML.
 */
import { describe, expect, it } from 'vitest';
import { buildScript, type Script } from '../../src/adviser/script-model.js';
import { scriptToHtml } from '../../src/adviser/script-html.js';
import { scriptToMarkdown } from '../../src/adviser/script-markdown.js';
import { adviserBundle } from './adviser-bundle.js';
import { FLOW_IDS, realBundle } from './real-bundle.js';

function localJumps(script: Script): string[] {
  return script.sections.flat().flatMap((step) => [...step.routes, ...step.choices.flatMap((c) => c.routes)].filter((r) => r.jump.kind === 'local').map((r) => r.jump.number ?? ''));
}

describe('script snapshots of the real flows', () => {
  it('finds the flows', () => {
    expect(FLOW_IDS).toContain('complaint');
  });

  it.each(FLOW_IDS)('%s as Markdown and HTML', async (flow) => {
    const bundle = await realBundle();
    const script = buildScript(bundle, { flow })!;
    await expect(scriptToMarkdown(script)).toMatchFileSnapshot(`__snapshots__/${flow}.script.md`);
    await expect(scriptToHtml(script)).toMatchFileSnapshot(`__snapshots__/${flow}.script.html`);
  });
});

describe('script structure of the real flows', () => {
  it.each(FLOW_IDS)('%s: every node appears once, numbered, and every jump has a target', async (flow) => {
    const bundle = await realBundle();
    const script = buildScript(bundle, { flow })!;
    const nodeIds = Object.keys(bundle.municipalities[bundle.defaultMunicipality]!.flows[flow]!.nodes);
    const steps = script.sections.flat();
    expect(steps.map((s) => s.id).sort()).toEqual([...nodeIds].sort());
    const numbers = steps.map((s) => s.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const target of localJumps(script)) expect(numbers).toContain(target);
    const md = scriptToMarkdown(script);
    const html = scriptToHtml(script);
    for (const id of nodeIds) {
      expect(md).toContain(`· \`${id}\``);
      expect(html).toContain(`<code class="node-id">${id}</code>`);
    }
  });

  it('is the same every time it is built', async () => {
    const bundle = await realBundle();
    expect(scriptToHtml(buildScript(bundle, { flow: 'complaint' })!)).toBe(scriptToHtml(buildScript(bundle, { flow: 'complaint' })!));
  });

  it('fills in the municipality and keeps the citizen fields visible', async () => {
    const bundle = await realBundle();
    const [other] = Object.keys(bundle.municipalities).filter((id) => id !== bundle.defaultMunicipality);
    const md = scriptToMarkdown(buildScript(bundle, { flow: 'complaint', municipality: other })!);
    expect(md).toContain(bundle.municipalities[other!]!.municipality.name);
    expect(md).toContain('`{deadline.date:date}`');
  });
});

describe('script of a test flow', () => {
  const script = buildScript(adviserBundle(), { flow: 'advice' })!;
  const md = scriptToMarkdown(script);
  const html = scriptToHtml(script);

  it('numbers branches as sections and runs of plain steps within one', () => {
    const numbered = Object.fromEntries(script.sections.flat().map((s) => [s.id, s.number]));
    expect(numbered).toMatchObject({ start: '1.1', ask_date: '2.1', deadline: '2.2', helpers: '3.1', late: '4.1', in_time: '5.1', letter: '6.1' });
    expect(md).toContain('→ gå til [2.1](#n-ask_date)');
    expect(html).toContain('→ gå til <a href="#n-ask_date">2.1</a>');
  });

  it('explains conditions and computed values in words', () => {
    expect(md).toContain('**Hvis fristen er overskredet:** → gå til [4.1](#n-late)');
    expect(md).toContain('**Ellers:** → gå til [5.1](#n-in_time)');
    expect(md).toContain('**Kun hvis:** svaret på „Hvordan fik du afgørelsen?“ er „På skrift "A" #1“');
    expect(md).toContain('Kun hvis: kommunen har en borgerrådgiver');
    expect(md).toContain('Den sidste dag for at klage er 4 uger efter');
    expect(md).toContain('`deadline` = complaintDeadline(`decision_date`, `kind`)');
  });

  it('shows the law behind a text, its review date, link and note', () => {
    expect(md).toContain('_Kilde: Retssikkerhedsloven § 67 · gennemgået 2026-01-15_ · <https://www.retsinformation.dk/eli/lta/2024/261>');
    expect(md).toContain('_Note: Shown when the deadline has not passed._');
    expect(html).toContain('<a href="https://www.retsinformation.dk/eli/lta/2024/261">');
  });

  it('names jumps to other flows, effects, broken references, unreachable steps and dead ends', () => {
    expect(md).toContain('→ skift til samtalen „Anden samtale“, trin hello');
    expect(md).toContain('→ skift til samtalen „Anden samtale“, trin bye');
    expect(md).toContain('→ mangler: advice/nowhere');
    expect(md).toContain('`storeAdviserRequest`: gemmer en anmodning');
    const flagged = (id: string) => script.sections.flat().find((s) => s.id === id)!;
    expect(flagged('orphan')).toMatchObject({ unreachable: true, deadEnd: false });
    expect(flagged('stuck')).toMatchObject({ unreachable: true, deadEnd: true });
    expect(md).toContain('Blindgyde: der er ingen vej videre fra dette trin.');
  });

  it('lists letters and checklists in an appendix with their fields visible', () => {
    expect(script.attachments.map((a) => [a.kind, a.steps, a.fields])).toEqual([
      ['document', ['6.1'], ['{decision_date:date-short|[dato]}']],
      ['checklist', ['6.1'], []],
    ]);
    expect(md).toContain('Til Demo Kommune');
    expect(md).toContain('- [ ] Skriv, hvorfor du klager for sent. _(Kun hvis: fristen er overskredet)_');
  });

  it('never lets HTML from a content string through', () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(md).not.toContain('<script');
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
  });

  it('speaks English to an English-speaking adviser', () => {
    const en = scriptToMarkdown(buildScript(adviserBundle(), { flow: 'advice', locale: 'en' })!);
    expect(en).toContain('# Advice on complaints: script for advisers');
    expect(en).toContain('**If the deadline has passed:** → go to [4.1](#n-late)');
    expect(en).toContain('the answer to “How did you get the decision?”');
  });

  it('has no script for a flow that does not exist', () => {
    expect(buildScript(adviserBundle(), { flow: 'nope' })).toBeUndefined();
  });
});
