/**
 * Walks the real conversation graph by stepping the engine: from the start of every
 * flow, every offered choice, a few dates chosen to hit each deadline branch (in time,
 * last day today, tomorrow, an uncertain last day, passed), a sample text for each
 * kind of text field, and "skip" where a question may be skipped. Each distinct state
 * (node and slots) is visited once, and at most MAX_STATES_PER_NODE states per node,
 * so the walk reaches every node and its variants without exploding.
 */
import { startConversation, step } from '../../src/engine/index.js';
import type { Bundle, Clock, ConversationState, Input, StepResult } from '../../src/engine/types.js';

/** A Tuesday: the dates below put the last day to complain on each kind of day. */
export const EXPLORE_TODAY = '2026-12-01';
export const EXPLORE_CLOCK: Clock = { now: new Date(`${EXPLORE_TODAY}T10:00:00Z`) };
const DATES = [
  EXPLORE_TODAY, // 28 days left
  '2026-11-03', // Digital Post: the last day is today
  '2026-11-04', // Digital Post: tomorrow
  '2026-11-26', // Digital Post: 24 December, an uncertain last day
  '2026-06-01', // passed
];
const TEXTS: Record<string, string> = { name: 'Test Testesen', tel: '12 34 56 78', email: 'test@example.org', text: 'Jeg vil tale om min hjælp.' };
const MAX_STATES_PER_NODE = 8;

export interface Visit {
  /** Where the citizen is after the step: `flow/node`. */
  at: string;
  state: ConversationState;
  result: StepResult;
  /** The inputs from the start that led here. */
  path: Input[];
}

function inputsFor(result: StepResult): Input[] {
  const { prompt } = result;
  switch (prompt.kind) {
    case 'choice':
      return prompt.choices.map((c) => ({ type: 'choice', id: c.id }));
    case 'scale':
      return [...prompt.choices.map((c): Input => ({ type: 'choice', id: c.id })), { type: 'action', action: 'skip' }];
    case 'date':
      return DATES.map((value) => ({ type: 'date', value }));
    case 'text':
      return [{ type: 'text', text: TEXTS[prompt.inputMode ?? 'text'] ?? TEXTS.text! }, ...(prompt.optional ? [{ type: 'action', action: 'skip' } as const] : [])];
    case 'none':
      return [];
  }
}

/** Every state reachable in `municipality` and `locale`, from the start of every flow but the system flow. */
export function explore(bundle: Bundle, municipality: string, locale: string, flows?: string[]): Visit[] {
  const place = bundle.municipalities[municipality]!;
  const starts = flows ?? Object.keys(place.flows).filter((f) => f !== 'system');
  const visits: Visit[] = [];
  const seen = new Set<string>();
  const perNode = new Map<string, number>();
  const queue: Visit[] = starts.map((flow) => {
    const result = startConversation(bundle, { municipality, locale, flow }, EXPLORE_CLOCK);
    return { at: `${result.state.flow}/${result.state.node}`, state: result.state, result, path: [] };
  });
  while (queue.length > 0) {
    const visit = queue.shift()!;
    const { flow, node, slots, page, done } = visit.state;
    const key = `${flow}/${node}|${page ?? 0}|${done}|${JSON.stringify(slots)}`;
    const count = perNode.get(visit.at) ?? 0;
    if (seen.has(key) || count >= MAX_STATES_PER_NODE) continue;
    seen.add(key);
    perNode.set(visit.at, count + 1);
    visits.push(visit);
    if (visit.result.done) continue;
    for (const input of inputsFor(visit.result)) {
      const result = step(bundle, visit.state, input, EXPLORE_CLOCK);
      queue.push({ at: `${result.state.flow}/${result.state.node}`, state: result.state, result, path: [...visit.path, input] });
    }
  }
  return visits;
}
