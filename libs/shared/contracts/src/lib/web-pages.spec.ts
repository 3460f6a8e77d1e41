import { WEB_PAGES, webPageOf, webPagePath } from './web-pages';

describe('web pages linked from emails', () => {
  it('fills a pattern with encoded values', () => {
    expect(webPagePath('invitation', { token: 'a/b c' })).toBe('/invitations/a%2Fb%20c');
    expect(webPagePath('smtpSettings', {})).toBe('/general-settings/smtp');
  });

  it('refuses to build a link with a value missing', () => {
    expect(() => webPagePath('task', { taskId: '' })).toThrow('The link to task needs taskId');
  });

  it('recognises each page from its path, the respondent page before the audit page', () => {
    expect(webPageOf('/audits/respond/tok')).toBe('auditResponse');
    expect(webPageOf('/audits/41')).toBe('audit');
    expect(webPageOf('/processing-activities/9')).toBe('activity');
    expect(webPageOf('/general-settings/smtp')).toBe('smtpSettings');
  });

  it('knows no other path', () => {
    expect(webPageOf('/tasks')).toBeNull();
    expect(webPageOf('/tasks/7/edit')).toBeNull();
    expect(webPageOf('/invitation/abc')).toBeNull();
  });

  it('round-trips every page', () => {
    for (const page of Object.keys(WEB_PAGES) as (keyof typeof WEB_PAGES)[]) {
      const params = Object.fromEntries(
        [...WEB_PAGES[page].matchAll(/:(\w+)/g)].map((match) => [match[1], 'x1']),
      ) as never;
      expect(webPageOf(webPagePath(page, params))).toBe(page);
    }
  });
});
