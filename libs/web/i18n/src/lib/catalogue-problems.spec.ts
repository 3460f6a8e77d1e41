import { appTexts } from './app-texts/app-texts';
import { catalogueProblems } from './catalogue-problems';
import { defineTexts } from './text-catalogue';
import { interpolate } from './interpolate';

describe('catalogueProblems', () => {
  it('finds nothing wrong with the app-wide texts', () => {
    expect(catalogueProblems(appTexts)).toEqual([]);
  });

  it('names a missing, an empty and a mistranslated placeholder text', () => {
    const broken = {
      owner: 'broken',
      texts: {
        en: { 'a.one': 'One', 'a.two': 'Two', 'a.count': '{count} items' },
        fr: { 'a.two': ' ', 'a.count': '{total} éléments', 'a.extra': 'En trop' },
      },
    };

    expect(catalogueProblems(broken)).toEqual([
      'fr: a.extra is not an English key',
      'fr: a.one is missing',
      'fr: a.two is empty',
      'fr: a.count has placeholders {total}, English has {count}',
    ]);
  });

  it('types a translation against its English texts', () => {
    const en = { 'a.one': 'One' } as const;
    // @ts-expect-error a French text is missing
    defineTexts('missing', en, {});
    // @ts-expect-error a French key English does not have
    defineTexts('extra', en, { 'a.one': 'Un', 'a.two': 'Deux' });

    expect(defineTexts('sound', en, { 'a.one': 'Un' }).texts.fr).toEqual({ 'a.one': 'Un' });
  });
});

describe('interpolate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Signed in as {email}, {role}', { email: 'ada@example.com' })).toBe(
      'Signed in as ada@example.com, {role}',
    );
  });
});
