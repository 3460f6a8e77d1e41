import { catalogueProblems } from '@mailroute/web/i18n';
import { notificationsTexts } from './notifications.texts';

it('translates every text of notifications with the same placeholders', () => {
  expect(catalogueProblems(notificationsTexts)).toEqual([]);
});
