import {
  type EnvironmentProviders,
  inject,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { I18nService } from './i18n/i18n.service';
import { TranslatedTitleStrategy } from './i18n/translated-title.strategy';

/**
 * App-wide setup of web-core: translated page titles and the interface language applied from the
 * first render. HTTP is provided by the app: `provideHttpClient(withInterceptors([authInterceptor]))`.
 */
export function provideMailrouteCore(): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
    provideAppInitializer(() => {
      // Created now so <html lang> matches the stored language before anything renders.
      inject(I18nService);
    }),
  ]);
}
