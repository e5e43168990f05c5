/**
 * The report as DOM: a heading saying what is shown (municipality, period,
 * area), then per question the chart, the gaps as numbers and a data table
 * with the same figures (the accessible alternative to the chart).
 * Text goes in with textContent only: nothing from the server is parsed as HTML.
 */
import type { QuestionReport, SurveyReport } from '../../survey/survey-report.js';
import { questionChart } from './chart.js';
import { AREA_LABELS, countText, formatCount, formatGap, formatMean, GROUP_LABELS, quarterLabel, type GroupName } from './format.js';

const GROUPS: GroupName[] = ['citizens', 'caseworkers', 'managers'];

export function el<K extends keyof HTMLElementTagNameMap>(name: K, attributes: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  element.append(...children);
  return element;
}

function periodText(report: SurveyReport): string {
  const { quarters } = report.period;
  if (quarters.length === 0) return 'ingen afsluttede kvartaler';
  const first = quarterLabel(quarters[0]!);
  const last = quarterLabel(quarters.at(-1)!);
  return first === last ? first : `${first} – ${last}`;
}

/** "2026-W14" → "uge 14 i 2026". */
function weekText(week: string): string {
  const [year, number] = week.split('-W');
  return `uge ${Number(number)} i ${year}`;
}

function nationalText(report: SurveyReport): string {
  const { label, respondents: r } = report.baseline;
  return `Hele landet: ${label}, med svar fra ${formatCount(r.citizens)} borgere, ${formatCount(r.caseworkers)} sagsbehandlere og ${formatCount(r.managers)} ledere i ${formatCount(r.municipalities)} kommuner.`;
}

function summary(report: SurveyReport): HTMLElement {
  const area = report.area ? AREA_LABELS[report.area] ?? report.area : 'Alle områder';
  const box = el('div', { class: 'summary' });
  box.append(
    el('h2', { id: 'report-heading' }, `${report.municipality.name}`),
    el('p', {}, `Periode: ${periodText(report)}`, report.period.from ? ` (${weekText(report.period.from)} til ${weekText(report.period.to!)})` : '', `. Område: ${area}.`),
    el('p', { class: 'help' }, nationalText(report)),
    el('p', { class: 'help' }, `Svar fra det igangværende kvartal (${quarterLabel(report.period.running)}) kommer med, når kvartalet er slut. Tal vises for grupper med mindst ${report.minimumGroupSize} svar.`),
  );
  if (!report.municipality.surveyEnabled) box.append(el('p', { class: 'notice' }, 'Kommunen bruger ikke spørgeskemaet lige nu. Tallene er fra tidligere svar.'));
  if (report.period.quarters.length === 0) {
    box.append(el('p', { class: 'notice' }, 'Der er endnu ingen afsluttede kvartaler i den valgte periode, så der er ingen tal at vise.'));
  }
  return box;
}

function gapSentence(question: QuestionReport, staff: 'caseworkers' | 'managers'): HTMLElement {
  const local = question.gaps.local[staff];
  return el(
    'li',
    {},
    `${GROUP_LABELS[staff]} minus borgere: `,
    el('strong', { class: 'gap-number' }, local === null ? 'kan ikke vises' : formatGap(local)),
    local === null ? ' (for få svar i en af grupperne)' : ' i kommunen',
    `, ${formatGap(question.gaps.national[staff])} i hele landet.`,
  );
}

function dataTable(question: QuestionReport, headingId: string): HTMLTableElement {
  const table = el('table', { class: 'data', 'aria-describedby': headingId });
  table.append(el('caption', {}, 'Tallene bag grafen'));
  const head = el('tr', {}, ...['Gruppe', 'Gennemsnit i kommunen', 'Antal svar (n)', 'Hele landet'].map((t) => el('th', { scope: 'col' }, t)));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  for (const group of GROUPS) {
    const cell = question[group];
    body.append(
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, GROUP_LABELS[group]),
        el('td', {}, cell.mean === null ? 'intet tal' : formatMean(cell.mean)),
        el('td', {}, countText(cell)),
        el('td', {}, formatMean(question.national[group])),
      ),
    );
  }
  for (const staff of ['caseworkers', 'managers'] as const) {
    const local = question.gaps.local[staff];
    body.append(
      el(
        'tr',
        { class: 'gap-row' },
        el('th', { scope: 'row' }, `Forskel: ${GROUP_LABELS[staff].toLowerCase()} − borgere`),
        el('td', {}, local === null ? 'intet tal' : formatGap(local)),
        el('td', {}, ''),
        el('td', {}, formatGap(question.gaps.national[staff])),
      ),
    );
  }
  table.append(body);
  return table;
}

function questionSection(question: QuestionReport): HTMLElement {
  const headingId = `q-${question.key}`;
  const section = el('section', { class: 'question', 'aria-labelledby': headingId });
  section.append(
    el('h3', { id: headingId }, question.text.citizen),
    el('p', { class: 'staff-wording' }, `Medarbejderne blev spurgt: ${question.text.staff}`),
  );
  if (question.highIsNegative) section.append(el('p', { class: 'notice' }, 'Bemærk: her er en høj score dårlig.'));
  if (!question.selected) section.append(el('p', { class: 'help' }, 'Kommunen stiller ikke længere dette spørgsmål; tallene er fra perioden.'));
  section.append(
    questionChart(question, `chart-${question.key}`),
    el('ul', { class: 'gaps' }, gapSentence(question, 'caseworkers'), gapSentence(question, 'managers')),
    dataTable(question, headingId),
  );
  return section;
}

export function renderReport(target: HTMLElement, report: SurveyReport): void {
  target.replaceChildren(summary(report), ...report.questions.map(questionSection));
}
