import { catalogueProblems } from '@mailroute/web/i18n';
import { auditsTexts } from './audits.texts';

it('translates every text of audits with the same placeholders', () => {
  expect(catalogueProblems(auditsTexts)).toEqual([]);
});
