import { type EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import { I18nService } from './i18n.service';
import type { TextCatalogue } from './text-catalogue';

/**
 * Registers a feature's texts, on the feature's routes (`providers: [provideTexts(texts)]`): they
 * are known once the router enters the feature, before its first page renders.
 */
export function provideTexts(...catalogues: TextCatalogue[]): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    const i18n = inject(I18nService);
    for (const catalogue of catalogues) {
      i18n.register(catalogue);
    }
  });
}
