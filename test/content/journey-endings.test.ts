/**
 * Nothing is a dead end: in every municipality (flow overlays applied), from every
 * node of the four journeys the citizen can reach "what next" (menu/choose_next),
 * which offers the other journeys, a person and goodbye. `medspiller check` sees
 * that each node has a way on; this sees that the ways lead out, with no loop
 * that only leads back into itself.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGraph, type FlowGraph } from '../../src/content/flow-graph.js';
import { askChoices } from '../../src/content/flow-walk.js';
import { readModel } from '../../src/content/read-model.js';
import { allViews, type View } from '../../src/content/views.js';

const ROOT = join(import.meta.dirname, '..', '..');
const JOURNEYS = ['rights', 'complaint', 'adviser', 'meeting'];
const WHAT_NEXT = 'menu/choose_next';

let views: View[];
beforeAll(async () => {
  views = allViews((await readModel(ROOT)).model);
});

function viewName(view: View): string {
  return view.municipality?.id ?? 'base';
}

/** Every node key from which `target` can be reached. */
function reachingKeys(graph: FlowGraph, target: string): Set<string> {
  const reached = new Set([target]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of graph.nodes.values()) {
      if (!reached.has(node.key) && node.successors.some((s) => reached.has(s))) {
        reached.add(node.key);
        grew = true;
      }
    }
  }
  return reached;
}

describe('the end of every journey', () => {
  it('is reachable from every node of every journey, in every municipality', () => {
    const stuck: string[] = [];
    for (const view of views) {
      const graph = buildGraph(view);
      const leadsOut = reachingKeys(graph, WHAT_NEXT);
      for (const key of graph.nodes.keys()) {
        if (JOURNEYS.includes(key.split('/')[0]!) && !leadsOut.has(key)) stuck.push(`${viewName(view)}: ${key}`);
      }
    }
    expect(stuck).toEqual([]);
  });

  it('offers every journey, a person and goodbye, in every municipality', () => {
    for (const view of views) {
      const node = view.flows.get('menu')!.nodes.get('choose_next')!.node!;
      const targets = (askChoices(node) ?? []).map((c) => c.next);
      expect(targets, viewName(view)).toEqual(expect.arrayContaining([...JOURNEYS.map((flow) => ({ flow })), 'human', 'goodbye']));
    }
  });

  it('is where every journey goes when the citizen says they are done', () => {
    const doneElsewhere: string[] = [];
    for (const view of views) {
      for (const flow of JOURNEYS.map((id) => view.flows.get(id)!)) {
        for (const [id, model] of flow.nodes) {
          for (const choice of askChoices(model.node!) ?? []) {
            if (choice.id === 'done' && JSON.stringify(choice.next) !== JSON.stringify({ flow: 'menu', node: 'what_next' })) {
              doneElsewhere.push(`${viewName(view)}: ${flow.id}/${id}`);
            }
          }
        }
      }
    }
    expect(doneElsewhere).toEqual([]);
  });
});
