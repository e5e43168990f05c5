/**
 * One forward turn of a conversation: start, answer the current question, or run
 * an intent that does not need the history (restart, help, human, skip). Going back
 * and repeating need the history and live in step.ts, built on replay.
 *
 * Pure: returns the next state, the replies and the effects to run; runs nothing.
 */
import { COMPUTE_FUNCTIONS } from './compute.js';
import { todayInDenmark } from './dates.js';
import { interpret, isSkippable, type SystemMessage } from './answer.js';
import { passes } from './conditions.js';
import { logEntry } from './log.js';
import { knownLocale, knownMunicipality } from './place.js';
import { buildPrompt, conditionScope, renderSay, type RenderContext } from './render.js';
import { setSlot } from './slots.js';
import { readPath } from './template.js';
import type {
  Action,
  Bundle,
  Clock,
  ConversationState,
  Effect,
  Flow,
  FlowNode,
  Input,
  Next,
  Reply,
  SlotValue,
  Slots,
  StepResult,
  Target,
} from './types.js';

export const SYSTEM_FLOW = 'system';
/** Nodes of the system flow the engine shows by itself; `medspiller check` requires them. */
export const SYSTEM_NODES = [
  'help',
  'human',
  'not_understood',
  'content_changed',
  'cannot_go_back',
  'date_invalid',
  'date_in_future',
  'text_required',
  'text_too_long',
] as const;
/** Nodes entered without a question in between; more means the flows loop. */
const MAX_AUTOMATIC_STEPS = 64;

export interface TurnResult extends StepResult {
  /** False when the input was free text that answered nothing (the caller may try intents). */
  understood: boolean;
}

interface Turn {
  ctx: RenderContext;
  state: ConversationState;
  replies: Reply[];
  effects: Effect[];
  now: number;
}

export interface StartOptions {
  municipality?: string;
  locale?: string;
  flow?: string;
}

/** A state positioned nowhere yet; `advance(…, { type: 'start' })` enters its flow. */
export function initialState(bundle: Bundle, options: StartOptions): ConversationState {
  const municipality = knownMunicipality(bundle, options.municipality);
  const locale = knownLocale(bundle, options.locale);
  const flows = bundle.municipalities[municipality]!.flows;
  const flow = options.flow && flows[options.flow] ? options.flow : bundle.mainFlow;
  return { v: 2, flow, node: flows[flow]!.entry, slots: {}, locale, municipality, contentVersion: bundle.version, log: [], done: false };
}

function beginTurn(bundle: Bundle, state: ConversationState, clock: Clock): Turn {
  const municipality = knownMunicipality(bundle, state.municipality);
  const locale = knownLocale(bundle, state.locale);
  const place = bundle.municipalities[municipality]!;
  // Written out rather than spread: a state parsed from JSON copies much faster field by field.
  // The log is replaced, never pushed to, so the caller's state can share it.
  const { v, flow, node, slots, log, done, page } = state;
  return {
    ctx: { bundle, place, locale, today: todayInDenmark(clock.now) },
    state: { v, flow, node, slots: { ...slots }, locale, municipality, contentVersion: bundle.version, log, done, ...(page !== undefined && { page }) },
    replies: [],
    effects: [],
    now: clock.now.getTime(),
  };
}

function currentNode(turn: Turn): FlowNode | undefined {
  return turn.ctx.place.flows[turn.state.flow]?.nodes[turn.state.node];
}

function finish(turn: Turn, understood = true): TurnResult {
  const node = currentNode(turn);
  const prompt =
    turn.state.done || !node ? ({ kind: 'none' } as const) : buildPrompt(turn.ctx, node, turn.state.slots, turn.state.page ?? 0);
  return { state: turn.state, replies: turn.replies, prompt, done: turn.state.done, effects: turn.effects, understood };
}

function sayFromSystem(turn: Turn, name: string): void {
  const node = turn.ctx.place.flows[SYSTEM_FLOW]?.nodes[name];
  turn.replies.push(...renderSay(turn.ctx, node?.say, turn.state.slots));
}

export function resolveNext(turn: { ctx: RenderContext; state: ConversationState }, next: Next | undefined): Target | undefined {
  if (next === undefined || !Array.isArray(next)) return next;
  const scope = conditionScope(turn.ctx, turn.state.slots);
  return next.find((branch) => passes(branch.if, scope))?.to;
}

function runCompute(turn: Turn, node: FlowNode): void {
  if (!node.compute) return; // most nodes compute nothing: no scope to build
  const values = conditionScope(turn.ctx, turn.state.slots).values;
  for (const [slot, spec] of Object.entries(node.compute ?? {})) {
    const fn = COMPUTE_FUNCTIONS[spec.fn];
    if (!fn) continue;
    const args = Object.fromEntries(
      Object.entries(spec.args).map(([param, path]) => [param, readPath(values, path) as SlotValue | undefined]),
    );
    setSlot(turn.state.slots, slot, fn.run(args, turn.ctx.today));
  }
}

function requestEffects(turn: Turn, node: FlowNode): void {
  for (const name of node.do ?? []) {
    const { slots, municipality, locale, flow, node: at } = turn.state;
    turn.effects.push({ name, slots: structuredClone(slots), municipality, locale, flow, node: at });
  }
}

