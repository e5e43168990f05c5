/**
 * Matches what a citizen types to the choices on screen and to the global intents
 * ("tilbage", "hjælp", "tal med et menneske" …), tolerating typos, missing Danish
 * letters ("aa" for "å") and extra words around the answer.
 *
 * Pure.
 */
import { distance } from 'fastest-levenshtein';

export interface Candidate<T> {
  value: T;
  phrases: readonly string[];
}

/** Lower case, Danish letters folded the way people type them without a Danish keyboard, no punctuation. */
export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/aa/g, 'å')
    .replace(/ae/g, 'æ')
    .replace(/oe/g, 'ø')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function tolerance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  return 2;
}

function closeEnough(a: string, b: string): boolean {
  if (a === b) return true;
  const allowed = tolerance(Math.min(a.length, b.length));
  // The edit distance is at least the difference in length: most pairs are settled without computing it.
  return Math.abs(a.length - b.length) <= allowed && distance(a, b) <= allowed;
}

function tokens(text: string): string[] {
  return text.split(' ').filter(Boolean);
}

/** Every word of `phrase` appears, in order and next to each other, in `words` (typos tolerated). */
function containsPhrase(words: string[], phrase: string[]): boolean {
  if (phrase.length === 0 || phrase.length > words.length) return false;
  for (let start = 0; start + phrase.length <= words.length; start++) {
    if (phrase.every((word, i) => closeEnough(words[start + i]!, word))) return true;
  }
  return false;
}

const EXACT = 4;
const TYPO = 3;
const PHRASE_IN_INPUT = 2;
const INPUT_IN_PHRASE = 1;
const MIN_PARTIAL_LENGTH = 4;

/** A content phrase in normal form, with its words. */
interface Phrase {
  text: string;
  words: string[];
  /** Letters and digits in all its words. */
  length: number;
}

/** The input's score against one phrase; scores below `minScore` are not worked out (they count as 0). */
function score(input: string, inputWords: string[], { text: phrase, words: phraseWords, length }: Phrase, minScore: number): number {
  if (!phrase) return 0;
  if (input === phrase) return EXACT;
  if (minScore > TYPO) return 0;
  if (closeEnough(input, phrase)) return TYPO;
  if (minScore > PHRASE_IN_INPUT) return 0;
  if (length >= MIN_PARTIAL_LENGTH && containsPhrase(inputWords, phraseWords)) return PHRASE_IN_INPUT;
  if (minScore > INPUT_IN_PHRASE) return 0;
  if (input.length >= MIN_PARTIAL_LENGTH && containsPhrase(phraseWords, inputWords)) return INPUT_IN_PHRASE;
  return 0;
}

// Content phrases (labels, synonyms, intents) are the same on every turn: their normal form and words
// are kept, up to a bound, since a label may be a template filled with a slot.
const NORMALISED_PHRASES_MAX = 10_000;
const phrasesByText = new Map<string, Phrase>();

function normalisedPhrase(phrase: string): Phrase {
  let normal = phrasesByText.get(phrase);
  if (normal === undefined) {
    if (phrasesByText.size >= NORMALISED_PHRASES_MAX) phrasesByText.clear();
    const text = normalise(phrase);
    const words = tokens(text);
    normal = { text, words, length: words.join('').length };
    phrasesByText.set(phrase, normal);
  }
  return normal;
}

// Candidates built once (the intents, most choice labels) keep their phrase list: its normal forms
// are then found with one lookup per candidate instead of one per phrase.
const phraseLists = new WeakMap<readonly string[], Phrase[]>();

function normalisedPhraseList(phrases: readonly string[]): Phrase[] {
  let normal = phraseLists.get(phrases);
  if (normal === undefined) {
    normal = phrases.map(normalisedPhrase);
    phraseLists.set(phrases, normal);
  }
  return normal;
}

/** An input in normal form, with its words. */
interface Reading {
  text: string;
  words: string[];
}

// A typed text is matched against the intents and then the choices: it is put in normal form once.
let lastReading: { input: string; reading: Reading } | undefined;

function read(input: string): Reading {
  if (lastReading?.input !== input) {
    const text = normalise(input);
    lastReading = { input, reading: { text, words: tokens(text) } };
  }
  return lastReading.reading;
}

/**
 * The one candidate that fits the input best with at least `minScore`, or undefined
 * when nothing fits or two candidates fit equally well (then the citizen is asked again).
 */
export function bestMatch<T>(input: string, candidates: Candidate<T>[], minScore = INPUT_IN_PHRASE): T | undefined {
  const { text, words } = read(input);
  if (!text) return undefined;
  let best: { value: T; score: number } | undefined;
  let tied = false;
  for (const candidate of candidates) {
    // Scores below the best so far cannot change the outcome: they are not worked out.
    const floor = best ? Math.max(minScore, best.score) : minScore;
    let top = 0;
    for (const phrase of normalisedPhraseList(candidate.phrases)) {
      top = Math.max(top, score(text, words, phrase, floor));
      if (top === EXACT) break;
    }
    if (top < minScore || (best && top < best.score)) continue;
    if (best && top === best.score && best.value !== candidate.value) tied = true;
    else if (!best || top > best.score) {
      best = { value: candidate.value, score: top };
      tied = false;
    }
  }
  return best && !tied ? best.value : undefined;
}

export const MATCH_SCORES = { EXACT, TYPO, PHRASE_IN_INPUT, INPUT_IN_PHRASE } as const;

/** "2", "2.", "nr. 2", "#2" → 2. */
export function choiceNumber(input: string): number | undefined {
  const m = /^\s*(?:nr\.?|no\.?|#)?\s*(\d{1,2})\s*[.)]?\s*$/i.exec(input);
  return m ? Number(m[1]) : undefined;
}
