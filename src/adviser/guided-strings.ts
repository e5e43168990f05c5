/**
 * The words of the guided-session page (/adviser) in Danish and English. They
 * are handed to the page's script as JSON, so this file is the only place they
 * live. `{name}` marks a value filled in by the page.
 */
export interface GuidedStrings {
  lang: string;
  title: string;
  intro: string;
  privacy: string;
  skipLink: string;
  setupHeading: string;
  flow: string;
  municipality: string;
  locale: string;
  start: string;
  script: string;
  map: string;
  stepHeading: string;
  legalHeading: string;
  noLegal: string;
  source: string;
  reviewed: string;
  notesLabel: string;
  back: string;
  send: string;
  skip: string;
  dateLabel: string;
  textLabel: string;
  finish: string;
  newSession: string;
  done: string;
  historyHeading: string;
  citizen: string;
  summaryHeading: string;
  summaryIntro: string;
  date: string;
  answersHeading: string;
  question: string;
  answer: string;
  note: string;
  deadlinesHeading: string;
  discussedHeading: string;
  nextStepsHeading: string;
  documentsHeading: string;
  notesHeading: string;
  sourcesHeading: string;
  none: string;
  print: string;
  copy: string;
  copied: string;
  downloadText: string;
  downloadHtml: string;
  download: string;
  deleteConversation: string;
  deleted: string;
  clearNotes: string;
  notesCleared: string;
  error: string;
}

const da: GuidedStrings = {
  lang: 'da',
  title: 'Rådgiversamtale med Medspiller',
  intro: 'Gå samtalen igennem sammen med borgeren. Ved hvert trin ser du lovgrundlaget, og du kan skrive noter. Til sidst får du en opsummering, som borgeren kan få med.',
  privacy: 'Dine noter gemmes kun i denne browserfane og slettes, når fanen lukkes. De sendes aldrig til serveren.',
  skipLink: 'Spring til indholdet',
  setupHeading: 'Vælg samtale',
  flow: 'Samtale',
  municipality: 'Kommune',
  locale: 'Borgerens sprog',
  start: 'Start samtalen',
  script: 'Manuskript til udskrift',
  map: 'Kort over samtalen',
  stepHeading: 'Trin {n}',
  legalHeading: 'Lovgrundlag for dette trin',
  noLegal: 'Ingen lovhenvisning på dette trin.',
  source: 'Kilde',
  reviewed: 'gennemgået',
  notesLabel: 'Dine noter til trin {n}',
  back: 'Gå et trin tilbage',
  send: 'Send svar',
  skip: 'Spring over',
  dateLabel: 'Dato',
  textLabel: 'Svar',
  finish: 'Afslut og lav opsummering',
  newSession: 'Ny samtale',
  done: 'Samtalen er slut. Lav opsummeringen, eller start en ny samtale.',
  historyHeading: 'Samtalen indtil nu',
  citizen: 'Borgeren',
  summaryHeading: 'Opsummering',
  summaryIntro: '{municipality}',
  date: 'Dato',
  answersHeading: 'Svarene',
  question: 'Spørgsmål',
  answer: 'Svar',
  note: 'Note',
  deadlinesHeading: 'Frister',
  discussedHeading: 'Det har vi talt om',
  nextStepsHeading: 'Næste skridt',
  documentsHeading: 'Breve',
  notesHeading: 'Rådgiverens noter',
  sourcesHeading: 'Kilder',
  none: 'Ingen.',
  print: 'Udskriv eller gem som PDF',
  copy: 'Kopiér som tekst',
  copied: 'Opsummeringen er kopieret.',
  downloadText: 'Hent som tekstfil',
  downloadHtml: 'Hent som HTML-fil',
  download: 'Hent ({format})',
  deleteConversation: 'Slet samtalen på serveren',
  deleted: 'Samtalen er slettet på serveren.',
  clearNotes: 'Slet mine noter',
  notesCleared: 'Dine noter er slettet.',
  error: 'Det gik ikke: {message}',
};

const en: GuidedStrings = {
  lang: 'en',
  title: 'Guided session with Medspiller',
  intro: 'Go through the conversation together with the citizen. At each step you see the legal basis and can take notes. At the end you get a summary the citizen can take home.',
  privacy: 'Your notes are kept only in this browser tab and are deleted when the tab closes. They are never sent to the server.',
  skipLink: 'Skip to content',
  setupHeading: 'Choose a conversation',
  flow: 'Conversation',
  municipality: 'Municipality',
  locale: "Citizen's language",
  start: 'Start the conversation',
  script: 'Printable script',
  map: 'Map of the conversation',
  stepHeading: 'Step {n}',
  legalHeading: 'Legal basis for this step',
  noLegal: 'No legal reference at this step.',
  source: 'Source',
  reviewed: 'reviewed',
  notesLabel: 'Your notes for step {n}',
  back: 'Go back one step',
  send: 'Send answer',
  skip: 'Skip',
  dateLabel: 'Date',
  textLabel: 'Answer',
  finish: 'Finish and make a summary',
  newSession: 'New conversation',
  done: 'The conversation has ended. Make the summary, or start a new conversation.',
  historyHeading: 'The conversation so far',
  citizen: 'Citizen',
  summaryHeading: 'Summary',
  summaryIntro: '{municipality}',
  date: 'Date',
  answersHeading: 'The answers',
  question: 'Question',
  answer: 'Answer',
  note: 'Note',
  deadlinesHeading: 'Deadlines',
  discussedHeading: 'What we talked about',
  nextStepsHeading: 'Next steps',
  documentsHeading: 'Letters',
  notesHeading: "Adviser's notes",
  sourcesHeading: 'Sources',
  none: 'None.',
  print: 'Print or save as PDF',
  copy: 'Copy as text',
  copied: 'The summary was copied.',
  downloadText: 'Download as a text file',
  downloadHtml: 'Download as an HTML file',
  download: 'Download ({format})',
  deleteConversation: 'Delete the conversation on the server',
  deleted: 'The conversation was deleted on the server.',
  clearNotes: 'Delete my notes',
  notesCleared: 'Your notes were deleted.',
  error: 'That did not work: {message}',
};

export const GUIDED_STRINGS: Record<string, GuidedStrings> = { da, en };

export function guidedStrings(lang: string | undefined): GuidedStrings {
  return GUIDED_STRINGS[lang ?? 'da'] ?? da;
}
