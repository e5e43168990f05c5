/**
 * The adviser tools' own words (headings, connecting words, how conditions and
 * answers are described) in Danish and English. Everything said TO the citizen
 * comes from the content files, never from here.
 *
 * `{name}` marks a value filled in by `fill()`.
 */
import { COMPUTE_FUNCTIONS } from '../engine/index.js';

/** Phrases for a boolean result field: [when true, when false]. */
type BooleanPhrases = readonly [string, string];

export interface ComputedWords {
  /** How the value is worked out; falls back to COMPUTE_FUNCTIONS[fn].explain. */
  explain?: string;
  /** The whole value, e.g. "klagefristen". */
  value: string;
  fields: Record<string, string | BooleanPhrases>;
}

export interface AdviserStrings {
  lang: string;
  quote: (text: string) => string;
  scriptTitle: string;
  header: string;
  contents: string;
  section: string;
  step: string;
  say: string;
  ask: string;
  answer: string;
  storedIn: string;
  choices: string;
  then: string;
  goTo: string;
  switchTo: string;
  missingTarget: string;
  onlyIf: string;
  ifWord: string;
  otherwise: string;
  alsoSets: string;
  computes: string;
  effects: string;
  end: string;
  source: string;
  reviewed: string;
  note: string;
  missingText: string;
  unreachable: string;
  deadEnd: string;
  entry: string;
  appendix: string;
  appendixIntro: string;
  checklist: string;
  document: string;
  calendar: string;
  link: string;
  formats: string;
  seeAppendix: string;
  placeholders: string;
  sources: string;
  answerKinds: {
    date: string;
    notAfterToday: string;
    notBefore: string;
    text: string;
    optional: string;
    maxLength: string;
    scale: string;
    skippable: string;
    empty: string;
  };
  conditions: {
    answerTo: string;
    is: string;
    isNot: string;
    before: string;
    after: string;
    includes: string;
    filled: string;
    notFilled: string;
    computed: string;
    notComputed: string;
    today: string;
    not: string;
    and: string;
    or: string;
    municipalityHas: string;
    municipalityHasNot: string;
    municipalityField: string;
    slot: string;
    yes: string;
    no: string;
    /** Fields of the municipality's file: a noun ("kommunen har {field}") or [true, false] phrases. */
    municipalityFields: Record<string, string | BooleanPhrases>;
  };
  /** Chat platforms' `/medspiller script <flow>`. */
  chat: { usage: string; unknown: string; filename: string };
  effectNames: Record<string, string>;
  computed: Record<string, ComputedWords>;
  map: {
    title: string;
    desc: string;
    edges: string;
    edgeTo: string;
    legend: string;
    legendEntry: string;
    legendUnreachable: string;
    legendDeadEnd: string;
    legendExternal: string;
    noEdges: string;
    unreachableMark: string;
    deadEndMark: string;
    otherwise: string;
    ifPrefix: string;
  };
}

