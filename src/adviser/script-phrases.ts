/**
 * The connecting words of a script shared by its Markdown and HTML forms:
 * how a route is introduced ("Derefter", "Hvis …", "Ellers") and where a jump
 * leads ("gå til 4.2", "skift til samtalen „Dine rettigheder“, trin deciding").
 * A renderer passes `target` to format the step number or flow name its way
 * (a link in HTML), and `text` to escape the words.
 *
 * Pure.
 */
import type { LegalSource } from '../engine/types.js';
import type { AttachmentKind, ScriptJump, ScriptRoute } from './script-model.js';
import { fill, type AdviserStrings } from './strings.js';

export interface PhraseFormat {
  /** Escapes words of the strings table and content for the output format. */
  text: (words: string) => string;
  /** Formats a step reference ("4.2") that points at `anchor`. */
  target: (label: string, anchor: string, flow?: string) => string;
}

export function nodeAnchor(node: string): string {
  return `n-${node.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function sectionAnchor(section: number): string {
  return `s-${section}`;
}

/** "Derefter:", "Hvis fristen er overskredet:", "Ellers:" */
export function routeLead(strings: AdviserStrings, route: ScriptRoute, alone: boolean): string {
  if (route.condition) return `${strings.ifWord} ${route.condition}`;
  if (route.otherwise) return strings.otherwise;
  return alone ? strings.then : strings.otherwise;
}

export function jumpPhrase(strings: AdviserStrings, jump: ScriptJump, format: PhraseFormat): string {
  if (jump.kind === 'local') {
    const target = format.target(jump.number ?? jump.node ?? '', nodeAnchor(jump.node ?? ''));
    return fill(format.text(strings.goTo), { target: `${target}` });
  }
  if (jump.kind === 'flow') {
    const flow = format.target(strings.quote(jump.flowTitle ?? jump.flow), nodeAnchor(jump.node ?? ''), jump.flow);
    return fill(format.text(strings.switchTo), { flow, node: format.text(jump.node ?? '') });
  }
  const target = jump.node === undefined ? jump.flow : `${jump.flow}/${jump.node}`;
  return fill(format.text(strings.missingTarget), { target: format.text(target) });
}

/** "Kilde: Retssikkerhedsloven § 67, stk. 1 · gennemgået 2026-11-23" (the link is added by the renderer). */
export function legalPhrase(strings: AdviserStrings, legal: LegalSource): string {
  return `${strings.source}: ${legal.source} · ${strings.reviewed} ${legal.reviewed}`;
}

/** "Brev", "Tjekliste", "Kalenderpåmindelse". */
export function attachmentWord(strings: AdviserStrings, kind: AttachmentKind): string {
  return kind === 'document' ? strings.document : kind === 'calendar' ? strings.calendar : strings.checklist;
}
