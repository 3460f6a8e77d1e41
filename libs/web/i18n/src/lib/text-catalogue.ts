import type { Locale } from '@mailroute/shared/contracts';

/**
 * Every translation key the code being compiled can use. Empty here: the app-wide texts and each
 * feature's `i18n/en.ts` add their keys by declaration merging, so a feature's templates are
 * checked against its own keys and the app-wide ones, and the app against all of them.
 *
 * ```ts
 * declare module '@mailroute/web/i18n' {
 *   interface TextKeys extends Record<keyof typeof en, true> {}
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
export interface TextKeys {}

export type TranslationKey = Extract<keyof TextKeys, string>;

/** A translation of the English texts `T`: every key, no other (an extra key fails as an excess property). */
export type Translation<T> = { readonly [K in keyof T]: string };

/** One owner's texts in every language, registered with `provideTexts`. */
export interface TextCatalogue {
  readonly owner: string;
  readonly texts: { readonly [L in Locale]: Readonly<Record<string, string>> };
}

/** `en` is the source; `fr` is typed against it so a missing or extra French key fails the build. */
export function defineTexts<const T extends Readonly<Record<string, string>>>(
  owner: string,
  en: T,
  fr: Translation<NoInfer<T>>,
): TextCatalogue {
  return { owner, texts: { en, fr } };
}
