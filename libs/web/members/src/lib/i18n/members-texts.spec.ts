import { catalogueProblems } from '@mailroute/web/i18n';
import { membersTexts } from './members.texts';

it('translates every text of members with the same placeholders', () => {
  expect(catalogueProblems(membersTexts)).toEqual([]);
});
