/**
 * The council dashboard at /admin: the admin token is entered once and kept in
 * sessionStorage (gone when the window closes, or at "Log ud"); the report is
 * fetched for the chosen municipality, quarters and area and drawn with
 * render.ts; "Hent som CSV" downloads the same figures.
 * Bundled by src/admin/dashboard-assets.ts; loaded with `defer`, so the DOM is ready.
 */
import type { SurveyReport } from '../../survey/survey-report.js';
import { ApiError, download, getJson } from './api.js';
import { el, renderReport } from './render.js';
import { quarterLabel } from './format.js';

interface MunicipalityOption {
  id: string;
  name: string;
  survey: { enabled: boolean };
}

const TOKEN_KEY = 'medspiller.adminToken';
const YEARS_BACK = 4;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const login = $<HTMLElement>('login');
const loginForm = $<HTMLFormElement>('login-form');
const tokenInput = $<HTMLInputElement>('token');
const area = $<HTMLElement>('report-area');
const filters = $<HTMLFormElement>('filters');
const municipality = $<HTMLSelectElement>('municipality');
const from = $<HTMLSelectElement>('from');
const to = $<HTMLSelectElement>('to');
const areaSelect = $<HTMLSelectElement>('area');
const status = $<HTMLElement>('status');
const report = $<HTMLElement>('report');

const token = () => sessionStorage.getItem(TOKEN_KEY) ?? '';

function say(message: string): void {
  status.textContent = message;
}

function showLogin(message = ''): void {
  sessionStorage.removeItem(TOKEN_KEY);
  area.hidden = true;
  login.hidden = false;
  report.replaceChildren();
  say(message);
  tokenInput.value = '';
  tokenInput.focus();
}

/** "2026-Q3" → first or last ISO week of that quarter (the server widens weeks to quarters). */
function quarterWeek(id: string, edge: 'first' | 'last'): string {
  const [year, quarter] = id.split('-Q').map(Number) as [number, number];
  const week = edge === 'first' ? (quarter - 1) * 13 + 1 : quarter === 4 ? 52 : quarter * 13;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function fillQuarters(): void {
  const thisYear = new Date().getFullYear();
  const ids: string[] = [];
  for (let year = thisYear - YEARS_BACK; year <= thisYear; year++) for (let q = 1; q <= 4; q++) ids.push(`${year}-Q${q}`);
  from.replaceChildren(el('option', { value: '' }, 'Automatisk (et år tilbage)'), ...ids.map((id) => el('option', { value: id }, quarterLabel(id))));
  to.replaceChildren(el('option', { value: '' }, 'Seneste afsluttede'), ...ids.map((id) => el('option', { value: id }, quarterLabel(id))));
}

function reportPath(format: 'json' | 'csv'): string {
  const params = new URLSearchParams();
  if (from.value) params.set('from', quarterWeek(from.value, 'first'));
  if (to.value) params.set('to', quarterWeek(to.value, 'last'));
  if (areaSelect.value) params.set('area', areaSelect.value);
  const query = params.size ? `?${params}` : '';
  return `/api/v1/admin/municipalities/${encodeURIComponent(municipality.value)}/survey${format === 'csv' ? '.csv' : ''}${query}`;
}

function explain(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'admin_disabled') return 'Admin-delen er slået fra på denne server: MEDSPILLER_ADMIN_TOKEN er ikke sat.';
    return `Det gik ikke: ${error.message}`;
  }
  return 'Serveren kunne ikke nås. Prøv igen om lidt.';
}

/** Runs an API call; a refused token sends the user back to the login. */
async function guarded(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) showLogin('Adgangsnøglen blev ikke godkendt. Prøv igen.');
    else say(explain(error));
  }
}

async function loadReport(): Promise<void> {
  say('Henter tallene …');
  await guarded(async () => {
    const data = await getJson<SurveyReport>(reportPath('json'), token());
    renderReport(report, data);
    say(`Viser ${data.questions.length} spørgsmål for ${data.municipality.name}.`);
  });
}

async function start(): Promise<void> {
  await guarded(async () => {
    const list = await getJson<MunicipalityOption[]>('/api/v1/admin/municipalities', token());
    municipality.replaceChildren(...list.map((m) => el('option', { value: m.id }, m.survey.enabled ? m.name : `${m.name} (spørgeskema slået fra)`)));
    municipality.value = (list.find((m) => m.survey.enabled) ?? list[0])?.id ?? '';
    login.hidden = true;
    area.hidden = false;
    await loadReport();
  });
}

loginForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const value = tokenInput.value.trim();
  if (!value) return say('Skriv adgangsnøglen først.');
  sessionStorage.setItem(TOKEN_KEY, value);
  tokenInput.value = '';
  void start();
});

filters.addEventListener('submit', (event) => {
  event.preventDefault();
  void loadReport();
});

$('download-csv').addEventListener('click', () => void guarded(() => download(reportPath('csv'), token())));
$('print').addEventListener('click', () => window.print());
$('logout').addEventListener('click', () => showLogin('Du er logget ud.'));

fillQuarters();
if (token()) void start();
else login.hidden = false;
