import { inject, Pipe, type PipeTransform } from '@angular/core';
import type { TranslationKey } from './text-catalogue';
import type { TranslationParams } from './interpolate';
import { I18nService } from './i18n.service';

/**
 * `{{ 'login.heading' | t }}`. Impure on purpose: the text depends on the language signal, not
 * only on the key, and a pure pipe would keep the first language's text. A lookup is cheap.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(key: TranslationKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}
