import { DOCUMENT, formatDate, registerLocaleData } from '@angular/common';
import localeFr from '@angular/common/locales/fr';
import { computed, effect, inject, Injectable, signal } from '@angular/core';
import { isLocale, type Locale } from '@mailroute/shared/contracts';
import { readStorage, WEB_STORAGE, writeStorage } from '../browser-storage';
import type { TranslationKey } from './en';
import { DICTIONARIES, interpolate, type TranslationParams } from './dictionaries';

const LOCALE_KEY = 'mailroute.locale';

/**
 * The interface language. `locale` is a signal: texts read through `t` (the function or the pipe)
 * follow a switch without a reload. The choice is kept in localStorage; the first visit follows
 * the browser's language when it is French, else English.
 */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly storage = inject(WEB_STORAGE);
  private readonly document = inject(DOCUMENT);

  private readonly current = signal<Locale>(this.initialLocale());
  private readonly dictionary = computed(() => DICTIONARIES[this.current()]);

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

  /** The text for `key` in the current language. Reading it in a template or `computed` tracks the language. */
  readonly t = (key: TranslationKey, params?: TranslationParams): string =>
    interpolate(this.dictionary()[key], params);

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
