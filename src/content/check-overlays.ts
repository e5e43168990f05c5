/**
 * The municipality-overlay check: a municipality.yaml's id is its folder's
 * name, a flow overlay changes an existing flow, and a text override replaces
 * a base text (a new key that none of the municipality's nodes uses is a
 * warning: most likely a misspelt key). An overlay may add nodes, but a new
 * node whose name is close to a base node's is a warning: most likely a
 * misspelt name, which would leave the base node unchanged. Overlay nodes and
 * entries are checked with the municipality's view by the other checks. Pure.
 */
import { DEFAULT_LOCALE } from '../engine/types.js';
import type { CheckContext } from './check-context.js';
import { contentUses } from './content-uses.js';
import type { MunicipalityModel, OverlayModel } from './model.js';
import type { Problem } from './problem.js';
import { identifier } from './schema.js';
import { problemAt } from './source-file.js';
import { didYouMean } from './suggest.js';

export function checkOverlays(context: CheckContext): Problem[] {
  const problems: Problem[] = [];
  for (const municipality of context.model.municipalities.values()) {
    problems.push(...checkId(municipality), ...checkFlowOverlays(context, municipality), ...checkOverrides(context, municipality));
  }
  return problems;
}

function checkId(municipality: MunicipalityModel): Problem[] {
  const { file, data, id } = municipality;
  if (!file || !data || data.id === id) return [];
  const message = `id "${data.id}" must be the folder's name, "${id}"`;
  // Only suggest what would pass: a folder such as "Nordby" is no valid id.
  const hint = identifier.safeParse(id).success
    ? `write id: ${id}, or rename the folder`
    : `rename the folder to ${data.id} (a folder name uses lower-case letters, digits, "_" or "-")`;
  return [problemAt(file, ['id'], 'error', message, hint)];
}

function checkFlowOverlays(context: CheckContext, municipality: MunicipalityModel): Problem[] {
  const flows = context.model.flows;
  return municipality.overlays.flatMap((overlay) => {
    const base = flows.get(overlay.flow);
    if (base) return misspeltNodes(overlay, base.nodes);
    const hint = didYouMean(overlay.flow, flows.keys()) ?? `an overlay changes a flow from flows/: ${[...flows.keys()].join(', ')}`;
    return [problemAt(overlay.file, ['id'], 'error', `flow "${overlay.flow}" does not exist`, hint)];
  });
}

function misspeltNodes(overlay: OverlayModel, baseNodes: ReadonlyMap<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  for (const id of overlay.nodes.keys()) {
    if (baseNodes.has(id)) continue;
    const hint = didYouMean(id, baseNodes.keys());
    if (!hint) continue;
    const message = `node "${id}" is not in flow "${overlay.flow}": it adds a new node and changes none`;
    problems.push(problemAt(overlay.file, ['nodes', id], 'warning', message, `${hint} To change a node, write its exact name`, { key: true }));
  }
  return problems;
}

function checkOverrides(context: CheckContext, municipality: MunicipalityModel): Problem[] {
  const view = context.views.find((v) => v.municipality === municipality);
  const used = new Set(view ? contentUses(view).map((use) => use.key) : []);
  const base = context.model.texts;
  const problems: Problem[] = [];
  for (const [locale, table] of municipality.texts) {
    for (const text of table.values()) {
      if (base.get(locale)?.has(text.key) || base.get(DEFAULT_LOCALE)?.has(text.key) || used.has(text.key)) continue;
      const hint = didYouMean(text.key, base.get(locale)?.keys() ?? []) ?? 'an override replaces a text from content/<locale>/: check the key';
      problems.push(problemAt(text.file, [text.key], 'warning', `text "${text.key}" does not exist in the base texts`, hint, { key: true }));
    }
  }
  return problems;
}
