/**
 * A fast first reading of a bundle file, for the plain YAML editors write:
 * maps, lists, quoted and plain scalars, block texts. js-yaml reads that about
 * three times faster than `yaml`'s document model (which keeps every node's
 * position), and a start-up reads every file of every locale and overlay.
 *
 * It gives way whenever the two could disagree, and the file is then read by
 * `yaml` with positions, exactly as before (source-file.ts): anything js-yaml
 * refuses (syntax errors, duplicate keys, aliases, complex keys, an empty
 * file), a `%` directive (`%YAML 1.1` changes what `yes` means), a `!` tag
 * or an `&` anchor (source-file.ts reports a text that starts with one), and a
 * `null` key (`~:` is "" to `yaml`).
 * test/content/plain-yaml.test.ts holds the cases and checks every file of the
 * bundle reads the same both ways.
 */
import { CORE_SCHEMA, load } from 'js-yaml';

const UNUSUAL_SYNTAX = /^%|(?:^|[ \t[{,])[!&]/m;

/** The file's data, or undefined when only the full reader may decide. Pure. */
export function readPlainYaml(text: string): { data: unknown } | undefined {
  if (UNUSUAL_SYNTAX.test(text)) return undefined;
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA, maxAliases: 0 });
  } catch {
    return undefined;
  }
  return hasNullKey(data) ? undefined : { data };
}

function hasNullKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNullKey);
  if (typeof value !== 'object' || value === null) return false;
  for (const key in value) if (key === 'null' || hasNullKey((value as Record<string, unknown>)[key])) return true;
  return false;
}
