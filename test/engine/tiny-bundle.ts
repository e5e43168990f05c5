/** A small in-memory bundle for engine tests: a menu, a complaint-like flow and the system flow. */
import type { Bundle, ContentTable, Flow, Municipality } from '../../src/engine/types.js';

const texts: Record<string, Record<string, string | { text: string; synonyms?: string[]; source?: string; reviewed?: string }>> = {
  da: {
    'menu.title': 'Menu',
    'menu.welcome': 'Hej. Hvad vil du have hjælp til?',
    'menu.complaint': { text: 'Jeg vil klage', synonyms: ['klage', 'anke'] },
    'menu.rights': { text: 'Mine rettigheder', synonyms: ['ret'] },
    'menu.bye': 'Afslut samtalen',
    'menu.goodbye': 'Farvel.',
    'menu.many': 'Vælg et tal.',
    'menu.n1': 'En', 'menu.n2': 'To', 'menu.n3': 'Tre', 'menu.n4': 'Fire',
    'menu.n5': 'Fem', 'menu.n6': 'Seks', 'menu.n7': 'Syv', 'menu.n8': 'Otte',
    'complaint.title': 'Klage',
    'complaint.has_decision': 'Har du fået en skriftlig afgørelse?',
    'complaint.yes': { text: 'Ja', synonyms: ['jo', 'jep', 'ok'] },
    'complaint.no': { text: 'Nej', synonyms: ['nej tak', 'næ'] },
    'complaint.ask_date': 'Hvilken dato står der på afgørelsen?',
    'complaint.deadline': {
      text: 'Din sidste frist er {deadline.date:date}.',
      source: 'Retssikkerhedsloven § 67, stk. 1',
      reviewed: '2026-11-23',
    },
    'complaint.passed': 'Fristen er overskredet, men du kan stadig klage.',
    'complaint.ask_name': 'Hvad hedder du?',
    'complaint.letter_title': 'Klage',
    'complaint.letter_body': 'Til {municipality.name}. Afgørelse af {decision_date:date-short|[dato]}. Fra {name|[Dit navn]}.',
    'complaint.link': 'Se sagsbehandlingstider',
    'complaint.checklist': 'Husk',
    'complaint.item_date': 'Datoen {decision_date:date-short}',
    'complaint.item_no_date': 'Find datoen',
    'survey.q': 'Får du den hjælp, du har brug for?',
    'system.title': 'System',
    'system.help': 'Du kan skrive tilbage, forfra eller tal med et menneske.',
    'system.human': 'Ring til {municipality.contacts.citizen_service.phone}.',
    'system.not_understood': 'Det forstod jeg ikke. Vælg en af mulighederne.',
    'system.content_changed': 'Undskyld, samtalen er blevet ændret. Vi starter forfra.',
    'system.cannot_go_back': 'Du er ved begyndelsen.',
    'system.date_invalid': 'Skriv datoen som 3. marts 2026.',
    'system.date_in_future': 'Datoen må ikke ligge i fremtiden.',
    'system.text_required': 'Skriv venligst et svar.',
    'system.text_too_long': 'Svaret er for langt.',
    'system.more_choices': 'Flere muligheder',
    'system.scale_3': 'I høj grad',
    'system.scale_2': 'I nogen grad',
    'system.scale_1': 'I mindre grad',
    'system.scale_0': 'Slet ikke',
    'system.scale_unknown': 'Ved ikke',
    'system.skipped': 'Sprunget over',
  },
  en: {
    'menu.welcome': 'Hello. What do you need help with?',
    'menu.complaint': { text: 'I want to complain', synonyms: ['complain', 'appeal'] },
    'complaint.has_decision': 'Have you had a written decision?',
    'complaint.yes': 'Yes',
    'complaint.no': 'No',
    'complaint.deadline': 'Your last day is {deadline.date:date}.',
  },
};

