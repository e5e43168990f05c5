/**
 * Heap per idle conversation mid-journey, after many conversations:
 *
 *  - Medspiller's memory store holding the four-step dialogue at its yes/no
 *    question (two answers given), each conversation run by the engine and
 *    saved turn by turn as the conversation service does. What is kept is
 *    everything resume needs: the state with its log of inputs, from which
 *    the transcript is rebuilt by replay.
 *  - the same for the real complaint journey at "what do you want to do now?"
 *    (the deadline worked out), a bigger state;
 *  - botbuilder's ConversationState on MemoryStorage for the same four-step
 *    dialogue at the same question (it keeps no transcript).
 *
 * Bytes per session = growth of the settled heap / conversations.
 */
import { TestAdapter, type ConversationAccount } from 'botbuilder';
import { newId } from '../src/conversation/ids.js';
import { startConversation, step } from '../src/engine/index.js';
import type { Bundle, Clock, Input, StepResult } from '../src/engine/types.js';
import { createMemorySessionStore } from '../src/stores/memory-session-store.js';
import type { SessionStore } from '../src/stores/session-store.js';
import { COMPLAINT_JOURNEY, JOURNEY_NOW } from './engine-bench.js';
import { answersFor, createFourStepBot, fourStepBundle, CONFIRM } from './four-step-dialogue.js';
import { gcSource, settledHeapBytes, type GcSource } from './heap.js';
import { round } from './stats.js';

export interface SessionHeap {
  conversations: number;
  bytesPerSession: number;
  /** Average length of the stored JSON text of one session. */
  storedJsonBytes: number;
}

export interface MemoryResult {
  gc: GcSource;
  medspillerFourStep: SessionHeap;
  medspillerComplaint: SessionHeap;
  botbuilderFourStep: SessionHeap;
  /** botbuilder's bytes per session divided by Medspiller's, same dialogue. */
  botbuilderOverMedspiller: number;
}

export interface MemoryOptions {
  conversations: number;
  complaintConversations: number;
  botbuilderConversations: number;
}

const TTL_MS = 30 * 60_000;
/** The complaint journey up to the options question: the date typed, the deadline worked out. */
const COMPLAINT_TO_OPTIONS = COMPLAINT_JOURNEY.slice(0, 4);

/** Runs `answers` as typed text from the start, saving after every turn as the conversation service does. */
async function runAndStore(store: SessionStore, bundle: Bundle, clock: Clock, answers: readonly string[]): Promise<StepResult> {
  const id = newId();
  let result = startConversation(bundle, {}, clock);
  let record = await store.create(id, result.state, TTL_MS);
  for (const text of answers) {
    const input: Input = { type: 'text', text };
    result = step(bundle, record.state, input, clock);
    const saved = await store.save(id, result.state, record.version, TTL_MS);
    if (!saved) throw new Error('a benchmark conversation lost a compare-and-set save');
    record = saved;
  }
  return result;
}

async function medspillerHeap(bundle: Bundle, conversations: number, answersOf: (i: number) => readonly string[], expectNode: string): Promise<SessionHeap> {
  const clock = { now: JOURNEY_NOW };
  const store = createMemorySessionStore({ now: () => JOURNEY_NOW.getTime() });
  let jsonBytes = 0;
  const before = await settledHeapBytes();
  for (let i = 0; i < conversations; i++) {
    const result = await runAndStore(store, bundle, clock, answersOf(i));
    if (result.state.node !== expectNode) throw new Error(`a conversation stopped at "${result.state.node}", not "${expectNode}"`);
    jsonBytes += JSON.stringify(result.state).length;
  }
  const after = await settledHeapBytes();
  // Still holding them all: the store must not have dropped any before the heap was read.
  if ((await store.countActive!(JOURNEY_NOW.getTime())) !== conversations) throw new Error('the memory store lost conversations');
  await store.close();
  return { conversations, bytesPerSession: Math.round((after - before) / conversations), storedJsonBytes: round(jsonBytes / conversations) };
}

async function botbuilderHeap(conversations: number): Promise<SessionHeap> {
  const bot = createFourStepBot();
  const adapter = new TestAdapter(bot.logic);
  const before = await settledHeapBytes();
  for (let i = 0; i < conversations; i++) {
    const conversation = { id: newId(), name: 'bench', isGroup: false } as ConversationAccount;
    for (const text of ['hej', ...answersFor(i).slice(0, 2)]) await adapter.processActivity({ type: 'message', text, conversation });
    const last = adapter.activeQueue.at(-1);
    if (!last?.text?.startsWith(CONFIRM.text)) throw new Error(`botbuilder conversation ${i} is not at the yes/no question`);
    adapter.activeQueue.splice(0);
  }
  const after = await settledHeapBytes();
  const stored = Object.values(bot.memory);
  if (stored.length !== conversations) throw new Error(`botbuilder kept ${stored.length} conversations, not ${conversations}`);
  const jsonBytes = stored.reduce((sum, json) => sum + json.length, 0);
  return { conversations, bytesPerSession: Math.round((after - before) / conversations), storedJsonBytes: round(jsonBytes / conversations) };
}

export async function benchMemory(realBundle: Bundle, options: MemoryOptions): Promise<MemoryResult> {
  const medspillerFourStep = await medspillerHeap(fourStepBundle(), options.conversations, (i) => answersFor(i).slice(0, 2), 'confirm');
  const medspillerComplaint = await medspillerHeap(realBundle, options.complaintConversations, () => COMPLAINT_TO_OPTIONS, 'options');
  const botbuilderFourStep = await botbuilderHeap(options.botbuilderConversations);
  return {
    gc: gcSource,
    medspillerFourStep,
    medspillerComplaint,
    botbuilderFourStep,
    botbuilderOverMedspiller: round(botbuilderFourStep.bytesPerSession / medspillerFourStep.bytesPerSession, 2),
  };
}
