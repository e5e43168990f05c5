/**
 * Reads a bundle folder into a BundleModel: every file parsed, validated and
 * placed, with all syntax, schema and duplicate problems collected.
 */
import type { BundleModel, MunicipalityModel, TextModel, TextTables } from './model.js';
import { addUnique, duplicateFlow, duplicateOverlay, duplicateText } from './check-duplicates.js';
import { parseIntentsFile, parseMunicipalityFile, parseSettingsFile, parseTextsFile } from './parse-content-files.js';
import { parseFlowFile, parseOverlayFile, type Parsed } from './parse-flow-files.js';
import type { Problem } from './problem.js';
import { listBundleFiles, readText, SETTINGS_PATH, UnreadableFileError, type BundleFileRef } from './read-files.js';
import { parseSourceFile, type SourceFile } from './source-file.js';

export async function readModel(dir: string): Promise<{ model: BundleModel; problems: Problem[] }> {
  const model: BundleModel = {
    files: [],
    flows: new Map(),
    texts: new Map(),
    intents: new Map(),
    municipalities: new Map(),
    localeFolders: new Set(),
    usable: true,
    complete: true,
  };
  const problems: Problem[] = [];
  const settingsFile = await readSource(dir, SETTINGS_PATH, model, problems);
  if (settingsFile) {
    const settings = record(model, problems, parseSettingsFile(settingsFile));
    if (settings) model.settings = { data: settings, file: settingsFile };
  }
  const listed = await listBundleFiles(dir, model.settings ? Object.keys(model.settings.data.locales) : undefined);
  problems.push(...listed.problems);
  model.localeFolders = listed.localeFolders;
  for (const id of listed.municipalityFolders) municipality(model, id);
  for (const ref of listed.refs) {
    const file = await readSource(dir, ref.path, model, problems);
    if (file) place(model, ref, file, problems);
  }
  return { model, problems };
}

async function readSource(dir: string, path: string, model: BundleModel, problems: Problem[]): Promise<SourceFile | undefined> {
  let text: string;
  try {
    text = await readText(dir, path);
  } catch (error) {
    model.usable = false;
    if (error instanceof UnreadableFileError) {
      problems.push(error.problem);
      return undefined;
    }
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const message = missing ? `${path} is missing` : `${path} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    problems.push({ severity: 'error', file: path, line: 1, column: 1, message, hint: missing ? 'create it' : 'check the file' });
    return undefined;
  }
  const parsed = parseSourceFile(path, text);
  model.files.push(parsed.file);
  problems.push(...parsed.problems);
  if (parsed.file.syntaxOk) return parsed.file;
  // Data read past a syntax error is guesswork: checking it would only add noise.
  model.usable = false;
  model.complete = false;
  return undefined;
}

function place(model: BundleModel, ref: BundleFileRef, file: SourceFile, problems: Problem[]): void {
  const note = (p: Problem | undefined): void => void (p && problems.push(p));
  if (ref.kind === 'flow') {
    const flow = record(model, problems, parseFlowFile(file));
    if (flow) note(addUnique(model.flows, flow.id, flow, duplicateFlow));
  } else if (ref.kind === 'texts' || ref.kind === 'overrides') {
    const tables = ref.kind === 'texts' ? model.texts : municipality(model, ref.municipality!).texts;
    const texts = record(model, problems, parseTextsFile(file, ref.locale!, ref.municipality));
    const table = tableFor(tables, ref.locale!);
    for (const text of texts ?? []) note(addUnique(table, text.key, text, duplicateText));
  } else if (ref.kind === 'intents') {
    const intents = record(model, problems, parseIntentsFile(file));
    if (intents) model.intents.set(ref.locale!, intents);
  } else if (ref.kind === 'municipality') {
    const data = record(model, problems, parseMunicipalityFile(file));
    const target = municipality(model, ref.municipality!);
    target.file = file;
    if (data) target.data = data;
  } else {
    placeOverlay(model, ref, file, problems);
  }
}

function placeOverlay(model: BundleModel, ref: BundleFileRef, file: SourceFile, problems: Problem[]): void {
  const overlay = record(model, problems, parseOverlayFile(file));
  if (!overlay) return;
  const overlays = municipality(model, ref.municipality!).overlays;
  const first = overlays.find((o) => o.flow === overlay.flow);
  if (first) problems.push(duplicateOverlay(first, overlay));
  else overlays.push(overlay);
}

/** Collects a parse result's problems and updates the model's usable/complete flags. */
function record<T>(model: BundleModel, problems: Problem[], parsed: Parsed<T>): T | undefined {
  problems.push(...parsed.problems);
  if (parsed.value === undefined) model.usable = false;
  if (!parsed.complete) model.complete = false;
  return parsed.value;
}

function municipality(model: BundleModel, id: string): MunicipalityModel {
  let found = model.municipalities.get(id);
  if (!found) {
    found = { id, texts: new Map(), overlays: [] };
    model.municipalities.set(id, found);
  }
  return found;
}

export function tableFor(tables: TextTables, locale: string): Map<string, TextModel> {
  let table = tables.get(locale);
  if (!table) {
    table = new Map();
    tables.set(locale, table);
  }
  return table;
}
