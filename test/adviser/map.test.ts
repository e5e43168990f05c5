/**
 * Flow maps: the Mermaid text is a well-formed flowchart with every node and
 * arrow (snapshots of the real flows too), the SVG is well-formed XML with a
 * title, a description and a titled box per node, and both mark nodes no
 * start reaches and nodes with no way on.
 */
import { describe, expect, it } from 'vitest';
import { layoutGraph, BOX_HEIGHT, BOX_WIDTH } from '../../src/adviser/layout.js';
import { buildFlowMap, type FlowMap } from '../../src/adviser/map-model.js';
import { flowMapToMermaid, mermaidIds } from '../../src/adviser/mermaid.js';
import { flowMapToSvg } from '../../src/adviser/svg-map.js';
import { adviserBundle } from './adviser-bundle.js';
import { FLOW_IDS, realBundle } from './real-bundle.js';
import { checkXml } from './xml-check.js';

const ID = '[A-Za-z][A-Za-z0-9_]*';
const LABEL = '"[^"\\n]*"';
const LINE_FORMS = [
  /^flowchart TD$/,
  /^ {2}%% [^\n]*$/,
  new RegExp(`^ {2}(${ID})\\[${LABEL}\\]$`),
  new RegExp(`^ {2}(${ID})\\(\\[${LABEL}\\]\\)$`),
  new RegExp(`^ {2}(${ID}) -->(\\|${LABEL}\\|)? (${ID})$`),
  new RegExp(`^ {2}classDef (entry|unreachable|deadEnd|external) [a-z-]+:[^,;]+(,[a-z-]+:[^,;]+)*$`),
  new RegExp(`^ {2}class ${ID}(,${ID})* (entry|unreachable|deadEnd|external)$`),
];