/** Enters `target` and follows automatic transitions until a question or the end. */
function enter(turn: Turn, target: Target): void {
  const main: Target = { flow: turn.ctx.bundle.mainFlow };
  let next: Target | undefined = target;
  for (let steps = 0; next !== undefined; steps++) {
    const flowId: string = typeof next === 'string' ? turn.state.flow : next.flow;
    const flow: Flow | undefined = turn.ctx.place.flows[flowId];
    const nodeId: string | undefined = typeof next === 'string' ? next : (next.node ?? flow?.entry);
    const node: FlowNode | undefined = nodeId ? flow?.nodes[nodeId] : undefined;
    if (!node || steps >= MAX_AUTOMATIC_STEPS) {
      // Content changed under a running conversation (or loops): apologise and start from the menu.
      if (next === main || steps >= MAX_AUTOMATIC_STEPS) return endAtMenu(turn);
      sayFromSystem(turn, 'content_changed');
      next = main;
      continue;
    }
    turn.state.flow = flowId;
    turn.state.node = nodeId!;
    turn.state.page = undefined;
    runCompute(turn, node);
    turn.replies.push(...renderSay(turn.ctx, node.say, turn.state.slots));
    requestEffects(turn, node);
    if (node.ask) return;
    if (node.end) {
      turn.state.done = true;
      return;
    }
    // A node with no way on (the checker reports it) falls back to the menu rather than stopping.
    next = resolveNext(turn, node.next) ?? (flowId === turn.ctx.bundle.mainFlow && nodeId === flow!.entry ? undefined : main);
  }
  turn.state.done = true;
}

function endAtMenu(turn: Turn): void {
  const flow = turn.ctx.place.flows[turn.ctx.bundle.mainFlow]!;
  turn.state.flow = turn.ctx.bundle.mainFlow;
  turn.state.node = flow.entry;
  turn.state.done = !flow.nodes[flow.entry]?.ask;
}

function start(turn: Turn, flow: string | undefined, keep?: Slots): TurnResult {
  const known = flow && turn.ctx.place.flows[flow] ? flow : turn.ctx.bundle.mainFlow;
  turn.state.slots = keep ? structuredClone(keep) : {};
  turn.state.done = false;
  const input: Input = known === turn.ctx.bundle.mainFlow ? { type: 'start' } : { type: 'start', flow: known };
  if (keep) input.keep = keep;
  turn.state.log = [logEntry(input, turn.now)];
  enter(turn, { flow: known });
  return finish(turn);
}

/** The slots a new start keeps (settings' keepOnRestart); undefined when none is set. */
function keptSlots(turn: Turn): Slots | undefined {
  const kept: Slots = {};
  for (const name of turn.ctx.bundle.keepOnRestart ?? []) {
    if (turn.state.slots[name] !== undefined) kept[name] = turn.state.slots[name]!;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

function reprompt(turn: Turn, message?: SystemMessage | 'help' | 'human', understood = true): TurnResult {
  if (message) sayFromSystem(turn, message);
  return finish(turn, understood);
}

function accept(turn: Turn, node: FlowNode, input: Input, value: SlotValue, next: Next | undefined, set?: Record<string, SlotValue>): TurnResult {
  setSlot(turn.state.slots, node.slot ?? turn.state.node, value);
  for (const [path, extra] of Object.entries(set ?? {})) setSlot(turn.state.slots, path, extra);
  turn.state.log = [...turn.state.log, logEntry(input, turn.now)];
  const target = resolveNext(turn, next);
  if (target === undefined) endAtMenu(turn);
  else enter(turn, target);
  return finish(turn);
}

function runAction(turn: Turn, action: Action): TurnResult {
  const node = currentNode(turn);
  switch (action) {
    case 'restart':
      return start(turn, undefined, keptSlots(turn));
    case 'help':
    case 'human':
      return reprompt(turn, action);
    case 'skip':
      return node && isSkippable(node) ? accept(turn, node, { type: 'action', action }, null, node.next) : reprompt(turn, 'not_understood');
    default:
      // back and repeat need the history: step() handles them before a turn gets here.
      return finish(turn);
  }
}

/**
 * One content text, said in the conversation's place and language with its placeholders filled,
 * outside any turn: for what the conversation layer has to add after a turn (a request that could
 * not be stored).
 */
export function notice(bundle: Bundle, state: ConversationState, key: string, clock: Clock): Reply {
  const turn = beginTurn(bundle, state, clock);
  return renderSay(turn.ctx, [key], turn.state.slots)[0]!;
}

/** The current question again, with the text of its node: used when a replay cannot show it. */
export function present(bundle: Bundle, state: ConversationState, clock: Clock): TurnResult {
  const turn = beginTurn(bundle, state, clock);
  turn.replies.push(...renderSay(turn.ctx, currentNode(turn)?.say, turn.state.slots));
  return finish(turn);
}

/** One forward turn. Never throws for any input. */
export function advance(bundle: Bundle, state: ConversationState, input: Input, clock: Clock): TurnResult {
  const turn = beginTurn(bundle, state, clock);
  if (input.type === 'start') return start(turn, input.flow, input.keep);
  if (input.type === 'locale') return finish(turn);
  // After goodbye, anything the citizen does starts a new conversation: never a dead end.
  if (turn.state.done) return start(turn, undefined, keptSlots(turn));
  if (input.type === 'action') return runAction(turn, input.action);
  const node = currentNode(turn);
  if (!node?.ask) {
    sayFromSystem(turn, 'content_changed');
    return start(turn, undefined);
  }
  const reading = interpret(turn.ctx, node, input, turn.state.slots, turn.state.page ?? 0);
  if (reading.kind === 'problem') return reprompt(turn, reading.message, input.type !== 'text');
  if (reading.kind === 'more') {
    turn.state.page = (turn.state.page ?? 0) + 1;
    return finish(turn);
  }
  return accept(turn, node, input, reading.value, reading.choice?.next ?? node.next, reading.choice?.set as Record<string, SlotValue> | undefined);
}
