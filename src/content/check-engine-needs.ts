/**
 * The engine-needs check: the system flow must hold every node the engine shows
 * by itself (help, human, not_understood …), and Danish must have the texts the
 * engine shows by itself (scale labels, "more choices"), when the caller names
 * them. Without them a citizen would see nothing, or a bare key, where a sentence
 * belongs. Other locales fall back to Danish for these. Pure.
 */
import { DEFAULT_LOCALE } from '../engine/types.js';
import type { CheckContext } from './check-context.js';
import { SYSTEM_FLOW } from './flow-walk.js';
import type { Problem } from './problem.js';
import { problemAt } from './source-file.js';
import type { View } from './views.js';

export function checkEngineNeeds(view: View, context: CheckContext): Problem[] {
  return [...missingSystemNodes(view, context), ...missingEngineTexts(view, context)];
}

function missingSystemNodes(view: View, context: CheckContext): Problem[] {
  const required = context.options.requiredSystemNodes ?? [];
  if (required.length === 0) return [];
  const system = view.flows.get(SYSTEM_FLOW);
  if (!system) {
    const hint = `add flows/${SYSTEM_FLOW}.yaml with the nodes ${required.join(', ')}`;
    return [problemAt(context.model.settings!.file, [], 'error', `there is no flow "${SYSTEM_FLOW}"`, hint)];
  }
  return required
    .filter((node) => !system.nodes.has(node))
    .map((node) =>
      problemAt(system.file, ['nodes'], 'error', `the ${SYSTEM_FLOW} flow has no node "${node}", which the engine shows by itself`, `add a node "${node}" with a say: list`),
    );
}

function missingEngineTexts(view: View, context: CheckContext): Problem[] {
  const danish = view.texts.get(DEFAULT_LOCALE);
  return (context.options.requiredTextKeys ?? [])
    .filter((key) => !danish?.get(key))
    .map((key) =>
      problemAt(context.model.settings!.file, ['locales'], 'error', `content key "${key}" has no text in ${DEFAULT_LOCALE}; the engine shows it by itself`, `add it to a file in content/${DEFAULT_LOCALE}/`),
    );
}
