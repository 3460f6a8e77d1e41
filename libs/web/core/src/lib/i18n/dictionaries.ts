import type { Locale, Role } from '@mailroute/shared/contracts';
import { type Dictionary, en, type TranslationKey } from './en';
import { fr } from './fr';

export const DICTIONARIES: { readonly [L in Locale]: Dictionary } = { en, fr };

export function isTranslationKey(value: unknown): value is TranslationKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(en, value);
}

/** The key naming a language in its own language (shown in the language switch and settings). */
export function languageNameKey(locale: Locale): TranslationKey {
  return `language.${locale}`;
}

export function roleKey(role: Role): TranslationKey {
  return `role.${role}`;
}

export type TranslationParams = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; a placeholder without a value stays visible so the gap is noticed. */
export function interpolate(text: string, params: TranslationParams | undefined): string {
  if (params === undefined) {
    return text;
  }
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : placeholder,
  );
}