const da: AdviserStrings = {
  lang: 'da',
  quote: (text) => `„${text}“`,
  scriptTitle: '{title}: manuskript til rådgivere',
  header: 'Kommune: {municipality} · Sprog: {locale} · Samtale: {flow}',
  contents: 'Indhold',
  section: 'Afsnit',
  step: 'Trin',
  say: 'Sig',
  ask: 'Spørg',
  answer: 'Svar',
  storedIn: 'Gemmes i',
  choices: 'Valg',
  then: 'Derefter',
  goTo: 'gå til {target}',
  switchTo: 'skift til samtalen {flow}, trin {node}',
  missingTarget: 'mangler: {target}',
  onlyIf: 'Kun hvis',
  ifWord: 'Hvis',
  otherwise: 'Ellers',
  alsoSets: 'Gemmer også',
  computes: 'Beregnes',
  effects: 'Systemet gør',
  end: 'Samtalen slutter her.',
  source: 'Kilde',
  reviewed: 'gennemgået',
  note: 'Note',
  missingText: 'teksten mangler',
  unreachable: 'Dette trin kan ikke nås fra nogen start.',
  deadEnd: 'Blindgyde: der er ingen vej videre fra dette trin.',
  entry: 'Samtalen starter her.',
  appendix: 'Bilag: breve og tjeklister',
  appendixIntro: 'Felter i {braces} udfyldes med borgerens svar, når samtalen kører.',
  checklist: 'Tjekliste',
  document: 'Brev',
  calendar: 'Påmindelse til kalenderen',
  link: 'Link',
  formats: 'Formater',
  seeAppendix: 'se bilag {n}',
  placeholders: 'Felter',
  sources: 'Kilder',
  answerKinds: {
    date: 'en dato',
    notAfterToday: 'ikke efter i dag',
    notBefore: 'ikke før {date}',
    text: 'fri tekst',
    optional: 'kan springes over',
    maxLength: 'højst {n} tegn',
    scale: 'en skala',
    skippable: 'kan springes over',
    empty: 'tomt',
  },
  conditions: {
    answerTo: 'svaret på {question}',
    is: '{subject} er {value}',
    isNot: '{subject} er ikke {value}',
    before: '{subject} er før {value}',
    after: '{subject} er efter {value}',
    includes: '{subject} indeholder {value}',
    filled: '{subject} er udfyldt',
    notFilled: '{subject} er ikke udfyldt',
    computed: '{subject} er beregnet',
    notComputed: '{subject} er ikke beregnet',
    today: 'i dag',
    not: 'ikke ({condition})',
    and: ' og ',
    or: ' eller ',
    municipalityHas: 'kommunen har {field}',
    municipalityHasNot: 'kommunen har ikke {field}',
    municipalityField: 'kommunens oplysning {path}',
    slot: 'feltet {path}',
    yes: 'ja',
    no: 'nej',
    municipalityFields: {
      'contacts.borgerraadgiver': 'en borgerrådgiver',
      'contacts.handicapraad': 'et handicapråd',
      'pages.processing_times': 'en side med sagsbehandlingstider',
      'survey.enabled': ['kommunen bruger spørgeskemaet', 'kommunen bruger ikke spørgeskemaet'],
      'survey.questions': 'valgt spørgsmål til spørgeskemaet',
    },
  },
  chat: {
    usage: 'Skriv {command} og navnet på en samtale for at få dens manuskript. Samtalerne er: {flows}.',
    unknown: 'Der er ingen samtale, der hedder "{flow}". Samtalerne er: {flows}.',
    filename: 'manuskript-{flow}.md',
  },
  effectNames: {
    storeAdviserRequest: 'gemmer en anmodning om at blive kontaktet af en rådgiver (kun med borgerens samtykke)',
  },
  computed: {
    complaintDeadline: {
      explain:
        'Den sidste dag for at klage er 4 uger efter, at afgørelsen er modtaget (modtagelsesdagen tælles ikke med). ' +
        'Digital Post regnes som modtaget samme dag, almindelig post 6 hverdage efter datoen på brevet og Quickpost 2 dage efter. ' +
        'Ved ikke borgeren det, regnes med Digital Post. Falder den sidste dag på en weekend eller helligdag, ' +
        'rykkes den til næste hverdag.',
      value: 'klagefristen',
      fields: {
        date: 'den sidste dag for at klage',
        received: 'den dag, afgørelsen regnes for modtaget',
        daysLeft: 'antallet af dage til fristen',
        reminder: 'dagen for en påmindelse',
        passed: ['fristen er overskredet', 'fristen er ikke overskredet'],
        uncertainDay: ['den sidste dag er en dag, hvor reglerne er uklare', 'den sidste dag er en almindelig hverdag'],
      },
    },
  },
  map: {
    title: 'Kort over samtalen {title}',
    desc: '{nodes} trin og {edges} pile. Samtalen starter ved {entry}.',
    edges: 'Pilene i kortet',
    edgeTo: '{from} → {to}',
    legend: 'Forklaring',
    legendEntry: 'tyk ramme: samtalen starter her',
    legendUnreachable: 'stiplet ramme og „nås ikke“: trinnet kan ikke nås',
    legendDeadEnd: 'rød dobbelt ramme og „blindgyde“: ingen vej videre',
    legendExternal: 'afrundet kasse: et trin i en anden samtale',
    noEdges: 'Ingen pile.',
    unreachableMark: 'nås ikke',
    deadEndMark: 'blindgyde',
    otherwise: 'ellers',
    ifPrefix: 'hvis',
  },
};

