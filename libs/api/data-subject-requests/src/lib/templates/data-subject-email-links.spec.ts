import { linkedPages, templatesOf } from '@mailroute/api/mail/testing';
import type { WebPage } from '@mailroute/shared/contracts';
import * as templates from './data-subject-message.template';

// The data subject has no account: their messages carry no link into the app.
const samples: Record<string, { data: object; opens: WebPage | null }> = {
  [templates.dataSubjectMessageTemplate.name]: {
    data: { reference: 'DSR-1A2B3C4D', subjectName: 'Ada', body: 'Here is your data.' },
    opens: null,
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
