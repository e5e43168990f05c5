/**
 * What the loader knows after reading and validating the files, with the
 * source position of everything, before checks run and the Bundle is built.
 */
import type { ContentEntry, FlowNode, IntentTable } from '../engine/types.js';
import type { MunicipalityFile, SettingsFile } from './schema.js';
import type { PathSegment, SourceFile } from './source-file.js';

export interface NodeModel {
  flow: string;
  id: string;
  /** Undefined when the node failed the schema check (its problems are reported). */
  node?: FlowNode;
  file: SourceFile;
  /** Where the node's map is in `file`, e.g. `['nodes', 'start']`. */
  path: PathSegment[];
}

export interface FlowModel {
  id: string;
  title: string;
  entry: string;
  file: SourceFile;
  /** The file that set `entry` (a municipality overlay may change it). */
  entryFile: SourceFile;
  nodes: Map<string, NodeModel>;
}

export interface TextModel {
  key: string;
  locale: string;
  /** Undefined when the entry failed the schema check. */
  entry?: ContentEntry;
  file: SourceFile;
  /** Where the text itself is: `[key]` for a plain text, `[key, 'text']` for an entry. */
  textPath: PathSegment[];
  municipality?: string;
}

/** texts[locale][key] */
export type TextTables = Map<string, Map<string, TextModel>>;

export interface OverlayModel {
  flow: string;
  entry?: string;
  file: SourceFile;
  nodes: Map<string, NodeModel>;
}

export interface MunicipalityModel {
  /** The folder name under content/municipalities/. */
  id: string;
  file?: SourceFile;
  data?: MunicipalityFile;
  texts: TextTables;
  overlays: OverlayModel[];
}

export interface BundleModel {
  files: SourceFile[];
  settings?: { data: SettingsFile; file: SourceFile };
  flows: Map<string, FlowModel>;
  texts: TextTables;
  intents: Map<string, IntentTable>;
  municipalities: Map<string, MunicipalityModel>;
  /** Folders found under content/ that hold texts for a locale. */
  localeFolders: Set<string>;
  /** Every file was read and has the right overall shape: cross-file checks can run. */
  usable: boolean;
  /** Every node and text passed the schema check: whole-graph checks (reachability, slots, unused keys) can run. */
  complete: boolean;
}