const en: AdviserStrings = {
  lang: 'en',
  quote: (text) => `“${text}”`,
  scriptTitle: '{title}: script for advisers',
  header: 'Municipality: {municipality} · Language: {locale} · Conversation: {flow}',
  contents: 'Contents',
  section: 'Section',
  step: 'Step',
  say: 'Say',
  ask: 'Ask',
  answer: 'Answer',
  storedIn: 'Stored in',
  choices: 'Choices',
  then: 'Then',
  goTo: 'go to {target}',
  switchTo: 'switch to the conversation {flow}, step {node}',
  missingTarget: 'missing: {target}',
  onlyIf: 'Only if',
  ifWord: 'If',
  otherwise: 'Otherwise',
  alsoSets: 'Also stores',
  computes: 'Computed',
  effects: 'The system',
  end: 'The conversation ends here.',
  source: 'Source',
  reviewed: 'reviewed',
  note: 'Note',
  missingText: 'text missing',
  unreachable: 'No start leads to this step.',
  deadEnd: 'Dead end: there is no way on from this step.',
  entry: 'The conversation starts here.',
  appendix: 'Appendix: letters and checklists',
  appendixIntro: "Fields in {braces} are filled in from the citizen's answers when the conversation runs.",
  checklist: 'Checklist',
  document: 'Letter',
  calendar: 'Calendar reminder',
  link: 'Link',
  formats: 'Formats',
  seeAppendix: 'see appendix {n}',
  placeholders: 'Fields',
  sources: 'Sources',
  answerKinds: {
    date: 'a date',
    notAfterToday: 'not after today',
    notBefore: 'not before {date}',
    text: 'free text',
    optional: 'may be skipped',
    maxLength: 'at most {n} characters',
    scale: 'a scale',
    skippable: 'may be skipped',
    empty: 'empty',
  },
  conditions: {
    answerTo: 'the answer to {question}',
    is: '{subject} is {value}',
    isNot: '{subject} is not {value}',
    before: '{subject} is before {value}',
    after: '{subject} is after {value}',
    includes: '{subject} includes {value}',
    filled: '{subject} is given',
    notFilled: '{subject} is not given',
    computed: '{subject} is worked out',
    notComputed: '{subject} is not worked out',
    today: 'today',
    not: 'not ({condition})',
    and: ' and ',
    or: ' or ',
    municipalityHas: 'the municipality has {field}',
    municipalityHasNot: 'the municipality has no {field}',
    municipalityField: "the municipality's {path}",
    slot: 'the field {path}',
    yes: 'yes',
    no: 'no',
    municipalityFields: {
      'contacts.borgerraadgiver': 'a citizens’ adviser (borgerrådgiver)',
      'contacts.handicapraad': 'a disability council',
      'pages.processing_times': 'a page of case-processing times',
      'survey.enabled': ['the municipality uses the survey', 'the municipality does not use the survey'],
      'survey.questions': 'chosen questions for the survey',
    },
  },
  chat: {
    usage: 'Type {command} and the name of a conversation to get its script. The conversations are: {flows}.',
    unknown: 'There is no conversation called "{flow}". The conversations are: {flows}.',
    filename: 'script-{flow}.md',
  },
  effectNames: {
    storeAdviserRequest: 'stores a request to be contacted by an adviser (only with the citizen’s consent)',
  },
  computed: {
    complaintDeadline: {
      value: 'the complaint deadline',
      fields: {
        date: 'the last day to complain',
        received: 'the day the decision counts as received',
        daysLeft: 'the number of days to the deadline',
        reminder: 'the day for a reminder',
        passed: ['the deadline has passed', 'the deadline has not passed'],
        uncertainDay: ['the last day is a day where the rules are unclear', 'the last day is an ordinary working day'],
      },
    },
  },
  map: {
    title: 'Map of the conversation {title}',
    desc: '{nodes} steps and {edges} arrows. The conversation starts at {entry}.',
    edges: 'The arrows in the map',
    edgeTo: '{from} → {to}',
    legend: 'Key',
    legendEntry: 'thick border: the conversation starts here',
    legendUnreachable: 'dashed border and “unreachable”: no way leads here',
    legendDeadEnd: 'red double border and “dead end”: no way on',
    legendExternal: 'rounded box: a step in another conversation',
    noEdges: 'No arrows.',
    unreachableMark: 'unreachable',
    deadEndMark: 'dead end',
    otherwise: 'otherwise',
    ifPrefix: 'if',
  },
};

export const ADVISER_STRINGS: Record<string, AdviserStrings> = { da, en };

/** The strings for a locale: its own, or those of the locale it falls back to, else Danish. */
export function adviserStrings(chain: readonly string[]): AdviserStrings {
  for (const locale of chain) {
    const found = ADVISER_STRINGS[locale] ?? ADVISER_STRINGS[locale.split('-')[0]!];
    if (found) return found;
  }
  return da;
}

/** Fills `{name}` markers; unknown names stay visible. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** How a computed value is worked out, in the strings' language when translated. */
export function computeExplanation(strings: AdviserStrings, fn: string): string | undefined {
  return strings.computed[fn]?.explain ?? COMPUTE_FUNCTIONS[fn]?.explain;
}
