import { catalogueProblems } from '@mailroute/web/i18n';
import { dataSubjectRequestsTexts } from './data-subject-requests.texts';

it('translates every text of data-subject-requests with the same placeholders', () => {
  expect(catalogueProblems(dataSubjectRequestsTexts)).toEqual([]);
});
