/**
 * A tiny hand-built Bundle for tests of the service and the HTTP layer, so they
 * do not depend on the wording of the real content. A menu with a date question,
 * a letter journey with a document and a consent choice that stores an adviser
 * request, and the system messages.
 */
import type { Bundle, ContentTable, Flow } from '../../src/engine/types.js';

const menu: Flow = {
  id: 'menu',
  title: 'menu.title',
  entry: 'welcome',
  nodes: {
    welcome: {
      say: ['menu.welcome'],
      question: 'menu.ask',
      slot: 'topic_choice',
      ask: {
        choice: [
          { id: 'date', label: 'menu.choice_date', next: 'ask_date' },
          { id: 'letter', label: 'menu.choice_letter', next: { flow: 'letter' } },
          { id: 'end', label: 'menu.choice_end', next: 'goodbye' },
        ],
      },
    },
    ask_date: { question: 'menu.ask_date', slot: 'decision_date', ask: { date: { notAfter: 'today' } }, next: 'confirm' },
    confirm: { say: ['menu.confirm'], next: 'welcome' },
    goodbye: { say: ['system.goodbye'], end: true },
  },
};

const letter: Flow = {
  id: 'letter',
  title: 'letter.title',
  entry: 'ask_name',
  nodes: {
    ask_name: { question: 'letter.ask_name', slot: 'contact_name', ask: { text: { inputMode: 'name', maxLength: 200 } }, next: 'show' },
    show: {
      say: [{ document: { id: 'complaint_letter', title: 'letter.doc_title', body: 'letter.doc_body' } }],
      question: 'letter.ask_consent',
      ask: {
        choice: [
          { id: 'yes', label: 'letter.consent_yes', set: { consent: 'yes', topic: 'complaint' }, next: 'save' },
          { id: 'no', label: 'letter.consent_no', next: { flow: 'menu' } },
        ],
      },
    },
    save: { say: ['letter.saved'], do: ['storeAdviserRequest'], next: { flow: 'menu' } },
  },
};

const SYSTEM_NODES = ['help', 'human', 'not_understood', 'content_changed', 'cannot_go_back', 'date_invalid', 'date_in_future', 'text_required', 'text_too_long', 'goodbye'];
const system: Flow = {
  id: 'system',
  title: 'system.title',
  entry: 'help',
  nodes: Object.fromEntries(SYSTEM_NODES.map((name) => [name, { say: [`system.${name}`] }])),
};

function table(texts: Record<string, string>): ContentTable {
  return Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, { text }]));
}

const da = table({
  'menu.title': 'Menu',
  'menu.welcome': 'Velkommen til **Medspiller**.',
  'menu.ask': 'Hvad vil du gerne?',
  'menu.choice_date': 'Regn en frist ud',
  'menu.choice_letter': 'Skriv et brev',
  'menu.choice_end': 'Afslut',
  'menu.ask_date': 'Hvornår fik du afgørelsen?',
  'menu.confirm': 'Du fik afgørelsen {decision_date:date}.',
  'letter.title': 'Brev',
  'letter.ask_name': 'Hvad hedder du?',
  'letter.doc_title': 'Klage over afgørelse',
  'letter.doc_body': 'Til kommunen\n\nJeg, {contact_name}, klager over afgørelsen.\n\nVenlig hilsen\n{contact_name}',
  'letter.ask_consent': 'Må en rådgiver kontakte dig?',
  'letter.consent_yes': 'Ja',
  'letter.consent_no': 'Nej',
  'letter.saved': 'Tak. En rådgiver kontakter dig.',
  'system.title': 'System',
  'system.help': 'Du kan altid skrive "tilbage" eller "forfra".',
  'system.human': 'Ring til Borgerservice på {municipality.contacts.citizen_service.phone}.',
  'system.not_understood': 'Det forstod jeg ikke. Vælg en af mulighederne.',
  'system.content_changed': 'Indholdet er blevet ændret. Vi starter forfra.',
  'system.cannot_go_back': 'Du kan ikke gå længere tilbage.',
  'system.date_invalid': 'Skriv datoen som 3.2.2026.',
  'system.date_in_future': 'Datoen ligger i fremtiden.',
  'system.text_required': 'Skriv venligst et svar.',
  'system.text_too_long': 'Svaret er for langt.',
  'system.goodbye': 'Farvel og tak.',
  'system.skipped': '(sprunget over)',
  'system.request_not_stored': 'Din besked blev ikke gemt. Ring til {municipality.contacts.citizen_service.phone}.',
});

const en = table({
  'menu.welcome': 'Welcome to **Medspiller**.',
  'menu.ask': 'What would you like to do?',
  'menu.choice_date': 'Work out a deadline',
  'menu.choice_letter': 'Write a letter',
  'menu.choice_end': 'Finish',
  'menu.ask_date': 'When did you get the decision?',
  'letter.ask_name': 'What is your name?',
  'system.goodbye': 'Goodbye and thank you.',
});

export function fixtureBundle(version = 'fixture-1'): Bundle {
  return {
    version,
    locales: ['da', 'en'],
    localeInfo: { da: { name: 'Dansk', dir: 'ltr' }, en: { name: 'English', dir: 'ltr', fallback: 'da' } },
    defaultMunicipality: 'demo',
    mainFlow: 'menu',
    municipalities: {
      demo: {
        municipality: { id: 'demo', name: 'Demo Kommune', fictional: true, contacts: { citizen_service: { phone: '70 10 20 30' } } },
        flows: { menu, letter, system },
        texts: { da, en },
      },
    },
    intents: {
      da: { back: ['tilbage'], restart: ['forfra'], help: ['hjælp'], human: ['tal med et menneske'], repeat: ['gentag'] },
      en: { back: ['back'], restart: ['start over'], help: ['help'], human: ['talk to a person'], repeat: ['repeat'] },
    },
  };
}

/** A content provider handing out the fixture (or a bundle a test swaps in). */
export function fixtureContent(bundle: Bundle = fixtureBundle()) {
  let current = bundle;
  return {
    current: () => current,
    swap(next: Bundle) {
      current = next;
    },
  };
}
