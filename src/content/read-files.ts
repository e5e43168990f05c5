/**
 * Finds the YAML files of a bundle folder by the contract's layout:
 * `flows/*.yaml`, `content/settings.yaml`, `content/<locale>/*.yaml`,
 * `content/municipalities/<id>/{municipality.yaml, flows/*.yaml, <locale>/*.yaml}`.
 * Other folders under content/ (survey data and the like) belong to other features.
 */
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProblem, type Problem } from './problem.js';
import { didYouMean } from './suggest.js';

export type FileKind = 'flow' | 'texts' | 'intents' | 'municipality' | 'overlay' | 'overrides';

export interface BundleFileRef {
  /** Relative to the bundle folder, "/"-separated. */
  path: string;
  kind: FileKind;
  locale?: string;
  municipality?: string;
}

const LOCALE_LIKE = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;
const YAML_NAME = /\.ya?ml$/i;
export const SETTINGS_PATH = 'content/settings.yaml';

/** A content file that is there but cannot be used as text; `problem` says where and what to do. */
export class UnreadableFileError extends Error {
  constructor(readonly problem: Problem) {
    super(formatProblem(problem));
    this.name = 'UnreadableFileError';
  }
}

/**
 * Far above any real content file (the largest are about 15 KB); reading much larger
 * files as YAML stalls a reloading server for seconds to minutes.
 */
const MAX_FILE_BYTES = 256 * 1024;

/**
 * The file's text. Throws UnreadableFileError when it is over MAX_FILE_BYTES or not
 * UTF-8 (a UTF-8 byte-order mark is fine and dropped).
 */
export async function readText(dir: string, path: string): Promise<string> {
  const handle = await open(join(dir, ...path.split('/')));
  try {
    const { size } = await handle.stat();
    if (size > MAX_FILE_BYTES) {
      const message = `this file is too big: ${Math.ceil(size / 1024)} KB, and a content file may be at most ${MAX_FILE_BYTES / 1024} KB`;
      throw new UnreadableFileError(at(path, message, "split it into smaller files (a language's texts may be spread over many files), or remove what is not needed"));
    }
    return decodeText(path, await handle.readFile());
  } finally {
    await handle.close();
  }
}

const SAVE_AS_UTF8 = 'save the file as UTF-8 in your editor (often under "Save as" or "Encoding"), then check that æ, ø and å look right';
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_BOM = [0xef, 0xbb, 0xbf];

function decodeText(path: string, bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new UnreadableFileError(at(path, 'this file is saved as UTF-16 ("Unicode"), not UTF-8', SAVE_AS_UTF8));
  }
  // YAML text never holds a NUL byte; UTF-16 saved without a byte-order mark is full of them.
  if (bytes.includes(0)) {
    throw new UnreadableFileError(at(path, 'this file is not UTF-8 text: it holds NUL bytes, as a file saved as UTF-16 ("Unicode") does', SAVE_AS_UTF8));
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    // Read loosely only to find the place: the editor then shows the same line and column.
    const text = new TextDecoder('utf-8').decode(bytes);
    const index = firstUndecodable(text, bytes);
    const line = text.slice(0, index).split('\n').length;
    const column = index - text.lastIndexOf('\n', index - 1);
    throw new UnreadableFileError({ ...at(path, 'this file is not saved as UTF-8: the character here cannot be read', SAVE_AS_UTF8), line, column });
  }
}

