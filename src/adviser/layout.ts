/**
 * A small layered layout for flow maps, top to bottom:
 * 1. arrows that go back (to a node still being visited in a depth-first walk
 *    from the nodes in the given order) are set aside, leaving no cycles;
 * 2. each node's layer is the longest path to it from a node with no arrow in;
 * 3. an arrow spanning several layers gets a waypoint in each layer between,
 *    so it runs between boxes rather than through them;
 * 4. within a layer, nodes are ordered by the average position of their
 *    neighbours in the layer above (then below, then above again), ties kept
 *    in the given (first visit) order.
 * Forward arrows are drawn as curves from the bottom of one box to the top of
 * the next; arrows going back or sideways run round the right-hand side.
 *
 * Pure and deterministic.
 */

export interface LayoutBox {
  key: string;
  layer: number;
  x: number;
  y: number;
}

export interface LayoutEdge {
  from: string;
  to: string;
  /** SVG path data. */
  path: string;
}

export interface Layout {
  width: number;
  height: number;
  boxWidth: number;
  boxHeight: number;
  boxes: Map<string, LayoutBox>;
  edges: LayoutEdge[];
}

export const BOX_WIDTH = 220;
export const BOX_HEIGHT = 62;
const GAP_X = 28;
const GAP_Y = 56;
const MARGIN = 20;
const BACK_EDGE_SPACING = 14;
const WAYPOINT_WIDTH = 12;

