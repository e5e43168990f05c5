/**
 * One question's bar chart as SVG built with DOM calls (no innerHTML, no inline
 * style, so it runs under a strict CSP and prints crisply). Local figures above,
 * the national VIVE figures below, on the 0–3 scale. Each group has its own fill
 * pattern and every bar is labelled in words, so nothing is told by colour alone.
 * The chart is hidden from screen readers: the table next to it holds the same numbers.
 */
import type { QuestionReport } from '../../survey/survey-report.js';
import { formatMean, GROUP_LABELS, suppressedText, countText, type GroupName } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
const GROUPS: GroupName[] = ['citizens', 'caseworkers', 'managers'];
const WIDTH = 720;
const LABEL_WIDTH = 150;
const SCALE_WIDTH = 420;
const ROW = 26;
const BAR = 18;
const HEADING = 24;

type Attributes = Record<string, string | number>;

function svgElement<K extends keyof SVGElementTagNameMap>(name: K, attributes: Attributes = {}, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Fill patterns: solid for citizens, diagonal hatching for caseworkers, dots for managers. */
function patterns(prefix: string): SVGDefsElement {
  const defs = svgElement('defs');
  const hatch = svgElement('pattern', { id: `${prefix}-caseworkers`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  hatch.append(svgElement('rect', { width: 6, height: 6, class: 'fill-caseworkers-bg' }), svgElement('rect', { width: 3, height: 6, class: 'fill-caseworkers' }));
  const dots = svgElement('pattern', { id: `${prefix}-managers`, width: 6, height: 6, patternUnits: 'userSpaceOnUse' });
  dots.append(svgElement('rect', { width: 6, height: 6, class: 'fill-managers-bg' }), svgElement('circle', { cx: 3, cy: 3, r: 2, class: 'fill-managers' }));
  defs.append(hatch, dots);
  return defs;
}

function fillFor(group: GroupName, prefix: string): string {
  return group === 'citizens' ? '' : `url(#${prefix}-${group})`;
}

const x = (value: number) => LABEL_WIDTH + (value / 3) * SCALE_WIDTH;

function axis(top: number, height: number): SVGGElement {
  const g = svgElement('g', { class: 'axis' });
  for (const tick of [0, 1, 2, 3]) {
    g.append(svgElement('line', { x1: x(tick), x2: x(tick), y1: top, y2: top + height, class: 'grid' }));
    g.append(svgElement('text', { x: x(tick), y: top + height + 14, 'text-anchor': 'middle', class: 'tick' }, String(tick)));
  }
  g.append(svgElement('text', { x: x(0), y: top + height + 28, 'text-anchor': 'start', class: 'tick' }, 'Slet ikke'));
  g.append(svgElement('text', { x: x(3), y: top + height + 28, 'text-anchor': 'end', class: 'tick' }, 'I høj grad'));
  return g;
}

function bar(group: GroupName, y: number, value: number, label: string, prefix: string): SVGGElement {
  const g = svgElement('g', { class: `bar bar-${group}` });
  g.append(svgElement('text', { x: LABEL_WIDTH - 8, y: y + BAR - 5, 'text-anchor': 'end', class: 'label' }, GROUP_LABELS[group]));
  // Patterned bars get their fill as an attribute: a class would let CSS paint over the pattern.
  const fill = fillFor(group, prefix);
  const rect = svgElement('rect', { x: x(0), y, width: Math.max(1, x(value) - x(0)), height: BAR, ...(fill ? { fill } : { class: 'fill-citizens' }) });
  g.append(rect, svgElement('text', { x: x(value) + 6, y: y + BAR - 5, class: 'value' }, label));
  return g;
}

function missing(group: GroupName, y: number, text: string): SVGGElement {
  const g = svgElement('g', { class: `bar bar-${group} missing` });
  g.append(svgElement('text', { x: LABEL_WIDTH - 8, y: y + BAR - 5, 'text-anchor': 'end', class: 'label' }, GROUP_LABELS[group]));
  g.append(svgElement('text', { x: x(0) + 6, y: y + BAR - 5, class: 'value missing-text' }, `Intet tal: ${text}`));
  return g;
}

export function questionChart(question: QuestionReport, prefix: string): SVGSVGElement {
  const localTop = HEADING;
  const nationalTop = localTop + GROUPS.length * ROW + HEADING;
  const height = nationalTop + GROUPS.length * ROW + 36;
  const svg = svgElement('svg', { viewBox: `0 0 ${WIDTH} ${height}`, class: 'chart', 'aria-hidden': 'true', focusable: 'false' });
  svg.append(patterns(prefix), axis(localTop - 4, nationalTop + GROUPS.length * ROW - localTop + 4));
  svg.append(svgElement('text', { x: 0, y: localTop - 8, class: 'cluster' }, 'I kommunen'));
  GROUPS.forEach((group, i) => {
    const cell = question[group];
    const y = localTop + i * ROW;
    svg.append(cell.mean === null ? missing(group, y, suppressedText(cell)) : bar(group, y, cell.mean, `${formatMean(cell.mean)} (n = ${countText(cell)})`, prefix));
  });
  svg.append(svgElement('text', { x: 0, y: nationalTop - 8, class: 'cluster' }, 'Hele landet (VIVE)'));
  GROUPS.forEach((group, i) => svg.append(bar(group, nationalTop + i * ROW, question.national[group], formatMean(question.national[group]), prefix)));
  return svg;
}
