import { catalogueProblems } from '@mailroute/web/i18n';
import { smtpSettingsTexts } from './smtp-settings.texts';

it('translates every text of the SMTP settings with the same placeholders', () => {
  expect(catalogueProblems(smtpSettingsTexts)).toEqual([]);
});
