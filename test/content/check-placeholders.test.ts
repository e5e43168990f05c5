import { describe, expect, it } from 'vitest';
import { mainFlow, problemsOf, yaml } from './helpers.js';

const municipality = yaml(
  'id: demo',
  'name: Demo Kommune',
  'contacts:',
  '  citizen_service: { phone: "+45 11 22 33 44" }',
  '  borgerraadgiver: null',
  'pages:',
  '  processing_times: https://demo.dk/tider',
);

async function placeholderProblems(texts: string, flow?: string): Promise<string[]> {
  const files = {
    'content/municipalities/demo/municipality.yaml': municipality,
    'content/da/main.yaml': yaml('main.title: Titel', texts),
    ...(flow ? { 'flows/main.yaml': flow } : {}),
  };
  return (await problemsOf(files)).filter((p) => !p.includes('is not used by any flow'));
}

describe('placeholders', () => {
  it('checks municipality paths against what a municipality.yaml holds, with a did-you-mean', async () => {
    const texts = yaml(
      'main.hello: "Hej fra {municipality.nmae}."',
      'main.phone: "Ring på {municipality.contacts.citizen_service.phon}."',
      'main.page: "Se {municipality.pages.procesing_times}."',
      'main.group: "Ring til {municipality.contacts.citizen_service}."',
      'main.deep: "{municipality.name.first}"',
      'main.unset: "Ring til {municipality.contacts.mayor.phone}."',
    );
    expect(await placeholderProblems(texts)).toEqual([
      'content/da/main.yaml:2:22  {municipality.nmae}: a municipality has no "nmae"  (hint: Did you mean "municipality.name"?)',
      'content/da/main.yaml:3:22  {municipality.contacts.citizen_service.phon}: "municipality.contacts.citizen_service" has no "phon"  (hint: Did you mean "municipality.contacts.citizen_service.phone"?)',
      'content/da/main.yaml:4:16  {municipality.pages.procesing_times}: no municipality.yaml sets pages.procesing_times  (hint: Did you mean "municipality.pages.processing_times"?)',
      'content/da/main.yaml:5:23  {municipality.contacts.citizen_service}: "municipality.contacts.citizen_service" is a group of values, not one  (hint: name one of them, e.g. {municipality.contacts.citizen_service.name})',
      'content/da/main.yaml:6:13  {municipality.name.first}: "municipality.name" is one value: it has no "first"  (hint: write {municipality.name})',
      'content/da/main.yaml:7:23  {municipality.contacts.mayor.phone}: no municipality.yaml sets contacts.mayor  (hint: add mayor under contacts: in content/municipalities/<id>/municipality.yaml, or check the spelling)',
    ]);
  });

  it('accepts what a municipality sets or may set, and a free name no municipality sets yet when there is a fallback', async () => {
    const texts = yaml(
      'main.hello: "{municipality.name} ({municipality.id}): ring {municipality.contacts.citizen_service.phone}."',
      'main.other: "{municipality.contacts.handicapraad.email|-} {municipality.pages.processing_times} {municipality.facts.request_days|30}"',
    );
    expect(await placeholderProblems(texts)).toEqual([]);
  });

  it('reports braces that are not a placeholder, with the form that would be', async () => {
    const texts = yaml(
      'main.hello: Hej',
      'main.upper: "Hej fra {Municipality.name}."',
      'main.spaces: "Hej fra { municipality.name }."',
      'main.format: "Du fik den {decision_date:Dato|den dag}."',
      'main.open: "Hej fra {municipality.name og {municipality.name}."',
      'main.close: "Hej}"',
      'main.other: "Skriv {dit navn} her."',
    );
    expect(await placeholderProblems(texts)).toEqual([
      'content/da/main.yaml:3:22  {Municipality.name} is not a placeholder, so readers would see it as written  (hint: write {municipality.name})',
      'content/da/main.yaml:4:23  { municipality.name } is not a placeholder, so readers would see it as written  (hint: write {municipality.name})',
      'content/da/main.yaml:5:26  {decision_date:Dato|den dag} is not a placeholder, so readers would see it as written  (hint: write {decision_date:date|den dag})',
      'content/da/main.yaml:6:21  a "{" is not closed, so readers would see it as written  (hint: close the placeholder with }, e.g. {municipality.name})',
      'content/da/main.yaml:7:17  a "}" has no "{" before it, so readers would see it as written  (hint: remove it, or open the placeholder with {)',
      'content/da/main.yaml:8:20  {dit navn} is not a placeholder, so readers would see it as written  (hint: a placeholder is a slot or municipality.… in braces, lower-case and without spaces, e.g. {decision_date:date} or {municipality.name})',
    ]);
  });

  it('checks municipality paths in conditions and links of a flow', async () => {
    const flow = mainFlow(
      '  start:',
      '    say:',
      '      - { text: main.hello, if: { slot: municipality.contacts.borgeraadgiver, exists: false } }',
      '      - { text: main.hello, if: { slot: municipality.contacts.handicap_counselling, exists: true } }',
      '      - link: { label: main.hello, href: "{municipality.pages.processing_time}" }',
      '    end: true',
    );
    expect(await placeholderProblems(yaml('main.hello: Hej'), flow)).toEqual([
      'flows/main.yaml:7:41  slot "municipality.contacts.borgeraadgiver": no municipality.yaml sets contacts.borgeraadgiver  (hint: Did you mean "municipality.contacts.borgerraadgiver"?)',
      'flows/main.yaml:9:43  {municipality.pages.processing_time}: no municipality.yaml sets pages.processing_time  (hint: Did you mean "municipality.pages.processing_times"?)',
    ]);
  });
});
