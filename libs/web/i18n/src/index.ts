export { WEB_STORAGE, NOW, readStorage, writeStorage } from './lib/browser-storage';
export {
  type TextKeys,
  type TranslationKey,
  type Translation,
  type TextCatalogue,
  defineTexts,
} from './lib/text-catalogue';
export { catalogueProblems } from './lib/catalogue-problems';
export { interpolate, type TranslationParams } from './lib/interpolate';
export { languageNameKey, roleKey } from './lib/app-texts/app-keys';
export { I18nService } from './lib/i18n.service';
export { provideTexts } from './lib/provide-texts';
export { TranslatePipe } from './lib/translate.pipe';
export { LocalDatePipe } from './lib/local-date.pipe';
export { TranslatedTitleStrategy, pageTitle } from './lib/translated-title.strategy';
export { provideI18n } from './lib/provide-i18n';
