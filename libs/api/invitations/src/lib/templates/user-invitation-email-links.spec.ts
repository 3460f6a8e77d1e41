import { linkedPages, SAMPLE_PUBLIC_URL, templatesOf } from '@mailroute/api/mail/testing';
import { type WebPage, webPagePath } from '@mailroute/shared/contracts';
import * as templates from './user-invitation.template';

const samples: Record<string, { data: object; opens: WebPage | null }> = {
  [templates.userInvitationTemplate.name]: {
    data: {
      inviterName: 'Ada',
      isAdmin: false,
      acceptUrl: `${SAMPLE_PUBLIC_URL}${webPagePath('invitation', { token: 'tok_123' })}`,
      validDays: 7,
    },
    opens: 'invitation',
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
