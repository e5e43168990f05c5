/**
 * Engine benchmarks: the four-step dialogue on Medspiller's engine against
 * botbuilder-dialogs (same process, alternating rounds), and the per-turn
 * cost of the engine on the real complaint journey with typed answers.
 *
 * Medspiller's side does what a store does between turns: JSON.stringify the
 * state after each turn and JSON.parse it before the next. botbuilder's
 * MemoryStorage does the same with its ConversationState.
 */
import { TestAdapter, type ConversationAccount } from 'botbuilder';
import { startConversation, step } from '../src/engine/index.js';
import type { Bundle, Clock, ConversationState, Input } from '../src/engine/types.js';
import { answersFor, createFourStepBot, fourStepBundle, GOODBYE_TEXT } from './four-step-dialogue.js';
import { median, round } from './stats.js';

const TURNS_PER_DIALOGUE = 4;

export interface EngineVsBotbuilder {
  conversations: number;
  rounds: number;
  medspillerTurnsPerSec: number;
  botbuilderTurnsPerSec: number;
  /** Median over rounds of Medspiller's turns/s divided by botbuilder's in the same round. */
  ratio: number;
  /**
   * The same conversations' states only stringified and parsed, no engine step:
   * the most any engine could do with a JSON round trip per turn (the "plain
   * object graph" reference of the issue).
   */
  jsonRoundTripTurnsPerSec: number;
}

export interface ComplaintFlowCost {
  conversations: number;
  turnsPerConversation: number;
  turnsPerSec: number;
  usPerTurn: number;
  /** Median µs for each turn of the journey, by what was typed. */
  usByTurn: Record<string, number>;
}

/** Runs `n` four-step conversations on Medspiller's engine; returns elapsed ms. */
function runMedspillerFourStep(bundle: Bundle, n: number, clock: Clock): number {
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    let json = JSON.stringify(startConversation(bundle, {}, clock).state);
    let done = false;
    for (const text of answersFor(i)) {
      const result = step(bundle, JSON.parse(json) as ConversationState, { type: 'text', text }, clock);
      json = JSON.stringify(result.state);
      done = result.done;
    }
    if (!done) throw new Error(`Medspiller conversation ${i} did not reach the end: the typed answers were not understood`);
  }
  return performance.now() - started;
}

/** The states each distinct conversation passes through (answersFor repeats every 18), for the JSON-only reference. */
function statesOfEachConversation(bundle: Bundle, clock: Clock): ConversationState[][] {
  return Array.from({ length: 18 }, (_, i) => {
    const states = [startConversation(bundle, {}, clock).state];
    for (const text of answersFor(i)) states.push(step(bundle, states.at(-1)!, { type: 'text', text }, clock).state);
    return states.slice(1);
  });
}

/** `n` conversations' worth of JSON round trips of those states and nothing else; returns elapsed ms. */
function runJsonRoundTrips(statesByConversation: ConversationState[][], n: number): number {
  const started = performance.now();
  let sink = 0;
  for (let i = 0; i < n; i++) {
    for (const state of statesByConversation[i % statesByConversation.length]!) {
      sink += (JSON.parse(JSON.stringify(state)) as ConversationState).log.length;
    }
  }
  if (sink === 0) throw new Error('no state was round-tripped');
  return performance.now() - started;
}

/** Runs `n` four-step conversations on botbuilder-dialogs through its TestAdapter; returns elapsed ms. */
async function runBotbuilderFourStep(n: number, pass: number): Promise<number> {
  const bot = createFourStepBot();
  const adapter = new TestAdapter(bot.logic);
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const conversation = { id: `bench-${pass}-${i}`, name: 'bench', isGroup: false } as ConversationAccount;
    for (const text of ['hej', ...answersFor(i)]) await adapter.processActivity({ type: 'message', text, conversation });
    const last = adapter.activeQueue.at(-1);
    if (last?.text !== GOODBYE_TEXT) throw new Error(`botbuilder conversation ${i} did not reach the end (last reply: ${last?.text})`);
    adapter.activeQueue.splice(0);
  }
  return performance.now() - started;
}

