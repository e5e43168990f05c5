/**
 * The names check: YAML names behaviour, code supplies it. Every effect in
 * `do:` and every compute `fn` must be one the code knows (when the caller
 * passes the known names). Pure.
 */
import type { CheckContext } from './check-context.js';
import type { NodeModel } from './model.js';
import type { Problem } from './problem.js';
import { problemAt } from './source-file.js';
import { didYouMean } from './suggest.js';
import type { View } from './views.js';

export function checkNames(view: View, context: CheckContext): Problem[] {
  const { knownEffects, knownComputes } = context.options;
  const problems: Problem[] = [];
  for (const flow of view.flows.values()) {
    for (const model of flow.nodes.values()) {
      const node = model.node;
      if (!node) continue;
      if (knownEffects) {
        node.do?.forEach((name, i) => {
          if (!knownEffects.includes(name)) problems.push(unknownName(model, ['do', i], 'effect', name, knownEffects));
        });
      }
      if (knownComputes) {
        for (const [slot, spec] of Object.entries(node.compute ?? {})) {
          if (!knownComputes.includes(spec.fn)) problems.push(unknownName(model, ['compute', slot, 'fn'], 'compute function', spec.fn, knownComputes));
        }
      }
    }
  }
  return problems;
}

function unknownName(model: NodeModel, path: Array<string | number>, kind: string, name: string, known: readonly string[]): Problem {
  const hint = didYouMean(name, known) ?? (known.length ? `known ${kind}s: ${known.join(', ')}` : `there are no ${kind}s`);
  return problemAt(model.file, [...model.path, ...path], 'error', `unknown ${kind} "${name}"`, hint);
}
