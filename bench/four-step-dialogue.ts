/**
 * The dialogue both engines run in the engine benchmark: topic choice →
 * sub-topic choice → yes/no → goodbye. Four turns per conversation on each
 * side: the opening turn (Medspiller's start, botbuilder's first message) and
 * three typed answers, matched as free text against the choice labels.
 *
 * `fourStepBundle()` is the dialogue as a Medspiller Bundle (built inline, as
 * the engine tests do); `createFourStepBot()` is the same dialogue as a
 * botbuilder WaterfallDialog with ChoicePrompts on MemoryStorage.
 */
import { bundleVersion } from '../src/content/build-bundle.js';
import { ConversationState, MemoryStorage, type TurnContext } from 'botbuilder';
import { ChoicePrompt, DialogSet, DialogTurnStatus, WaterfallDialog } from 'botbuilder-dialogs';
import { SYSTEM_NODES } from '../src/engine/index.js';
import type { Bundle, Choice, ContentTable, Flow } from '../src/engine/types.js';

interface Question {
  key: string;
  text: string;
  choices: Array<{ id: string; label: string }>;
}

function question(key: string, text: string, choices: Array<[id: string, label: string]>): Question {
  return { key, text, choices: choices.map(([id, label]) => ({ id, label })) };
}

export const TOPIC = question('bench.ask_topic', 'Hvad vil du have hjælp til?', [
  ['complaint', 'Klage'],
  ['rights', 'Rettigheder'],
  ['meeting', 'Møde'],
]);
export const SUBTOPIC = question('bench.ask_subtopic', 'Hvad handler det om?', [
  ['deadline', 'Frist'],
  ['letter', 'Brev'],
  ['access', 'Aktindsigt'],
]);
export const CONFIRM = question('bench.ask_confirm', 'Vil du have et udkast?', [
  ['yes', 'Ja'],
  ['no', 'Nej'],
]);
export const GOODBYE_TEXT = 'Tak for nu. Farvel.';

/** What conversation `i` types after the opening turn (spread over every choice). */
export function answersFor(i: number): [string, string, string] {
  return [TOPIC.choices[i % 3]!.label, SUBTOPIC.choices[Math.floor(i / 3) % 3]!.label, CONFIRM.choices[i % 2]!.label];
}

function choicesOf(question: Question): Choice[] {
  return question.choices.map(({ id }) => ({ id, label: `${question.key}.${id}` }));
}

function textsOf(question: Question): ContentTable {
  return Object.fromEntries([
    [question.key, { text: question.text }],
    ...question.choices.map(({ id, label }) => [`${question.key}.${id}`, { text: label }]),
  ]);
}

/** The dialogue as a Medspiller bundle, with the real Danish intents so typed answers are checked against them too. */
export function fourStepBundle(): Bundle {
  const bench: Flow = {
    id: 'bench',
    title: 'bench.title',
    entry: 'topic',
    nodes: {
      topic: { question: TOPIC.key, ask: { choice: choicesOf(TOPIC) }, next: 'subtopic' },
      subtopic: { question: SUBTOPIC.key, ask: { choice: choicesOf(SUBTOPIC) }, next: 'confirm' },
      confirm: { question: CONFIRM.key, ask: { choice: choicesOf(CONFIRM) }, next: 'goodbye' },
      goodbye: { say: ['bench.goodbye'], end: true },
    },
  };
  const system: Flow = {
    id: 'system',
    title: 'bench.title',
    entry: 'help',
    nodes: Object.fromEntries(SYSTEM_NODES.map((name) => [name, { say: [`system.${name}`] }])),
  };
  const texts: ContentTable = {
    'bench.title': { text: 'Benchmark' },
    'bench.goodbye': { text: GOODBYE_TEXT },
    ...textsOf(TOPIC),
    ...textsOf(SUBTOPIC),
    ...textsOf(CONFIRM),
    ...Object.fromEntries(SYSTEM_NODES.map((name) => [`system.${name}`, { text: name }])),
  };
  const municipalities = {
    demo: {
      municipality: { id: 'demo', name: 'Demo', contacts: { citizen_service: { phone: '70 00 00 00' } } },
      flows: { bench, system },
      texts: { da: texts },
    },
  };
  return {
    // Every state carries the bundle's version: worked out as the loader does, so states have their real size.
    version: bundleVersion([{ path: 'bench.json', text: JSON.stringify(municipalities), data: municipalities, syntaxOk: true }]),
    locales: ['da'],
    localeInfo: { da: { name: 'Dansk', dir: 'ltr' } },
    defaultMunicipality: 'demo',
    mainFlow: 'bench',
    municipalities,
    intents: {
      da: {
        back: ['tilbage', 'gå tilbage', 'et skridt tilbage', 'forrige', 'fortryd'],
        restart: ['forfra', 'start forfra', 'begynd forfra', 'start igen', 'hovedmenu'],
        help: ['hjælp', 'hjælp mig', 'hvad kan jeg skrive', 'hvordan virker det'],
        human: ['tal med et menneske', 'et menneske', 'menneske', 'ring', 'tal med en person', 'rigtig person', 'medarbejder', 'sagsbehandler'],
        repeat: ['gentag', 'igen', 'sig det igen', 'en gang til', 'hvad sagde du'],
      },
    },
  };
}

export interface FourStepBot {
  /** The bot's turn handler, for a TestAdapter. */
  logic(context: TurnContext): Promise<void>;
  /** MemoryStorage's backing object: storage key → the JSON it keeps. */
  memory: Record<string, string>;
}

/** The dialogue as botbuilder builds it: a waterfall of ChoicePrompts, state in ConversationState on MemoryStorage. */
export function createFourStepBot(): FourStepBot {
  const memory: Record<string, string> = {};
  const conversationState = new ConversationState(new MemoryStorage(memory));
  const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
  const labels = (question: Question) => question.choices.map((choice) => choice.label);
  dialogs.add(new ChoicePrompt('choice'));
  dialogs.add(
    new WaterfallDialog('bench', [
      async (step) => step.prompt('choice', { prompt: TOPIC.text, choices: labels(TOPIC) }),
      async (step) => step.prompt('choice', { prompt: SUBTOPIC.text, choices: labels(SUBTOPIC) }),
      async (step) => step.prompt('choice', { prompt: CONFIRM.text, choices: labels(CONFIRM) }),
      async (step) => {
        await step.context.sendActivity(GOODBYE_TEXT);
        return step.endDialog();
      },
    ]),
  );
  return {
    memory,
    async logic(context) {
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog('bench');
      await conversationState.saveChanges(context);
    },
  };
}
