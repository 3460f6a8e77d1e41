import { catalogueProblems } from '@mailroute/web/i18n';
import { activitiesTexts } from './activities.texts';

it('translates every text of activities with the same placeholders', () => {
  expect(catalogueProblems(activitiesTexts)).toEqual([]);
});
