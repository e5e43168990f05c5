import { describe, expect, it } from 'vitest';
import { fill, languageTag, stringsFor } from '../../widget/strings.js';

describe('widget strings', () => {
  it('has every label in Danish, English, easy-read Danish and Arabic, with the same placeholders', () => {
    const danish = stringsFor('da');
    const keys = Object.keys(danish).sort();
    const placeholders = (text: string) => text.match(/\{\w+\}/g) ?? [];
    for (const locale of ['en', 'da-LET', 'ar']) {
      const table = stringsFor(locale);
      expect(Object.keys(table).sort()).toEqual(keys);
      for (const [key, value] of Object.entries(table)) {
        expect(value.trim()).not.toBe('');
        expect(placeholders(value), `${locale}.${key}`).toEqual(placeholders(danish[key as keyof typeof danish]));
      }
    }
    expect(stringsFor('ar').close).toBe('إغلاق');
    expect(stringsFor('en').delete).toBe('Delete conversation');
    expect(stringsFor('da-LET').delete).toBe('Slet samtale');
  });

  it('falls back by language, then to Danish', () => {
    expect(stringsFor('en-GB').close).toBe('Close');
    expect(stringsFor('xx').close).toBe('Luk');
  });

  it('gives real language tags for lang attributes and speech', () => {
    expect(languageTag('da-LET')).toBe('da');
    expect(languageTag('en')).toBe('en');
    expect(languageTag('???')).toBe('da');
  });

  it('fills placeholders and leaves unknown ones alone', () => {
    expect(fill('Datoen må ikke være efter {date}.', { date: '3. marts 2026' })).toBe('Datoen må ikke være efter 3. marts 2026.');
    expect(fill('{x}', {})).toBe('{x}');
  });
});
