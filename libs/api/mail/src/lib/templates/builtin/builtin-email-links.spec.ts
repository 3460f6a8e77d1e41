import { type WebPage, webPagePath } from '@mailroute/shared/contracts';
import { linkedPages, SAMPLE_PUBLIC_URL, templatesOf } from '../../../testing/email-links';
import * as smtpTest from './smtp-test.template';
import * as systemAlert from './system-alert.template';

const templates = { ...smtpTest, ...systemAlert };

const samples: Record<string, { data: object; opens: WebPage | null }> = {
  [smtpTest.smtpTestTemplate.name]: {
    data: { host: 'smtp.example.com', port: 587, requestedBy: 'Ada' },
    opens: null,
  },
  [systemAlert.systemAlertTemplate.name]: {
    data: {
      host: 'smtp.example.com',
      port: 465,
      failures: 3,
      lastError: '535 5.7.8 Authentication failed',
      since: '2026-12-01 08:00 UTC',
      settingsUrl: `${SAMPLE_PUBLIC_URL}${webPagePath('smtpSettings', {})}`,
    },
    opens: 'smtpSettings',
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
