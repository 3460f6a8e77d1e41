import { linkedPages, templatesOf } from '@mailroute/api/mail/testing';
import type { WebPage } from '@mailroute/shared/contracts';
import * as templates from './notification-templates';

const samples: Record<string, { data: object; opens: WebPage | null }> = {
  [templates.commentAddedTemplate.name]: {
    data: { actorName: 'Ada', activityId: 'act-1', activityName: 'Payroll', excerpt: 'Looks good' },
    opens: 'activity',
  },
  [templates.taskAssignedTemplate.name]: {
    data: { actorName: 'Ada', taskId: 'task-1', taskTitle: 'Review', dueDate: '2026-12-31' },
    opens: 'task',
  },
  [templates.taskCompletedTemplate.name]: {
    data: { actorName: 'Ada', taskId: 'task-1', taskTitle: 'Review' },
    opens: 'task',
  },
};

it.each(templatesOf(templates).map((template) => [template.name, template] as const))(
  '%s links, in every language, only to the page it is about',
  (name, template) => {
    const sample = samples[name];
    expect(sample).toBeDefined();

    const pages = linkedPages(template, sample.data);

    expect(pages.filter((linked) => linked.page !== sample.opens)).toEqual([]);
    expect(pages.length > 0).toBe(sample.opens !== null);
  },
);
