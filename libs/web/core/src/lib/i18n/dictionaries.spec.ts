import { LOCALES } from '@mailroute/shared/contracts';
import { type Dictionary, en } from './en';
import { DICTIONARIES, interpolate } from './dictionaries';
import { fr } from './fr';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('dictionaries', () => {
  it('French translates every English key and no other', () => {
    // Compile time: `fr` is typed `Dictionary`, so a missing or extra key fails the build (and tsc of this spec).
    const typed: Dictionary = fr;

    expect(Object.keys(typed).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(LOCALES)('%s has a non-empty text with the English placeholders for every key', (locale) => {
    const dictionary = DICTIONARIES[locale];
    for (const [key, english] of Object.entries(en) as [keyof typeof en, string][]) {
      expect({ key, empty: dictionary[key].trim() === '' }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(dictionary[key]) }).toEqual({
        key,
        placeholders: placeholders(english),
      });
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Signed in as {email}, {role}', { email: 'ada@example.com' })).toBe(
      'Signed in as ada@example.com, {role}',
    );
  });
});
