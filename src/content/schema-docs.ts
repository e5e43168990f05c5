/**
 * Hover texts for editors: a short description of each YAML key, added to the
 * generated JSON Schemas (yaml-language-server shows them on hover and in
 * completion). Keyed by schema file, then by key name at any depth.
 */

const FLOW_KEYS: Record<string, string> = {
  id: 'A name: lower-case letters, digits, "_" or "-", starting with a letter.',
  title: 'Content key of the flow\'s title, e.g. complaint.title.',
  entry: 'The node the flow starts at.',
  nodes: 'The steps of the flow, each under its own name.',
  say: 'What the bot says, in order: content keys, or { text }, { checklist }, { document }, { link } with an optional if.',
  question: 'Content key of the question shown with the answer field or choices.',
  ask: 'What the citizen answers: choice, date, text or scale.',
  slot: 'Where the answer is stored (default: the node\'s name). In a condition: the slot to test.',
  compute: 'Values worked out when the node is entered: slot name → { fn, args }.',
  fn: 'The name of a compute function the code provides, e.g. complaintDeadline.',
  args: 'The function\'s parameters, each mapped to a slot name.',
  do: 'Effects the code runs after this step, e.g. storeAdviserRequest.',
  next: 'Where to go next: a node of this flow, { flow, node }, or a list of { if, to } branches.',
  end: 'true ends the conversation here.',
  choice: 'The answers offered (at most six are shown at once).',
  label: 'Content key of the text on the button.',
  set: 'Extra slots set when this choice is picked.',
  if: 'Show or follow this only when the condition holds.',
  to: 'Where this branch goes: a node of this flow, or { flow, node }.',
  flow: 'The name of another flow.',
  node: 'A node of that flow (default: its entry).',
  text: 'Content key of a text.',
  formats: 'How a document can be downloaded: txt, html, docx, or ics (a calendar reminder on its date).',
  date: 'Under ask: a date answer (notAfter, notBefore). In a document: the slot holding the day of its calendar reminder (ics), e.g. deadline.reminder.',
};

const CONTENT_KEYS: Record<string, string> = {
  text: 'The text citizens see. Placeholders: {slot}, {slot:date}, {slot|fallback}, {municipality.name}.',
  synonyms: 'Other words that pick this answer when the text is a choice label.',
  source: 'Law and section, e.g. "Forvaltningsloven § 9". Required for legal texts.',
  sourceUrl: 'Link to the official law text (retsinformation.dk).',
  reviewed: 'The date the legal statement was last checked, YYYY-MM-DD.',
  legal: 'true for a legal statement: it must have source and reviewed.',
  note: 'A note for translators and advisers. Never shown to citizens.',
};

const SETTINGS_KEYS: Record<string, string> = {
  mainFlow: 'The flow a conversation starts in.',
  defaultMunicipality: 'The municipality used when none is given (a folder in content/municipalities/).',
  reviewMaxAgeDays: 'A legal text reviewed longer ago than this is reported as a warning (default 365).',
  keepOnRestart: 'Slots that survive "start again" in a conversation, e.g. survey_offered so the survey is offered only once.',
  locales: 'The languages: code → { name, dir, fallback }.',
  name: 'The language\'s name in itself, e.g. Dansk.',
  dir: 'Writing direction: ltr or rtl.',
  fallback: 'The locale whose text is shown when this one lacks a text.',
};

const MUNICIPALITY_KEYS: Record<string, string> = {
  id: 'The municipality\'s folder name.',
  name: 'The name citizens see, e.g. "Demo Kommune". For a contact: its name.',
  fictional: 'true for a made-up municipality used for demos and tests.',
  contacts: 'Who citizens can contact: citizen_service (required), borgerraadgiver, handicapraad, … (null when there is none).',
  pages: 'Web pages texts can link to, e.g. case_times: https://…',
  facts: 'Other facts texts can show with {municipality.facts.name}.',
  survey: 'The trust survey: enabled, and which questions.',
};

const INTENTS_KEYS: Record<string, string> = {
  intents: 'Words that work anywhere in the conversation.',
  back: 'Words for going one step back.',
  restart: 'Words for starting again.',
  help: 'Words for asking for help.',
  human: 'Words for asking for a person to talk to.',
  repeat: 'Words for hearing the last message again.',
};

export const SCHEMA_DOCS: Record<string, Record<string, string>> = {
  'flow.schema.json': FLOW_KEYS,
  'flow-overlay.schema.json': { ...FLOW_KEYS, id: 'The name of the flow this file changes.', entry: 'A new entry node for this municipality (optional).', nodes: 'Nodes to replace or add, whole.' },
  'content.schema.json': CONTENT_KEYS,
  'settings.schema.json': SETTINGS_KEYS,
  'municipality.schema.json': MUNICIPALITY_KEYS,
  'intents.schema.json': INTENTS_KEYS,
};

/** Adds a description to every property the docs name (in place; returns the schema). */
export function describeProperties<T>(schema: T, docs: Record<string, string>): T {
  if (Array.isArray(schema)) schema.forEach((item) => describeProperties(item, docs));
  else if (schema !== null && typeof schema === 'object') {
    const properties = (schema as { properties?: Record<string, Record<string, unknown>> }).properties;
    for (const [name, property] of Object.entries(properties ?? {})) {
      if (docs[name] && property && typeof property === 'object' && property.description === undefined) property.description = docs[name];
    }
    Object.values(schema).forEach((value) => describeProperties(value, docs));
  }
  return schema;
}
