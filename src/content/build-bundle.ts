/**
 * Builds the engine's Bundle from a model that has no errors: one resolved
 * municipality per overlay, with base flows and texts and its changes on top.
 * A translation without its own `source`/`reviewed` inherits them from the
 * `da` text of the same key, so the engine can show where a legal text comes
 * from in every language. Pure.
 */
import { createHash } from 'node:crypto';
import type { Bundle, ContentEntry, ContentTable, Flow, FlowNode, Municipality, ResolvedMunicipality } from '../engine/types.js';
import { DEFAULT_LOCALE } from '../engine/types.js';
import type { BundleModel, FlowModel, TextTables } from './model.js';
import type { SourceFile } from './source-file.js';
import { municipalityView } from './views.js';

export function buildBundle(model: BundleModel): Bundle {
  const settings = model.settings!.data;
  const locales = Object.keys(settings.locales);
  const municipalities: Record<string, ResolvedMunicipality> = {};
  for (const municipality of model.municipalities.values()) {
    const view = municipalityView(model, municipality);
    municipalities[municipality.id] = {
      municipality: municipality.data as Municipality,
      flows: Object.fromEntries([...view.flows.values()].map((flow) => [flow.id, toFlow(flow)])),
      texts: toTables(view.texts, locales),
    };
  }
  return {
    version: bundleVersion(model.files),
    locales,
    localeInfo: Object.fromEntries(
      Object.entries(settings.locales).map(([locale, info]) => [locale, { name: info.name, dir: info.dir, ...(info.fallback ? { fallback: info.fallback } : {}) }]),
    ),
    defaultMunicipality: settings.defaultMunicipality,
    municipalities,
    intents: Object.fromEntries(model.intents),
    mainFlow: settings.mainFlow,
    keepOnRestart: settings.keepOnRestart,
  };
}

/**
 * sha256 over every file's path and content, sorted by path; the first 64 bits
 * in hex. Every stored conversation carries it, and 16 characters are plenty to
 * tell one content version from another (48 bytes less per session).
 */
export function bundleVersion(files: readonly SourceFile[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) hash.update(`${file.path}\0${file.text}\0`);
  return hash.digest('hex').slice(0, 16);
}

function toFlow(flow: FlowModel): Flow {
  const nodes: Record<string, FlowNode> = {};
  for (const [id, model] of flow.nodes) nodes[id] = model.node!;
  return { id: flow.id, title: flow.title, entry: flow.entry, nodes };
}

function toTables(texts: TextTables, locales: string[]): Record<string, ContentTable> {
  const danish = texts.get(DEFAULT_LOCALE);
  const tables: Record<string, ContentTable> = {};
  for (const locale of locales) {
    const table: ContentTable = {};
    for (const [key, text] of texts.get(locale) ?? []) {
      table[key] = withLegalSource(text.entry!, locale === DEFAULT_LOCALE ? undefined : danish?.get(key)?.entry);
    }
    tables[locale] = table;
  }
  return tables;
}

function withLegalSource(entry: ContentEntry, danish: ContentEntry | undefined): ContentEntry {
  if (!danish || (!danish.source && !danish.reviewed)) return entry;
  const inherited: Partial<ContentEntry> = {};
  if (entry.source === undefined && danish.source !== undefined) {
    inherited.source = danish.source;
    if (danish.sourceUrl !== undefined && entry.sourceUrl === undefined) inherited.sourceUrl = danish.sourceUrl;
  }
  if (entry.reviewed === undefined && danish.reviewed !== undefined) inherited.reviewed = danish.reviewed;
  if (entry.legal === undefined && danish.legal !== undefined) inherited.legal = danish.legal;
  return { ...entry, ...inherited };
}
