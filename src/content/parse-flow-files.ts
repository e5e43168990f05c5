/**
 * Validates flow files and municipality flow overlays. A node that fails the
 * schema is kept by name (so references to it still resolve) but not checked
 * further; a file whose overall shape is wrong is unusable. Pure.
 */
import { z } from 'zod';
import type { FlowNode } from '../engine/types.js';
import { checkSchema, parsesAs } from './check-schema.js';
import type { FlowModel, NodeModel, OverlayModel } from './model.js';
import type { Problem } from './problem.js';
import { contentKey, flowFileSchema, flowOverlaySchema, identifier, nodeSchema } from './schema.js';
import type { SourceFile } from './source-file.js';

export interface Parsed<T> {
  value?: T;
  problems: Problem[];
  /** False when some node or text failed the schema (the rest is still usable). */
  complete: boolean;
}

const nodesShell = z.record(z.string(), z.unknown());
const flowShell = z.object({ id: identifier, title: contentKey, entry: identifier, nodes: nodesShell });
const overlayShell = z.object({ id: identifier, entry: identifier.optional(), nodes: nodesShell });

export function parseFlowFile(file: SourceFile): Parsed<FlowModel> {
  const { problems } = checkSchema(file, flowFileSchema, file.data);
  const shell = parsesAs(flowShell, file.data);
  if (!shell) return { problems, complete: false };
  const nodes = parseNodes(file, shell.id, shell.nodes);
  const value: FlowModel = { id: shell.id, title: shell.title, entry: shell.entry, file, entryFile: file, nodes };
  return { value, problems, complete: problems.length === 0 };
}

export function parseOverlayFile(file: SourceFile): Parsed<OverlayModel> {
  const { problems } = checkSchema(file, flowOverlaySchema, file.data);
  const shell = parsesAs(overlayShell, file.data);
  if (!shell) return { problems, complete: false };
  const value: OverlayModel = { flow: shell.id, file, nodes: parseNodes(file, shell.id, shell.nodes) };
  if (shell.entry !== undefined) value.entry = shell.entry;
  return { value, problems, complete: problems.length === 0 };
}

function parseNodes(file: SourceFile, flow: string, raw: Record<string, unknown>): Map<string, NodeModel> {
  const nodes = new Map<string, NodeModel>();
  for (const [id, data] of Object.entries(raw)) {
    const node = identifier.safeParse(id).success ? (parsesAs(nodeSchema, data) as FlowNode | undefined) : undefined;
    nodes.set(id, { flow, id, file, path: ['nodes', id], ...(node ? { node } : {}) });
  }
  return nodes;
}
