/**
 * Accessibility of the conversation itself, over every node the real content can
 * reach, in every municipality and every locale (the walk is in ./explore.ts):
 *
 * - at most six choices at once;
 * - at most MAX_WORDS_PER_TURN words before the citizen can act: the text replies
 *   of one turn plus the question (a document or a checklist is a printable artefact
 *   and is not counted); also after "help", "talk to a person" and a reply the bot
 *   did not understand;
 * - no meaning carried only by an emoji: every text and every button label has words;
 * - "gentag" / "repeat" (each word of the locale's repeat intent) shows the last
 *   message and question again, at every question;
 * - every legal text shown carries its source, and no text is missing (a missing
 *   text would show its key).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, hasErrors, loadBundle, type Problem } from '../../src/content/index.js';
import { readableText } from '../../src/content/lix.js';
import { CONTENT_NAMES } from '../../src/conversation/content-names.js';
import { findEntry, localeChain, step } from '../../src/engine/index.js';
import type { Bundle, Input, Prompt, Reply, StepResult } from '../../src/engine/types.js';
import { EXPLORE_CLOCK, explore, type Visit } from './explore.js';

const ROOT = join(import.meta.dirname, '..', '..');
const JOURNEY_FLOWS = ['menu', 'rights', 'complaint', 'adviser', 'meeting'];
const MAX_CHOICES = 6;
const MAX_WORDS_PER_TURN = 80;
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}\u{200D}]/gu;

let bundle: Bundle;
let problems: Problem[];
const walks = new Map<string, Visit[]>();

beforeAll(async () => {
  const loaded = await loadBundle(ROOT, CONTENT_NAMES);
  problems = loaded.problems;
  if (!loaded.bundle) throw new Error(`The content has errors:\n${problems.map(formatProblem).join('\n')}`);
  bundle = loaded.bundle;
  for (const municipality of Object.keys(bundle.municipalities)) {
    for (const locale of bundle.locales) walks.set(`${municipality} ${locale}`, explore(bundle, municipality, locale));
  }
}, 120_000);

/** Where a finding is: municipality, locale, node, and the last input that led there. */
function where(walk: string, visit: Visit): string {
  const last = visit.path.at(-1);
  return `${walk} ${visit.at}${last ? ` after ${JSON.stringify(last)}` : ' at the start'}`;
}

function promptTexts(prompt: Prompt): string[] {
  const question = 'question' in prompt && prompt.question ? [prompt.question] : [];
  return [...question, ...('choices' in prompt ? prompt.choices.map((c) => c.label) : [])];
}

function replyTexts(reply: Reply): string[] {
  if (reply.type === 'text') return [reply.text];
  if (reply.type === 'checklist') return [reply.title, ...reply.items.map((i) => i.text)];
  if (reply.type === 'document') return [reply.title, reply.text];
  return [reply.label];
}

function wordCount(text: string): number {
  return readableText(text)
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word)).length;
}

/** Words read before the citizen can act; documents and checklists are printable artefacts. */
function turnWords(result: StepResult): number {
  const read = result.replies.flatMap((r) => (r.type === 'text' || r.type === 'link' ? replyTexts(r) : []));
  const question = 'question' in result.prompt && result.prompt.question ? [result.prompt.question] : [];
  return [...read, ...question].reduce((sum, text) => sum + wordCount(text), 0);
}

function allVisits(): Array<{ walk: string; visit: Visit }> {
  return [...walks].flatMap(([walk, visits]) => visits.map((visit) => ({ walk, visit })));
}

/** One visit per question and walk (the shortest way there): repeating replays the whole way. */
function firstVisitPerQuestion(): Array<{ walk: string; visit: Visit }> {
  const seen = new Set<string>();
  return allVisits().filter(({ walk, visit }) => asking(visit) && !seen.has(`${walk} ${visit.at}`) && Boolean(seen.add(`${walk} ${visit.at}`)));
}

function asking(visit: Visit): boolean {
  return visit.result.prompt.kind !== 'none';
}

function unique(findings: string[]): string[] {
  return [...new Set(findings)].sort();
}