export async function benchEngineVsBotbuilder(conversations: number, rounds: number, clock: Clock): Promise<EngineVsBotbuilder> {
  const bundle = fourStepBundle();
  // Warm both up so the first round does not time the JIT.
  runMedspillerFourStep(bundle, Math.min(conversations, 500), clock);
  await runBotbuilderFourStep(Math.min(conversations, 200), -1);
  const states = statesOfEachConversation(bundle, clock);
  runJsonRoundTrips(states, Math.min(conversations, 500));
  const medspiller: number[] = [];
  const botbuilder: number[] = [];
  const json: number[] = [];
  const ratios: number[] = [];
  const perSec = (ms: number) => ((conversations * TURNS_PER_DIALOGUE) / ms) * 1000;
  for (let pass = 0; pass < rounds; pass++) {
    // Alternate which goes first, so neither always runs on a heap the other left behind.
    const botbuilderFirst = pass % 2 === 1;
    const msEarlyBot = botbuilderFirst ? await runBotbuilderFourStep(conversations, pass) : undefined;
    const msMedspiller = runMedspillerFourStep(bundle, conversations, clock);
    const msBot = msEarlyBot ?? (await runBotbuilderFourStep(conversations, pass));
    json.push(perSec(runJsonRoundTrips(states, conversations)));
    medspiller.push(perSec(msMedspiller));
    botbuilder.push(perSec(msBot));
    ratios.push(msBot / msMedspiller);
  }
  return {
    conversations,
    rounds,
    medspillerTurnsPerSec: Math.round(median(medspiller)),
    botbuilderTurnsPerSec: Math.round(median(botbuilder)),
    ratio: round(median(ratios), 2),
    jsonRoundTripTurnsPerSec: Math.round(median(json)),
  };
}

/** The complaint journey from the menu, typed as a citizen types it (free-text matching and date parsing included). */
export const COMPLAINT_JOURNEY = ['klage', 'ja', 'digital post', '3/11-2026', 'skriv klagen', 'videre', 'afslut'] as const;
/** "Today" for the journey: the decision date typed above is in the past and in time. */
export const JOURNEY_NOW = new Date('2026-11-20T10:00:00Z');

/** One journey, timing each turn into `times` (µs summed per turn label). */
function runJourney(bundle: Bundle, clock: Clock, times: number[]): void {
  let t = performance.now();
  let json = JSON.stringify(startConversation(bundle, {}, clock).state);
  let now = performance.now();
  times[0]! += now - t;
  let done = false;
  COMPLAINT_JOURNEY.forEach((text, index) => {
    t = now;
    const input: Input = { type: 'text', text };
    const result = step(bundle, JSON.parse(json) as ConversationState, input, clock);
    json = JSON.stringify(result.state);
    done = result.done;
    now = performance.now();
    times[index + 1]! += now - t;
  });
  if (!done) throw new Error('the complaint journey did not reach goodbye: the content or the typed answers changed');
}

export function benchComplaintFlow(bundle: Bundle, conversations: number, rounds: number): ComplaintFlowCost {
  const clock = { now: JOURNEY_NOW };
  const labels = ['(start)', ...COMPLAINT_JOURNEY];
  const turns = labels.length;
  for (let i = 0; i < Math.min(conversations, 200); i++) runJourney(bundle, clock, new Array<number>(turns).fill(0));
  const perRound: number[][] = [];
  for (let pass = 0; pass < rounds; pass++) {
    const times = new Array<number>(turns).fill(0);
    for (let i = 0; i < conversations; i++) runJourney(bundle, clock, times);
    perRound.push(times.map((ms) => (ms * 1000) / conversations));
  }
  const usByTurn = Object.fromEntries(labels.map((label, i) => [label, round(median(perRound.map((r) => r[i]!)))]));
  const usPerTurn = median(perRound.map((r) => r.reduce((a, b) => a + b, 0) / turns));
  return { conversations, turnsPerConversation: turns, turnsPerSec: Math.round(1e6 / usPerTurn), usPerTurn: round(usPerTurn), usByTurn };
}

