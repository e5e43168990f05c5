/**
 * The template check, over every text in every locale, base and municipality:
 * a placeholder's format (`{decision_date:date}`) must be one the engine
 * knows, a `{municipality.…}` placeholder must name something a
 * municipality.yaml can hold, and every other brace is an error: the engine
 * leaves it as written, so readers would see `{Municipality.name}` or a lone
 * `{`. Pure.
 */
import { TEMPLATE_FORMATS, templatePlaceholders, type Placeholder } from '../engine/template.js';
import type { CheckContext } from './check-context.js';
import type { BundleModel, TextModel } from './model.js';
import type { Problem } from './problem.js';
import { isMunicipalityPath, municipalityPathProblem } from './slot-analysis.js';
import { problemAt } from './source-file.js';
import { closest, didYouMean } from './suggest.js';

const FORMATS: readonly string[] = TEMPLATE_FORMATS;

export function checkTemplates(context: CheckContext): Problem[] {
  const { model } = context;
  const tables = [model.texts, ...[...model.municipalities.values()].map((m) => m.texts)];
  return tables.flatMap((texts) => [...texts.values()].flatMap((table) => [...table.values()].flatMap((text) => templateProblems(model, text))));
}

function templateProblems(model: BundleModel, text: TextModel): Problem[] {
  const source = text.entry?.text;
  if (!source) return [];
  const placeholders = templatePlaceholders(source);
  return [
    ...placeholders.flatMap((p) => [...formatProblems(text, p), ...municipalityProblems(model, text, p)]),
    ...strayBraces(source, placeholders).map((brace) => braceProblem(text, brace)),
  ];
}

function formatProblems(text: TextModel, p: Placeholder): Problem[] {
  if (p.format === undefined || FORMATS.includes(p.format)) return [];
  const message = `{${p.path}:${p.format}} uses the unknown format "${p.format}"`;
  const hint = didYouMean(p.format, FORMATS) ?? `formats are: ${FORMATS.join(', ')}`;
  return [problemAt(text.file, text.textPath, 'error', message, hint, { find: p.raw })];
}

function municipalityProblems(model: BundleModel, text: TextModel, p: Placeholder): Problem[] {
  if (!isMunicipalityPath(p.path)) return [];
  const problem = municipalityPathProblem(p.path, model, true);
  // With a fallback, a fact no municipality sets yet reads well (a misspelt one is still reported).
  if (!problem || (problem.kind === 'unset' && p.fallback !== undefined)) return [];
  return [problemAt(text.file, text.textPath, 'error', `{${p.path}}: ${problem.reason}`, problem.hint, { find: p.raw })];
}

interface StrayBrace {
  /** What is shown as written: `{…}`, or a lone brace. */
  raw: string;
  /** The text from the brace to the end of its line, to find it in the file. */
  from: string;
}

/** Braces that are not part of a placeholder. */
function strayBraces(source: string, placeholders: Placeholder[]): StrayBrace[] {
  const lengths = new Map(placeholders.map((p) => [p.index, p.raw.length]));
  const found: StrayBrace[] = [];
  for (let i = 0; i < source.length; i++) {
    const length = lengths.get(i);
    if (length !== undefined) {
      i += length - 1;
      continue;
    }
    const char = source[i];
    if (char !== '{' && char !== '}') continue;
    const from = source.slice(i).split('\n')[0]!;
    const close = source.indexOf('}', i + 1);
    const open = source.indexOf('{', i + 1);
    if (char === '{' && close >= 0 && (open < 0 || close < open)) {
      found.push({ raw: source.slice(i, close + 1), from });
      i = close;
    } else {
      found.push({ raw: char, from });
    }
  }
  return found;
}

function braceProblem(text: TextModel, brace: StrayBrace): Problem {
  const at = (message: string, hint: string): Problem => problemAt(text.file, text.textPath, 'error', message, hint, { find: brace.from });
  if (brace.raw === '{') return at('a "{" is not closed, so readers would see it as written', 'close the placeholder with }, e.g. {municipality.name}');
  if (brace.raw === '}') return at('a "}" has no "{" before it, so readers would see it as written', 'remove it, or open the placeholder with {');
  const fixed = repaired(brace.raw);
  const hint = fixed
    ? `write ${fixed}`
    : 'a placeholder is a slot or municipality.… in braces, lower-case and without spaces, e.g. {decision_date:date} or {municipality.name}';
  return at(`${brace.raw} is not a placeholder, so readers would see it as written`, hint);
}

/** The placeholder an editor most likely meant (spaces removed, the slot's first word and the format in lower case), if that is one. */
function repaired(raw: string): string | undefined {
  const [head = '', ...rest] = raw.slice(1, -1).split('|');
  const fallback = rest.length ? `|${rest.join('|').trim()}` : '';
  const [path = '', format] = head.trim().replace(/\s*([.:])\s*/g, '$1').split(':');
  const [first = '', ...more] = path.split('.');
  const known = format === undefined ? '' : `:${FORMATS.includes(format.toLowerCase()) ? format.toLowerCase() : (closest(format.toLowerCase(), FORMATS) ?? format)}`;
  const candidate = `{${[first.toLowerCase(), ...more].join('.')}${known}${fallback}}`;
  return templatePlaceholders(candidate)[0]?.raw === candidate ? candidate : undefined;
}
