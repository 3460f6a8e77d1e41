import { TemplateRenderer } from '@mailroute/api/mail';
import { LOCALES, type Locale } from '@mailroute/shared/contracts';
import {
  auditInvitationTemplate,
  auditReminderTemplate,
  type AuditRespondentEmailData,
} from './audit-emails.templates';

const data: AuditRespondentEmailData = {
  auditTitle: 'Vendors <2025>',
  respondentName: 'Ada',
  senderName: 'Grace',
  respondUrl: 'https://app.example.test/audits/respond/abc_DEF-123',
  dueDate: '2025-06-30',
};
const context = (locale: Locale) => ({
  locale,
  organizationName: 'Acme & Co',
  publicUrl: 'https://app.example.test',
});

describe.each([
  ['invitation', auditInvitationTemplate],
  ['reminder', auditReminderTemplate],
] as const)('audit %s template', (_name, template) => {
  const render = (locale: Locale, overrides: Partial<AuditRespondentEmailData> = {}) =>
    new TemplateRenderer().render(template, { ...data, ...overrides }, context(locale));

  it.each(LOCALES)('renders completely in %s, with the personal link in both parts', (locale) => {
    const email = render(locale);

    expect(email.subject).toContain('Vendors <2025>');
    expect(email.subject).toContain('Acme & Co');
    expect(email.text).toContain(data.respondUrl);
    expect(email.text).toContain('2025-06-30');
    expect(email.html).toContain(`href="${data.respondUrl}"`);
    expect(email.html).toContain('Vendors &lt;2025&gt;');
    expect(`${email.subject}${email.text}${email.html}`).not.toMatch(/\{\{|\}\}/);
  });

  it('renders without a name or a due date', () => {
    const email = render('en', { respondentName: null, dueDate: null });

    expect(email.text).toMatch(/^Hello,/);
    expect(email.text).toMatch(/“Vendors <2025>”( awaits your answers)?\.\n/);
  });

  it('reads differently in English and French', () => {
    expect(render('en').text).toMatch(/^Hello Ada,/);
    expect(render('fr').text).toMatch(/^Bonjour Ada,/);
    expect(render('fr').text).toContain('d’ici le 2025-06-30');
  });
});