describe('the conversation, over every reachable node in every locale', { timeout: 60_000 }, () => {
  it('reaches every question of the menu and the four journeys, in every locale', () => {
    // (Which survey questions are asked depends on each municipality's own list.)
    for (const locale of bundle.locales) {
      const reached = new Set([...walks].filter(([walk]) => walk.endsWith(` ${locale}`)).flatMap(([, visits]) => visits.map((v) => v.at)));
      const questions = Object.values(bundle.municipalities).flatMap((place) =>
        JOURNEY_FLOWS.flatMap((flow) => Object.entries(place.flows[flow]!.nodes).flatMap(([node, n]) => (n.ask ? [`${flow}/${node}`] : []))),
      );
      expect(unique(questions.filter((q) => !reached.has(q))), `${locale}: questions never reached`).toEqual([]);
    }
  });

  it(`offers at most ${MAX_CHOICES} choices at once`, () => {
    const findings = allVisits()
      .filter(({ visit }) => 'choices' in visit.result.prompt && visit.result.prompt.choices.length > MAX_CHOICES)
      .map(({ walk, visit }) => where(walk, visit));
    expect(unique(findings)).toEqual([]);
  });

  it(`says at most ${MAX_WORDS_PER_TURN} words before the citizen can act`, () => {
    const findings: string[] = [];
    const measure = (label: string, result: StepResult) => {
      const words = turnWords(result);
      if (words > MAX_WORDS_PER_TURN) findings.push(`${label}: ${words} words (${result.replies.map((r) => r.key).join(', ')})`);
    };
    for (const { walk, visit } of allVisits()) {
      measure(where(walk, visit), visit.result);
      if (!asking(visit)) continue;
      const extra: Input[] = [{ type: 'action', action: 'help' }, { type: 'action', action: 'human' }, { type: 'text', text: 'xqzv' }];
      for (const input of extra) measure(`${where(walk, visit)}, then ${JSON.stringify(input)}`, step(bundle, visit.state, input, EXPLORE_CLOCK));
    }
    expect(unique(findings)).toEqual([]);
  });

  it('never carries meaning only by an emoji: every text and label has words', () => {
    const findings: string[] = [];
    for (const { walk, visit } of allVisits()) {
      const texts = [...visit.result.replies.flatMap(replyTexts), ...promptTexts(visit.result.prompt)];
      for (const text of texts) {
        if (!/[\p{L}\p{N}]/u.test(text.replace(EMOJI, ''))) findings.push(`${where(walk, visit)}: "${text}"`);
      }
    }
    expect(unique(findings)).toEqual([]);
  });

  it('shows the last message and question again for every "repeat" word, at every question', () => {
    const findings: string[] = [];
    for (const { walk, visit } of firstVisitPerQuestion()) {
      const locale = visit.state.locale;
      const words = localeChain(bundle, locale).map((l) => bundle.intents[l]?.repeat).find((list) => list?.length) ?? [];
      if (words.length === 0) findings.push(`${walk}: no repeat words in ${locale}`);
      for (const text of words) {
        const again = step(bundle, visit.state, { type: 'text', text }, EXPLORE_CLOCK);
        const same = JSON.stringify([again.replies, again.prompt]) === JSON.stringify([visit.result.replies, visit.result.prompt]);
        if (!same) findings.push(`${where(walk, visit)}: "${text}" did not repeat the last message`);
      }
    }
    expect(unique(findings)).toEqual([]);
  });

  it('shows the source of every legal text, and no text is missing in any locale', () => {
    const findings: string[] = [];
    for (const { walk, visit } of allVisits()) {
      const place = bundle.municipalities[visit.state.municipality]!;
      const shown = visit.result.replies.flatMap((r) =>
        r.type === 'text' ? [{ key: r.key, text: r.text, legal: r.legal }] : r.type === 'checklist' ? r.items : [],
      );
      for (const { key, text, legal } of shown) {
        if (findEntry(bundle, place, 'da', key)?.legal && !legal) findings.push(`${where(walk, visit)}: legal text ${key} without a source`);
        if (text === key) findings.push(`${where(walk, visit)}: ${key} has no text`);
      }
      const labels = 'choices' in visit.result.prompt ? visit.result.prompt.choices.map((c) => c.label) : [];
      for (const label of labels) if (/^[a-z_-]+(\.[a-z0-9_-]+)+$/.test(label)) findings.push(`${where(walk, visit)}: label ${label} has no text`);
    }
    expect(unique(findings)).toEqual([]);
  });

  it('passes `medspiller check` without errors (legal sources, keys in every locale, reachability)', () => {
    expect(hasErrors(problems), problems.map(formatProblem).join('\n')).toBe(false);
  });
});