/** Where in the loosely decoded `text` the first byte that is not UTF-8 went (a U+FFFD the file really holds is skipped). */
function firstUndecodable(text: string, bytes: Uint8Array): number {
  const bomLength = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
  const replacement = [0xef, 0xbf, 0xbd];
  let index = text.indexOf('\uFFFD');
  while (index >= 0 && startsWith(bytes.subarray(bomLength + Buffer.byteLength(text.slice(0, index))), replacement)) {
    index = text.indexOf('\uFFFD', index + 1);
  }
  return Math.max(index, 0);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** All bundle files but settings. `locales` are the declared locales (undefined when settings are unusable). */
export async function listBundleFiles(
  dir: string,
  locales: readonly string[] | undefined,
): Promise<{ refs: BundleFileRef[]; localeFolders: Set<string>; municipalityFolders: string[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const refs: BundleFileRef[] = [];
  const flowEntries = await list(dir, 'flows');
  if (flowEntries === undefined) problems.push(at('flows/', 'there is no flows/ folder', 'create it next to content/'));
  refs.push(...yamlFiles('flows', flowEntries ?? [], problems).map((path) => ({ path, kind: 'flow' as const })));
  const localeFolders = new Set<string>();
  for (const entry of (await list(dir, 'content')) ?? []) {
    if (!entry.dir || entry.name === 'municipalities') continue;
    if (locales ? locales.includes(entry.name) : LOCALE_LIKE.test(entry.name)) {
      localeFolders.add(entry.name);
      refs.push(...(await localeFiles(dir, `content/${entry.name}`, entry.name, problems)));
    } else if (LOCALE_LIKE.test(entry.name)) {
      problems.push(at(`content/${entry.name}/`, `folder "${entry.name}" looks like a locale, but settings.yaml does not list it`, 'add it under locales: in content/settings.yaml, or rename the folder', 'warning'));
    }
  }
  const municipalityFolders = ((await list(dir, 'content/municipalities')) ?? []).filter((e) => e.dir).map((e) => e.name);
  for (const id of municipalityFolders) refs.push(...(await municipalityFiles(dir, id, locales, problems)));
  return { refs: refs.sort((a, b) => (a.path < b.path ? -1 : 1)), localeFolders, municipalityFolders, problems };
}

async function localeFiles(dir: string, folder: string, locale: string, problems: Problem[], municipality?: string): Promise<BundleFileRef[]> {
  return yamlFiles(folder, (await list(dir, folder)) ?? [], problems).map((path) => {
    const isIntents = path.endsWith('/intents.yaml');
    const kind: FileKind = municipality ? 'overrides' : isIntents ? 'intents' : 'texts';
    return { path, kind, locale, ...(municipality ? { municipality } : {}) };
  });
}

async function municipalityFiles(dir: string, id: string, locales: readonly string[] | undefined, problems: Problem[]): Promise<BundleFileRef[]> {
  const folder = `content/municipalities/${id}`;
  const entries = (await list(dir, folder)) ?? [];
  const refs: BundleFileRef[] = [];
  if (!entries.some((e) => !e.dir && e.name === 'municipality.yaml')) {
    problems.push(at(`${folder}/`, `municipality "${id}" has no municipality.yaml`, 'add one with id, name and contacts'));
  } else {
    refs.push({ path: `${folder}/municipality.yaml`, kind: 'municipality', municipality: id });
  }
  for (const entry of entries.filter((e) => e.dir)) {
    if (entry.name === 'flows') {
      const overlays = yamlFiles(`${folder}/flows`, (await list(dir, `${folder}/flows`)) ?? [], problems);
      refs.push(...overlays.map((path) => ({ path, kind: 'overlay' as const, municipality: id })));
    } else if (locales ? locales.includes(entry.name) : LOCALE_LIKE.test(entry.name)) {
      refs.push(...(await localeFiles(dir, `${folder}/${entry.name}`, entry.name, problems, id)));
    } else {
      problems.push(unreadMunicipalityFolder(folder, entry.name, locales ?? []));
    }
  }
  for (const entry of entries.filter((e) => !e.dir && YAML_NAME.test(e.name) && e.name !== 'municipality.yaml')) {
    const hint = didYouMean(entry.name, ['municipality.yaml']) ?? 'move it into a language folder such as da/ (texts) or into flows/ (flow changes)';
    problems.push(at(`${folder}/${entry.name}`, `file "${entry.name}" is not read: a municipality's folder holds municipality.yaml, flows/ and language folders`, hint, 'warning'));
  }
  return refs;
}

/** A folder of a municipality that is skipped; editors misspell a language or "flows" and lose their overrides. */
function unreadMunicipalityFolder(folder: string, name: string, locales: readonly string[]): Problem {
  const guess = didYouMean(name, ['flows', ...locales]);
  const hint = guess
    ? `${guess} Rename the folder, or add the language under locales: in content/settings.yaml`
    : `rename it to flows or to a language, or move it out of content/municipalities/`;
  return at(`${folder}/${name}/`, `folder "${name}" is not read: it is neither flows/ nor a language listed in settings.yaml`, hint, 'warning');
}

interface Entry {
  name: string;
  dir: boolean;
}

/** A folder's entries ("/"-separated `folder` under `dir`), sorted; undefined when it cannot be listed. */
export async function list(dir: string, folder: string): Promise<Entry[] | undefined> {
  try {
    const entries = await readdir(join(dir, ...folder.split('/')), { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, dir: e.isDirectory() })).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    return undefined;
  }
}

/** The folder's ".yaml" files; other spellings (".yml", ".YAML") are not read, with a warning. */
function yamlFiles(folder: string, entries: Entry[], problems: Problem[]): string[] {
  for (const e of entries.filter((e) => !e.dir && YAML_NAME.test(e.name) && !e.name.endsWith('.yaml'))) {
    problems.push(at(`${folder}/${e.name}`, 'this file is not read: YAML files here must end in ".yaml"', `rename it to ${e.name.replace(YAML_NAME, '.yaml')}`, 'warning'));
  }
  return entries.filter((e) => !e.dir && e.name.endsWith('.yaml')).map((e) => `${folder}/${e.name}`);
}

function at(file: string, message: string, hint: string, severity: Problem['severity'] = 'error'): Problem {
  return { severity, file, line: 1, column: 1, message, hint };
}
