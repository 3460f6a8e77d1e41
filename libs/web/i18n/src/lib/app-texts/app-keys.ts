import type { Locale, Role } from '@mailroute/shared/contracts';
import type { TranslationKey } from '../text-catalogue';

/** The key naming a language in its own language (shown in the language switch and settings). */
export function languageNameKey(locale: Locale): TranslationKey {
  return `language.${locale}`;
}

export function roleKey(role: Role): TranslationKey {
  return `role.${role}`;
}
