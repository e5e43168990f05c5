/**
 * Random damage to YAML text, the way a hurried edit breaks it: a line deleted
 * or doubled, two characters swapped, a stray YAML character inserted. Used by
 * the loader's fuzz test (test/content) and the hot-reload fuzz on the real
 * content (test/fuzz).
 */
import * as fc from 'fast-check';

export type Mutation = { kind: 'delete-line' | 'duplicate-line' | 'swap-chars' | 'insert-char'; at: number; char: string };

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete-line', 'duplicate-line', 'swap-chars', 'insert-char'),
  at: fc.nat(),
  char: fc.constantFrom(':', '-', ' ', '\t', '"', '{', '[', '#', '&', '*', '§', 'x', '\n'),
});

export function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = m.at % Math.max(1, lines.length);
  const offset = m.at % Math.max(1, text.length);
  switch (m.kind) {
    case 'delete-line':
      return lines.filter((_, i) => i !== line).join('\n');
    case 'duplicate-line':
      // Repeating a line is how duplicate keys and duplicate nodes get in.
      return [...lines.slice(0, line + 1), lines[line] ?? '', ...lines.slice(line + 1)].join('\n');
    case 'swap-chars':
      return text.slice(0, offset) + text.charAt(offset + 1) + text.charAt(offset) + text.slice(offset + 2);
    case 'insert-char':
      return text.slice(0, offset) + m.char + text.slice(offset);
  }
}