const flows: Flow[] = [
  {
    id: 'menu',
    title: 'menu.title',
    entry: 'start',
    nodes: {
      start: {
        say: ['menu.welcome'],
        ask: {
          choice: [
            { id: 'complaint', label: 'menu.complaint', next: { flow: 'complaint' } },
            { id: 'rights', label: 'menu.rights', next: 'many' },
            { id: 'bye', label: 'menu.bye', next: 'goodbye' },
          ],
        },
      },
      many: {
        say: ['menu.many'],
        ask: {
          choice: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8'].map((id) => ({ id, label: `menu.${id}`, next: 'start' })),
        },
      },
      goodbye: { say: ['menu.goodbye'], end: true },
    },
  },
  {
    id: 'complaint',
    title: 'complaint.title',
    entry: 'has_decision',
    nodes: {
      has_decision: {
        say: ['complaint.has_decision'],
        ask: {
          choice: [
            { id: 'yes', label: 'complaint.yes', next: 'ask_date', set: { written: true } },
            { id: 'no', label: 'complaint.no', next: { flow: 'menu' } },
          ],
        },
      },
      ask_date: {
        say: ['complaint.ask_date'],
        ask: { date: { notAfter: 'today' } },
        slot: 'decision_date',
        next: 'deadline',
      },
      deadline: {
        compute: { deadline: { fn: 'complaintDeadline', args: { decisionDate: 'decision_date', delivery: 'delivery' } } },
        say: [
          'complaint.deadline',
          { text: 'complaint.passed', if: { slot: 'deadline.passed', equals: true } },
          { link: { label: 'complaint.link', href: '{municipality.pages.processing_times}' } },
          { link: { label: 'complaint.link', href: '{municipality.pages.missing_page}' } },
        ],
        next: 'ask_name',
      },
      ask_name: {
        say: ['complaint.ask_name'],
        ask: { text: { inputMode: 'name', optional: true, maxLength: 40 } },
        slot: 'name',
        next: 'letter',
      },
      letter: {
        do: ['storeAdviserRequest'],
        say: [
          {
            checklist: {
              title: 'complaint.checklist',
              items: [
                { text: 'complaint.item_date', if: { slot: 'decision_date', exists: true } },
                { text: 'complaint.item_no_date', if: { slot: 'decision_date', exists: false } },
              ],
            },
          },
          { document: { id: 'complaint_letter', title: 'complaint.letter_title', body: 'complaint.letter_body' } },
        ],
        question: 'survey.q',
        ask: { scale: {} },
        slot: 'survey_help',
        next: { flow: 'menu' },
      },
    },
  },
  {
    id: 'system',
    title: 'system.title',
    entry: 'help',
    nodes: Object.fromEntries(
      ['help', 'human', 'not_understood', 'content_changed', 'cannot_go_back', 'date_invalid', 'date_in_future', 'text_required', 'text_too_long'].map(
        (name) => [name, { say: [`system.${name}`] }],
      ),
    ),
  },
];

const municipality: Municipality = {
  id: 'demo',
  name: 'Demo Kommune',
  fictional: true,
  contacts: { citizen_service: { phone: '70 00 00 00' }, borgerraadgiver: null },
  pages: { processing_times: 'https://example.org/frister' },
};

function table(locale: string): ContentTable {
  return Object.fromEntries(
    Object.entries(texts[locale]!).map(([key, value]) => [key, typeof value === 'string' ? { text: value } : value]),
  );
}

export function tinyBundle(): Bundle {
  const flowMap = Object.fromEntries(flows.map((f) => [f.id, f]));
  return {
    version: 'tiny-1',
    locales: ['da', 'en', 'da-LET'],
    localeInfo: {
      da: { name: 'Dansk', dir: 'ltr' },
      en: { name: 'English', dir: 'ltr' },
      'da-LET': { name: 'Let dansk', dir: 'ltr', fallback: 'da' },
    },
    defaultMunicipality: 'demo',
    mainFlow: 'menu',
    municipalities: { demo: { municipality, flows: flowMap, texts: { da: table('da'), en: table('en'), 'da-LET': {} } } },
    intents: {
      da: { back: ['tilbage'], restart: ['forfra', 'start forfra'], help: ['hjælp'], human: ['tal med et menneske', 'menneske'], repeat: ['gentag'] },
      en: { back: ['back'], restart: ['start over'], help: ['help'], human: ['talk to a person'], repeat: ['repeat'] },
    },
  };
}
