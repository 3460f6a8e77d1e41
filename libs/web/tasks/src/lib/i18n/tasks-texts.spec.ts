import { catalogueProblems } from '@mailroute/web/i18n';
import { tasksTexts } from './tasks.texts';

it('translates every text of tasks with the same placeholders', () => {
  expect(catalogueProblems(tasksTexts)).toEqual([]);
});
