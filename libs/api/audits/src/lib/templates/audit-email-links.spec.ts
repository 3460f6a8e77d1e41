import { linkedPages, SAMPLE_PUBLIC_URL, templatesOf } from '@mailroute/api/mail/testing';
import { type WebPage, webPagePath } from '@mailroute/shared/contracts';
import * as templates from './audit-emails.templates';

const respondent = {
  auditTitle: 'Vendors',
  respondentName: 'Ada',
  senderName: 'Grace',
  respondUrl: `${SAMPLE_PUBLIC_URL}${webPagePath('auditResponse', { token: 'tok_123' })}`,
  dueDate: '2026-12-31',
};

const samples: Record<string, { data: object; opens: WebPage | null }> = {
  [templates.auditInvitationTemplate.name]: { data: respondent, opens: 'auditResponse' },
  [templates.auditReminderTemplate.name]: { data: respondent, opens: 'auditResponse' },
  [templates.auditAnsweredTemplate.name]: {
    data: {
      auditId: 'aud-1',
      auditTitle: 'Vendors',
      respondentName: 'Ada',
      answeredCount: 1,
      respondentCount: 2,
    },
    opens: 'audit',
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
