import {
  type EnvironmentProviders,
  inject,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { I18nService } from './i18n.service';
import { TranslatedTitleStrategy } from './translated-title.strategy';

/** App-wide: translated page titles, and the interface language applied from the first render. */
export function provideI18n(): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
    provideAppInitializer(() => {
      // Created now so <html lang> matches the stored language before anything renders.
      inject(I18nService);
    }),
  ]);
}