/** Checks every line against the forms we emit; returns declared node ids and arrows. */
function parseMermaid(text: string): { nodes: string[]; edges: Array<[string, string]>; classes: Record<string, string[]> } {
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toBe('flowchart TD');
  const nodes: string[] = [];
  const edges: Array<[string, string]> = [];
  const classes: Record<string, string[]> = {};
  for (const line of lines) {
    expect(LINE_FORMS.some((form) => form.test(line)), `unexpected Mermaid line: ${line}`).toBe(true);
    const node = /^ {2}([A-Za-z][A-Za-z0-9_]*)(\[|\(\[)/.exec(line);
    if (node) nodes.push(node[1]!);
    const edge = new RegExp(`^ {2}(${ID}) -->(?:\\|${LABEL}\\|)? (${ID})$`).exec(line);
    if (edge) edges.push([edge[1]!, edge[2]!]);
    const cls = new RegExp(`^ {2}class (\\S+) (\\w+)$`).exec(line);
    if (cls) classes[cls[2]!] = cls[1]!.split(',');
  }
  expect(new Set(nodes).size).toBe(nodes.length);
  for (const [from, to] of edges) expect(nodes).toEqual(expect.arrayContaining([from, to]));
  return { nodes, edges, classes };
}

function expectMapMatchesMermaid(map: FlowMap, text: string): ReturnType<typeof parseMermaid> {
  const parsed = parseMermaid(text);
  const ids = mermaidIds(map.nodes);
  expect(parsed.nodes).toEqual(map.nodes.map((n) => ids.get(n.key)));
  expect(parsed.edges).toEqual(map.edges.map((e) => [ids.get(e.from), ids.get(e.to)]));
  return parsed;
}

describe('maps of the real flows', () => {
  it.each(FLOW_IDS)('%s: Mermaid with every node and arrow, and a well-formed SVG', async (flow) => {
    const bundle = await realBundle();
    const map = buildFlowMap(bundle, { flow })!;
    const nodeIds = Object.keys(bundle.municipalities[bundle.defaultMunicipality]!.flows[flow]!.nodes);
    expect(map.nodes.filter((n) => n.kind === 'node').map((n) => n.key).sort()).toEqual([...nodeIds].sort());
    const text = flowMapToMermaid(map);
    const parsed = expectMapMatchesMermaid(map, text);
    for (const id of nodeIds) expect(parsed.nodes).toContain(`n_${id.replace(/[^A-Za-z0-9_]/g, '_')}`);
    await expect(text).toMatchFileSnapshot(`__snapshots__/${flow}.map.mmd`);
    const { problems, elements } = checkXml(flowMapToSvg(map));
    expect(problems).toEqual([]);
    expect(elements.filter((e) => e.name === 'rect' && e.attributes.rx).length).toBeGreaterThanOrEqual(map.nodes.length);
  });
});

describe('the map of a test flow', () => {
  const map = buildFlowMap(adviserBundle(), { flow: 'advice' })!;

  it('marks the node no start reaches and the dead ends, in Mermaid', () => {
    const text = flowMapToMermaid(map);
    const { classes } = expectMapMatchesMermaid(map, text);
    expect(classes.unreachable).toEqual(['n_orphan', 'n_stuck']);
    expect(classes.deadEnd).toEqual(['n_stuck', 'm_letter__to__advice__nowhere']);
    expect(classes.entry).toEqual(['n_start']);
    expect(text).toContain('n_orphan["7.1 orphan: Denne tekst vises aldrig. (nås ikke)"]');
    expect(text).toContain('n_stuck["8.1 stuck: Her stopper det. (nås ikke) (blindgyde)"]');
  });

  it('escapes quotes, #, brackets and pipes in labels', () => {
    const text = flowMapToMermaid(map);
    expect(text).toContain('n_start -->|"På skrift #quot;A#quot; #35;1"| n_ask_date');
    expect(text).toContain('-->|"Mundtligt [x] #124; #123;y#125;"| x_start__to__other__hello');
    expect(text).toContain('n_deadline -->|"hvis fristen er overskredet"| n_late');
  });

  it('draws an accessible SVG that marks the same nodes in words and style', () => {
    const svg = flowMapToSvg(map);
    const { problems, elements } = checkXml(svg);
    expect(problems).toEqual([]);
    const root = elements[0]!;
    expect(root.attributes).toMatchObject({ role: 'img', 'aria-labelledby': 'map-title map-desc' });
    expect(elements.find((e) => e.attributes.id === 'map-title')?.text).toBe('Kort over samtalen Råd om klage');
    expect(elements.find((e) => e.attributes.id === 'map-desc')?.text).toContain('Samtalen starter ved 1.1 start.');
    const group = (id: string) => {
      const at = svg.indexOf(`<g id="${id}"`);
      return svg.slice(at, svg.indexOf('</g>', at));
    };
    expect(group('map-orphan')).toContain('stroke-dasharray="6 4"');
    expect(group('map-orphan')).toContain('>nås ikke</text>');
    expect(group('map-stuck')).toContain('stroke="#b00020"');
    expect(group('map-stuck')).toContain('>nås ikke, blindgyde</text>');
    expect(group('map-start')).toContain('stroke-width="4"');
    expect(svg).not.toContain('<script');
    expect(svg).not.toMatch(/\sstyle=/);
  });
});

describe('layoutGraph', () => {
  it('puts each node below everything that leads to it, and boxes never overlap', () => {
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const layout = layoutGraph(keys, [
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c' },
      { from: 'b', to: 'd' },
      { from: 'c', to: 'd' },
      { from: 'a', to: 'd' },
      { from: 'd', to: 'a' },
      { from: 'd', to: 'e' },
    ]);
    const layer = (key: string) => layout.boxes.get(key)!.layer;
    expect([layer('a'), layer('b'), layer('c'), layer('d'), layer('e')]).toEqual([0, 1, 1, 2, 3]);
    const boxes = [...layout.boxes.values()];
    expect(boxes).toHaveLength(keys.length);
    for (const x of boxes) {
      for (const y of boxes) {
        if (x === y) continue;
        const apart = x.x + BOX_WIDTH <= y.x || y.x + BOX_WIDTH <= x.x || x.y + BOX_HEIGHT <= y.y || y.y + BOX_HEIGHT <= x.y;
        expect(apart, `${x.key} and ${y.key} overlap`).toBe(true);
      }
      expect(x.x + BOX_WIDTH).toBeLessThanOrEqual(layout.width);
      expect(x.y + BOX_HEIGHT).toBeLessThanOrEqual(layout.height);
    }
    expect(layout.edges).toHaveLength(7);
    expect(layout.edges.find((e) => e.from === 'a' && e.to === 'd')!.path).toContain(' L');
  });

  it('is deterministic', () => {
    const edges = [{ from: 'x', to: 'y' }, { from: 'y', to: 'x' }, { from: 'x', to: 'z' }];
    expect(layoutGraph(['x', 'y', 'z'], edges)).toEqual(layoutGraph(['x', 'y', 'z'], edges));
  });
});
