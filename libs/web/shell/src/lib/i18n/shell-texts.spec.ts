import { catalogueProblems } from '@mailroute/web/i18n';
import { shellTexts } from './shell.texts';

it('translates every text of the shell with the same placeholders', () => {
  expect(catalogueProblems(shellTexts)).toEqual([]);
});
