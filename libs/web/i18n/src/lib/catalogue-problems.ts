import { LOCALES } from '@mailroute/shared/contracts';
import type { TextCatalogue } from './text-catalogue';

const placeholders = (text: string): string =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((match) => match[1])
    .sort()
    .join(',');

/**
 * What a catalogue gets wrong at run time, for its owner's spec: a key missing in a language, an
 * empty text, or placeholders that differ from the English ones. Empty when the catalogue is sound.
 */
export function catalogueProblems(catalogue: TextCatalogue): string[] {
  const problems: string[] = [];
  const english = catalogue.texts.en;
  for (const locale of LOCALES) {
    const texts = catalogue.texts[locale];
    for (const key of Object.keys(texts)) {
      if (!Object.prototype.hasOwnProperty.call(english, key)) {
        problems.push(`${locale}: ${key} is not an English key`);
      }
    }
    for (const [key, source] of Object.entries(english)) {
      const text = texts[key];
      if (text === undefined) {
        problems.push(`${locale}: ${key} is missing`);
      } else if (text.trim() === '') {
        problems.push(`${locale}: ${key} is empty`);
      } else if (placeholders(text) !== placeholders(source)) {
        problems.push(
          `${locale}: ${key} has placeholders {${placeholders(text)}}, English has {${placeholders(source)}}`,
        );
      }
    }
  }
  return problems;
}