/** Arrows that close a cycle, found by a depth-first walk from the nodes in order. */
function backEdges(keys: readonly string[], successors: Map<string, string[]>): Set<string> {
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<string>();
  for (const root of keys) {
    if (state.has(root)) continue;
    const stack: Array<{ key: string; next: number }> = [{ key: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const succ = successors.get(top.key) ?? [];
      if (top.next >= succ.length) {
        state.set(top.key, 'done');
        stack.pop();
        continue;
      }
      const to = succ[top.next++]!;
      if (state.get(to) === 'open') back.add(`${top.key}\u0000${to}`);
      else if (!state.has(to)) {
        state.set(to, 'open');
        stack.push({ key: to, next: 0 });
      }
    }
  }
  return back;
}

/** Longest-path layers over the arrows that are not back arrows. */
function layers(keys: readonly string[], forward: Array<[string, string]>): Map<string, number> {
  const incoming = new Map(keys.map((k) => [k, 0]));
  for (const [, to] of forward) incoming.set(to, (incoming.get(to) ?? 0) + 1);
  const layer = new Map(keys.map((k) => [k, 0]));
  const ready = keys.filter((k) => incoming.get(k) === 0);
  while (ready.length > 0) {
    const key = ready.shift()!;
    for (const [from, to] of forward) {
      if (from !== key) continue;
      layer.set(to, Math.max(layer.get(to)!, layer.get(key)! + 1));
      incoming.set(to, incoming.get(to)! - 1);
      if (incoming.get(to) === 0) ready.push(to);
    }
  }
  return layer;
}

/** A point an arrow spanning several layers passes through, one per layer in between. */
interface Waypoint {
  key: string;
  edge: number;
}

const isWaypoint = (key: string) => key.startsWith('\u0001');

/** Splits arrows that span several layers into one-layer steps through waypoints. */
function withWaypoints(forward: Array<[string, string]>, layer: Map<string, number>): { steps: Array<[string, string]>; waypoints: Waypoint[]; chains: string[][] } {
  const steps: Array<[string, string]> = [];
  const waypoints: Waypoint[] = [];
  const chains: string[][] = [];
  forward.forEach(([from, to], edge) => {
    const chain = [from];
    for (let l = layer.get(from)! + 1; l < layer.get(to)!; l++) {
      const key = `\u0001${edge}:${l}`;
      layer.set(key, l);
      waypoints.push({ key, edge });
      chain.push(key);
    }
    chain.push(to);
    chains.push(chain);
    for (let i = 1; i < chain.length; i++) steps.push([chain[i - 1]!, chain[i]!]);
  });
  return { steps, waypoints, chains };
}

/** Reorders one row by the average position of its neighbours in the row before (or after). */
function sweep(row: string[], neighbours: (key: string) => string[], position: Map<string, number>): void {
  const weight = new Map(
    row.map((key, i) => {
      const around = neighbours(key).filter((k) => position.has(k)).map((k) => position.get(k)!);
      return [key, { c: around.length > 0 ? around.reduce((a, b) => a + b, 0) / around.length : Number.POSITIVE_INFINITY, i }];
    }),
  );
  row.sort((a, b) => weight.get(a)!.c - weight.get(b)!.c || weight.get(a)!.i - weight.get(b)!.i);
}

function orderWithinLayers(keys: readonly string[], layer: Map<string, number>, steps: Array<[string, string]>): string[][] {
  const rows: string[][] = [];
  for (const key of keys) (rows[layer.get(key)!] ??= []).push(key);
  const above = (key: string) => steps.filter(([, to]) => to === key).map(([from]) => from);
  const below = (key: string) => steps.filter(([from]) => from === key).map(([, to]) => to);
  const place = (row: string[], position: Map<string, number>) => row.forEach((key, i) => position.set(key, i / Math.max(1, row.length - 1)));
  // Down, up, and down again: enough to untangle the small graphs of a flow.
  for (const direction of ['down', 'up', 'down'] as const) {
    const position = new Map<string, number>();
    const order = direction === 'down' ? rows.map((_, i) => i) : rows.map((_, i) => rows.length - 1 - i);
    order.forEach((r, n) => {
      if (n > 0) sweep(rows[r]!, direction === 'down' ? above : below, position);
      place(rows[r]!, position);
    });
  }
  return rows;
}

export function layoutGraph(keys: readonly string[], edges: ReadonlyArray<{ from: string; to: string }>): Layout {
  const pairs = [...new Map(edges.map((e) => [`${e.from}\u0000${e.to}`, [e.from, e.to] as [string, string]])).values()];
  const successors = new Map<string, string[]>();
  for (const [from, to] of pairs) (successors.get(from) ?? successors.set(from, []).get(from)!).push(to);
  const back = backEdges(keys, successors);
  const forward = pairs.filter(([from, to]) => !back.has(`${from}\u0000${to}`) && from !== to);
  const layer = layers(keys, forward);
  const { steps, waypoints, chains } = withWaypoints(forward, layer);
  const rows = orderWithinLayers([...keys, ...waypoints.map((w) => w.key)], layer, steps);
  const widthOf = (key: string) => (isWaypoint(key) ? WAYPOINT_WIDTH : BOX_WIDTH);
  const rowWidth = (row: string[]) => row.reduce((sum, key) => sum + widthOf(key), 0) + Math.max(0, row.length - 1) * GAP_X;
  const contentWidth = Math.max(BOX_WIDTH, ...rows.map(rowWidth));
  const boxes = new Map<string, LayoutBox>();
  rows.forEach((row, r) => {
    let x = MARGIN + (contentWidth - rowWidth(row)) / 2;
    for (const key of row) {
      boxes.set(key, { key, layer: r, x, y: MARGIN + r * (BOX_HEIGHT + GAP_Y) });
      x += widthOf(key) + GAP_X;
    }
  });
  const right = MARGIN + contentWidth;
  const routed: LayoutEdge[] = chains.map((chain) => ({ from: chain[0]!, to: chain.at(-1)!, path: forwardPath(chain.map((key) => boxes.get(key)!)) }));
  let backCount = 0;
  for (const [from, to] of pairs) {
    if (forward.some(([f, t]) => f === from && t === to)) continue;
    backCount += 1;
    routed.push({ from, to, path: aroundPath(boxes.get(from)!, boxes.get(to)!, right + backCount * BACK_EDGE_SPACING) });
  }
  for (const key of waypoints.map((w) => w.key)) boxes.delete(key);
  const height = MARGIN * 2 + rows.length * BOX_HEIGHT + Math.max(0, rows.length - 1) * GAP_Y;
  return { width: right + MARGIN + backCount * BACK_EDGE_SPACING, height, boxWidth: BOX_WIDTH, boxHeight: BOX_HEIGHT, boxes, edges: routed };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Down through a chain of boxes and waypoints: curves between layers, straight through a waypoint's layer. */
function forwardPath(chain: LayoutBox[]): string {
  const centre = (box: LayoutBox) => box.x + (isWaypoint(box.key) ? WAYPOINT_WIDTH : BOX_WIDTH) / 2;
  const bend = GAP_Y / 2;
  const first = chain[0]!;
  let x = centre(first);
  let y = first.y + BOX_HEIGHT;
  let d = `M${round(x)},${round(y)}`;
  for (const box of chain.slice(1)) {
    const tx = centre(box);
    d += ` C${round(x)},${round(y + bend)} ${round(tx)},${round(box.y - bend)} ${round(tx)},${round(box.y)}`;
    x = tx;
    y = box.y;
    if (isWaypoint(box.key)) {
      y = box.y + BOX_HEIGHT;
      d += ` L${round(x)},${round(y)}`;
    }
  }
  return d;
}

/** From the right side of `a` out to `x` and into the right side of `b`. */
function aroundPath(a: LayoutBox, b: LayoutBox, x: number): string {
  const sx = a.x + BOX_WIDTH;
  const sy = a.y + BOX_HEIGHT / 2;
  const tx = b.x + BOX_WIDTH;
  const ty = b.y + BOX_HEIGHT / 2 + (a === b ? 0 : 6);
  return `M${round(sx)},${round(sy)} C${round(x)},${round(sy)} ${round(x)},${round(ty)} ${round(tx)},${round(ty)}`;
}
