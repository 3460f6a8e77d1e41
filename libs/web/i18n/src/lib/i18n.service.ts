import { DOCUMENT, formatDate, registerLocaleData } from '@angular/common';
import localeFr from '@angular/common/locales/fr';
import { computed, effect, inject, Injectable, signal } from '@angular/core';
import { isLocale, type Locale } from '@mailroute/shared/contracts';
import { appTexts } from './app-texts/app-texts';
import { readStorage, WEB_STORAGE, writeStorage } from './browser-storage';
import { interpolate, type TranslationParams } from './interpolate';
import type { TextCatalogue, TranslationKey } from './text-catalogue';

const LOCALE_KEY = 'mailroute.locale';

/**
 * The interface language and the registered texts. `locale` is a signal: texts read through `t`
 * (the function or the pipe) follow a switch without a reload. The choice is kept in localStorage;
 * the first visit follows the browser's language when it is French, else English.
 */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly storage = inject(WEB_STORAGE);
  private readonly document = inject(DOCUMENT);

  private readonly current = signal<Locale>(this.initialLocale());
  private readonly catalogues = signal<readonly TextCatalogue[]>([appTexts]);
  private readonly dictionary = computed(() => {
    const locale = this.current();
    const merged: Record<string, string> = {};
    for (const catalogue of this.catalogues()) {
      Object.assign(merged, catalogue.texts[locale]);
    }
    return merged;
  });

  readonly locale = this.current.asReadonly();

  constructor() {
    // Angular's locale data is global and registering is idempotent; French dates need it.
    registerLocaleData(localeFr, 'fr');
    // Screen readers pick their pronunciation from <html lang>.
    effect(() => {
      this.document.documentElement.lang = this.current();
    });
  }

  setLocale(locale: Locale): void {
    writeStorage(this.storage, LOCALE_KEY, locale);
    this.current.set(locale);
  }

  /**
   * For a page opened from an email: show it in the email's language, unless this browser's
   * user chose one (their choice wins). Not remembered: the next page follows the usual rule.
   */
  preferUnlessChosen(locale: Locale): void {
    if (!isLocale(readStorage(this.storage, LOCALE_KEY))) {
      this.current.set(locale);
    }
  }

  /**
   * Adds an owner's texts; registering the same owner again is a no-op. A key that another owner
   * already defines is a programming error: one text has one owner.
   */
  register(catalogue: TextCatalogue): void {
    const known = this.catalogues();
    if (known.some((existing) => existing.owner === catalogue.owner)) {
      return;
    }
    for (const key of Object.keys(catalogue.texts.en)) {
      const owner = known.find((existing) => Object.prototype.hasOwnProperty.call(existing.texts.en, key));
      if (owner !== undefined) {
        throw new Error(`Text "${key}" of ${catalogue.owner} is already defined by ${owner.owner}`);
      }
    }
    this.catalogues.set([...known, catalogue]);
  }

  /** Whether `value` is a key of the registered texts (route data, titles read back from the router). */
  isKey(value: unknown): value is TranslationKey {
    return typeof value === 'string' && Object.prototype.hasOwnProperty.call(this.dictionary(), value);
  }

  /**
   * The text for `key` in the current language. Reading it in a template or `computed` tracks the
   * language and the registered texts. A key whose owner is not registered shows as the key itself.
   */
  readonly t = (key: TranslationKey, params?: TranslationParams): string =>
    interpolate(this.dictionary()[key] ?? key, params);

  /** A date in the current language's conventions; `format` is an Angular date format (`mediumDate`, `short`, …). */
  formatDate(value: Date | string | number, format = 'mediumDate'): string {
    return formatDate(value, format, this.current());
  }

  private initialLocale(): Locale {
    const stored = readStorage(this.storage, LOCALE_KEY);
    if (isLocale(stored)) {
      return stored;
    }
    const browserLanguage = this.document.defaultView?.navigator.language ?? '';
    return browserLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  }
}
