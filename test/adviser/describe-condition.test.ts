/**
 * Conditions in words: an answer by its question and choice labels, a computed
 * value by its meaning, the municipality's data in plain terms, and the
 * combinations all / any / not.
 */
import { describe, expect, it } from 'vitest';
import { describeCondition, slotVocabulary } from '../../src/adviser/describe-condition.js';
import { textLookup } from '../../src/adviser/script-texts.js';
import { ADVISER_STRINGS } from '../../src/adviser/strings.js';
import type { Condition } from '../../src/engine/types.js';
import { adviserBundle } from './adviser-bundle.js';

function words(condition: Condition, locale: 'da' | 'en' = 'da'): string {
  const bundle = adviserBundle();
  const place = bundle.municipalities.demo!;
  const ctx = { strings: ADVISER_STRINGS[locale]!, texts: textLookup(bundle, place, locale), vocabulary: slotVocabulary(place, 'advice') };
  return describeCondition(ctx, condition);
}

describe('describeCondition', () => {
  it('names an answer by its question and its values by their labels', () => {
    expect(words({ slot: 'kind', equals: 'oral' })).toBe('svaret på „Hvordan fik du afgørelsen?“ er „Mundtligt [x] | {y}“');
    expect(words({ slot: 'kind', in: ['written', 'oral'] })).toBe('svaret på „Hvordan fik du afgørelsen?“ er „På skrift "A" #1“ eller „Mundtligt [x] | {y}“');
    expect(words({ slot: 'decision_date', before: 'today' })).toBe('svaret på „Hvilken dato står der på afgørelsen?“ er før i dag');
  });

  it('uses the meaning of a computed value, turning a negation into the opposite phrase', () => {
    expect(words({ slot: 'deadline.passed', equals: true })).toBe('fristen er overskredet');
    expect(words({ not: { slot: 'deadline.passed', equals: true } })).toBe('fristen er ikke overskredet');
    expect(words({ slot: 'deadline.daysLeft', in: [0, 1] })).toBe('antallet af dage til fristen er 0 eller 1');
    expect(words({ slot: 'deadline', exists: true })).toBe('klagefristen er beregnet');
    expect(words({ not: { slot: 'deadline.daysLeft', equals: 0 } })).toBe('antallet af dage til fristen er ikke 0');
    expect(words({ slot: 'deadline.passed', equals: true }, 'en')).toBe('the deadline has passed');
  });

  it('speaks of the municipality in plain terms', () => {
    expect(words({ slot: 'municipality.contacts.borgerraadgiver', exists: false })).toBe('kommunen har ikke en borgerrådgiver');
    expect(words({ slot: 'municipality.survey.enabled', equals: false })).toBe('kommunen bruger ikke spørgeskemaet');
    expect(words({ slot: 'municipality.facts.x', exists: true })).toBe('kommunens oplysning facts.x er udfyldt');
  });

  it('combines with og / eller / ikke, with brackets where needed', () => {
    const condition: Condition = {
      all: [{ any: [{ slot: 'kind', equals: 'written' }, { slot: 'deadline.passed', equals: true }] }, { not: { slot: 'topics', includes: 'a' } }],
    };
    expect(words(condition)).toBe('(svaret på „Hvordan fik du afgørelsen?“ er „På skrift "A" #1“ eller fristen er overskredet) og ikke (feltet topics indeholder „a“)');
    expect(words({ slot: 'flag', equals: true })).toBe('feltet flag er ja');
  });
});
