/**
 * `medspiller strings export|import`: new languages by translators, not programmers.
 *
 *   medspiller strings export --locale ar [--format csv|xliff] [--out file] [--dir content-dir]
 *   medspiller strings import --locale ar <file> [--format csv|xliff] [--dir content-dir]
 *
 * Export writes every Danish text (and the words that pick buttons and work
 * everywhere) with the locale's current translation and the context a translator
 * needs, as CSV (RFC 4180) or XLIFF 1.2. Import checks a translation (unknown keys,
 * placeholders and link targets kept) and writes content/<locale>/*.yaml, one file
 * for each Danish file; on any error nothing is written. Then the content is checked.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { formatProblem, loadBundle } from '../content/index.js';
import { readModel } from '../content/read-model.js';
import { localeFiles } from '../content/strings/locale-files.js';
import { buildStringTable } from '../content/strings/string-table.js';
import { readCsvTranslations, toCsv } from '../content/strings/strings-csv.js';
import { readXliffTranslations, toXliff } from '../content/strings/strings-xliff.js';
import { checkTranslations } from '../content/strings/translations.js';
import { CONTENT_NAMES } from '../conversation/content-names.js';
import { DEFAULT_LOCALE } from '../engine/types.js';
import { writeLine, type CliIo, type Command } from './command.js';
import { contentDirOrReport } from './load-config.js';

type Format = 'csv' | 'xliff';
interface Options {
  action: 'export' | 'import';
  locale: string;
  format?: Format;
  out?: string;
  file?: string;
  dir?: string;
}

const USAGE = 'export --locale <xx> [--format csv|xliff] [--out file] [--dir dir] | import --locale <xx> <file> [--format csv|xliff] [--dir dir]';
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const LISTED_UNTRANSLATED = 10;

function parseArgs(args: string[]): Options | string {
  const [action, ...rest] = args;
  if (action !== 'export' && action !== 'import') return 'say "export" or "import"';
  const options: Partial<Options> = { action };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const value = rest[i + 1];
    if (['--locale', '--format', '--out', '--dir'].includes(arg)) {
      if (value === undefined) return `${arg} needs a value`;
      (options as Record<string, string>)[arg.slice(2)] = value;
      i++;
    } else if (!arg.startsWith('--') && options.file === undefined) options.file = arg;
    else return `unknown argument "${arg}"`;
  }
  if (!options.locale || !LOCALE.test(options.locale)) return '--locale needs a language code such as "ar" or "uk"';
  if (options.format && options.format !== 'csv' && options.format !== 'xliff') return '--format is csv or xliff';
  if (action === 'import' && !options.file) return 'name the file to import';
  if (action === 'import' && options.locale === DEFAULT_LOCALE) return 'Danish is the source language: edit content/da/ directly';
  return options as Options;
}

function formatOf(options: Options, text?: string): Format {
  if (options.format) return options.format;
  const ext = extname(options.file ?? options.out ?? '').toLowerCase();
  if (['.xlf', '.xliff', '.xml'].includes(ext)) return 'xliff';
  if (ext === '.csv') return 'csv';
  return text?.trimStart().startsWith('<') ? 'xliff' : 'csv';
}

async function loadTable(dir: string, locale: string, io: CliIo) {
  const { model, problems } = await readModel(dir);
  const broken = problems.filter((p) => p.severity === 'error' && p.file.startsWith(`content/${DEFAULT_LOCALE}/`));
  for (const problem of broken) writeLine(io.stderr, formatProblem(problem));
  return broken.length > 0 ? undefined : { model, units: buildStringTable(model, locale) };
}

async function exportStrings(options: Options, dir: string, io: CliIo): Promise<number> {
  const table = await loadTable(dir, options.locale, io);
  if (!table) return 1;
  const format = formatOf(options);
  const text = format === 'csv' ? toCsv(table.units, options.locale) : toXliff(table.units, options.locale);
  if (options.out) await writeFile(resolve(io.cwd, options.out), text);
  else io.stdout.write(text);
  const translated = table.units.filter((u) => u.target !== undefined).length;
  writeLine(io.stderr, `${table.units.length} texts for ${options.locale} (${translated} translated already) as ${format === 'csv' ? 'CSV' : 'XLIFF 1.2'}${options.out ? ` in ${options.out}` : ''}.`);
  return 0;
}

async function importStrings(options: Options, dir: string, io: CliIo): Promise<number> {
  const table = await loadTable(dir, options.locale, io);
  if (!table) return 1;
  const text = await readFile(resolve(io.cwd, options.file!), 'utf8');
  const read = formatOf(options, text) === 'csv' ? readCsvTranslations(text, options.locale) : readXliffTranslations(text, options.locale);
  const checked = checkTranslations(table.units, read);
  if (checked.errors.length > 0) {
    for (const error of checked.errors) writeLine(io.stderr, `${options.file}: ${error}`);
    writeLine(io.stderr, `\n${checked.errors.length} problem(s): nothing was written. Fix them and import again.`);
    return 1;
  }
  const existing = {
    texts: new Map([...(table.model.texts.get(options.locale)?.values() ?? [])].flatMap((t) => (t.entry ? [[t.key, t.entry] as const] : []))),
    intents: table.model.intents.get(options.locale),
  };
  const files = localeFiles(table.units, checked.texts, options.locale, existing);
  for (const [path, body] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), body);
    writeLine(io.stdout, `wrote ${path}`);
  }
  reportUntranslated(checked.untranslated.map((u) => u.id), options.locale, io);
  return checkResult(dir, options.locale, io);
}

function reportUntranslated(ids: string[], locale: string, io: CliIo): void {
  if (ids.length === 0) return writeLine(io.stdout, `Every text is translated (${locale}).`);
  const shown = ids.slice(0, LISTED_UNTRANSLATED).join(', ');
  const more = ids.length > LISTED_UNTRANSLATED ? ` and ${ids.length - LISTED_UNTRANSLATED} more` : '';
  writeLine(io.stdout, `${ids.length} text(s) have no ${locale} translation yet and are shown in the fallback language: ${shown}${more}.`);
}

async function checkResult(dir: string, locale: string, io: CliIo): Promise<number> {
  const { bundle, problems } = await loadBundle(dir, CONTENT_NAMES);
  for (const problem of problems) writeLine(io.stdout, formatProblem(problem));
  if (bundle && !bundle.locales.includes(locale)) {
    writeLine(io.stdout, `Add ${locale} under locales: in content/settings.yaml (name, dir: ltr or rtl, fallback) to offer it.`);
  }
  return bundle ? 0 : 1;
}

export const stringsCommand: Command = {
  name: 'strings',
  summary: 'export texts for translators (CSV or XLIFF 1.2) and import their translations',
  usage: USAGE,
  async run(args, io) {
    const options = parseArgs(args);
    if (typeof options === 'string') {
      writeLine(io.stderr, `${options}.\nUsage: medspiller strings ${USAGE}`);
      return 2;
    }
    const dir = contentDirOrReport(io, options.dir);
    if (dir === undefined) return 2;
    return options.action === 'export' ? exportStrings(options, dir, io) : importStrings(options, dir, io);
  },
};
