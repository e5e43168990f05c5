/**
 * A small hand-built Bundle for the adviser tools' tests: a flow with a
 * choice, a date, a computed deadline with branches on it, a conditional
 * text, a jump to another flow, a checklist and a letter with fields, plus one
 * node no start reaches, one dead end and one broken reference. Texts hold
 * HTML, quotes and Mermaid syntax to prove that every output escapes them.
 */
import type { Bundle, ContentEntry, ContentTable, Flow } from '../../src/engine/types.js';

const advice: Flow = {
  id: 'advice',
  title: 'advice.title',
  entry: 'start',
  nodes: {
    start: {
      say: ['advice.intro'],
      question: 'advice.ask_kind',
      slot: 'kind',
      ask: {
        choice: [
          { id: 'written', label: 'advice.choice_written', next: 'ask_date' },
          { id: 'oral', label: 'advice.choice_oral', next: { flow: 'other' } },
          { id: 'help', label: 'advice.choice_help', next: 'helpers', if: { slot: 'municipality.contacts.borgerraadgiver', exists: true } },
        ],
      },
    },
    ask_date: { question: 'advice.ask_date', slot: 'decision_date', ask: { date: { notAfter: 'today' } }, next: 'deadline' },
    deadline: {
      compute: { deadline: { fn: 'complaintDeadline', args: { decisionDate: 'decision_date', delivery: 'kind' } } },
      next: [
        { if: { slot: 'deadline.passed', equals: true }, to: 'late' },
        { to: 'in_time' },
      ],
    },
    late: { say: ['advice.late'], next: 'letter' },
    in_time: {
      say: ['advice.in_time', { text: 'advice.written_only', if: { slot: 'kind', in: ['written'] } }],
      next: 'letter',
    },
    letter: {
      say: [
        { document: { id: 'letter', title: 'advice.letter_title', body: 'advice.letter_body' } },
        { checklist: { title: 'advice.checklist_title', items: [{ text: 'advice.item_copy' }, { text: 'advice.item_late', if: { slot: 'deadline.passed', equals: true } }] } },
      ],
      question: 'advice.ask_done',
      ask: { choice: [{ id: 'done', label: 'advice.choice_done', next: { flow: 'other', node: 'bye' } }, { id: 'broken', label: 'advice.choice_broken', next: 'nowhere' }] },
    },
    helpers: { say: ['advice.helpers'], do: ['storeAdviserRequest'], next: 'start' },
    orphan: { say: ['advice.orphan'], next: 'start' },
    stuck: { say: ['advice.stuck'] },
  },
};

const other: Flow = {
  id: 'other',
  title: 'other.title',
  entry: 'hello',
  nodes: {
    hello: { say: ['other.hello'], next: 'bye' },
    bye: { say: ['other.bye'], end: true },
  },
};

const system: Flow = { id: 'system', title: 'system.title', entry: 'help', nodes: { help: { say: ['system.help'] } } };

function table(texts: Record<string, string | ContentEntry>): ContentTable {
  return Object.fromEntries(Object.entries(texts).map(([key, v]) => [key, typeof v === 'string' ? { text: v } : v]));
}

const da = table({
  'advice.title': 'Råd om klage',
  'advice.intro': 'Hej. Jeg hjælper dig med **fristen**. <script>alert("x")</script>',
  'advice.ask_kind': 'Hvordan fik du afgørelsen?',
  'advice.choice_written': 'På skrift "A" #1',
  'advice.choice_oral': 'Mundtligt [x] | {y}',
  'advice.choice_help': 'Jeg vil tale med nogen',
  'advice.ask_date': 'Hvilken dato står der på afgørelsen?',
  'advice.late': { text: 'Fristen var {deadline.date:date}.', source: 'Retssikkerhedsloven § 67', sourceUrl: 'https://www.retsinformation.dk/eli/lta/2024/261', reviewed: '2026-01-15', legal: true },
  'advice.in_time': { text: 'Din frist er **{deadline.date:date}**.', source: 'Retssikkerhedsloven § 67', reviewed: '2026-01-15', note: 'Shown when the deadline has not passed.' },
  'advice.written_only': 'Du har den på skrift.',
  'advice.letter_title': 'Klage over afgørelse af {decision_date:date-short|[dato]}',
  'advice.letter_body': 'Til {municipality.name}\n\nJeg klager over afgørelsen af {decision_date:date-short|[dato]}.\n\nVenlig hilsen\n[Dit navn]',
  'advice.checklist_title': 'Husk',
  'advice.item_copy': 'Gem en kopi.',
  'advice.item_late': 'Skriv, hvorfor du klager for sent.',
  'advice.ask_done': 'Er du færdig?',
  'advice.choice_done': 'Ja',
  'advice.choice_broken': 'Noget andet',
  'advice.helpers': 'Ring til {municipality.contacts.borgerraadgiver.name|borgerrådgiveren}.',
  'advice.orphan': 'Denne tekst vises aldrig.',
  'advice.stuck': 'Her stopper det.',
  'other.title': 'Anden samtale',
  'other.hello': 'Hej fra den anden samtale.',
  'other.bye': 'Farvel.',
  'system.title': 'System',
  'system.help': 'Hjælp.',
});

const en = table({ 'advice.title': 'Advice on complaints', 'advice.ask_kind': 'How did you get the decision?' });

export function adviserBundle(): Bundle {
  return {
    version: 'adviser-test-1',
    locales: ['da', 'en'],
    localeInfo: { da: { name: 'Dansk', dir: 'ltr' }, en: { name: 'English', dir: 'ltr', fallback: 'da' } },
    defaultMunicipality: 'demo',
    mainFlow: 'other',
    municipalities: {
      demo: {
        municipality: { id: 'demo', name: 'Demo Kommune', contacts: { citizen_service: { phone: '70 10 20 30' }, borgerraadgiver: { name: 'Borgerrådgiver Bo' } } },
        flows: { advice, other, system },
        texts: { da, en },
      },
    },
    intents: { da: { back: ['tilbage'] }, en: { back: ['back'] } },
  };
}
