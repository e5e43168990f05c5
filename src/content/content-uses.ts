/**
 * Every use of a content key in a view's flows: flow titles, say items,
 * questions and choice labels, each with the file and path that uses it. Pure.
 */
import { nodeContentKeys } from './flow-walk.js';
import type { TextModel } from './model.js';
import type { PathSegment, SourceFile } from './source-file.js';
import type { View } from './views.js';

export interface ContentUse {
  key: string;
  file: SourceFile;
  path: PathSegment[];
}

export function contentUses(view: View): ContentUse[] {
  const uses: ContentUse[] = [];
  for (const flow of view.flows.values()) {
    uses.push({ key: flow.title, file: flow.file, path: ['title'] });
    for (const model of flow.nodes.values()) {
      for (const use of model.node ? nodeContentKeys(model.node) : []) {
        uses.push({ key: use.key, file: model.file, path: [...model.path, ...use.path] });
      }
    }
  }
  return uses;
}

/** The file of a locale that holds keys like `key` (same first word), to say where to add it. */
export function fileForKey(table: ReadonlyMap<string, TextModel> | undefined, key: string): string | undefined {
  const prefix = `${key.split('.')[0]}.`;
  for (const text of table?.values() ?? []) if (text.key.startsWith(prefix) && !text.municipality) return text.file.path;
  return undefined;
}
