import { describe, expect, it } from 'vitest';
import { bestMatch, choiceNumber, normalise } from '../../src/engine/match.js';

const choices = [
  { value: 'yes', phrases: ['Ja', 'jo', 'jep'] },
  { value: 'no', phrases: ['Nej', 'næ'] },
  { value: 'unknown', phrases: ['Det ved jeg ikke', 'ved ikke'] },
];

describe('bestMatch', () => {
  it.each([
    ['ja', 'yes'],
    ['JA!', 'yes'],
    ['Jep', 'yes'],
    ['nej', 'no'],
    ['nae', 'no'],
    ['ved ikk', 'unknown'],
    ['det ved jeg faktisk ikke', undefined], // extra words inside a phrase are not guessed at
    ['det ved jeg ikke rigtig', 'unknown'],
  ])('%j → %s', (input, expected) => {
    expect(bestMatch(input, choices)).toBe(expected);
  });

  it('refuses to guess between two equally good matches', () => {
    expect(bestMatch('ja nej', choices)).toBeUndefined();
  });

  it('does not accept a tiny word as a typo of another tiny word', () => {
    expect(bestMatch('jo', [{ value: 'a', phrases: ['ja'] }])).toBeUndefined();
  });

  it('ignores empty input', () => {
    expect(bestMatch('  !? ', choices)).toBeUndefined();
  });
});

describe('normalise and numbers', () => {
  it('folds how people type Danish letters without a Danish keyboard', () => {
    expect(normalise('Rådgiver')).toBe(normalise('raadgiver'));
    expect(normalise('Hjælp!')).toBe('hjælp');
  });

  it.each([
    ['2', 2],
    ['2.', 2],
    ['nr. 3', 3],
    ['#4', 4],
    ['12', 12],
    ['2 børn', undefined],
  ])('%j → %s', (input, expected) => {
    expect(choiceNumber(input)).toBe(expected);
  });
});
