import { TemplateRenderer } from '@mailroute/api/mail';
import { LOCALES, type Locale } from '@mailroute/shared/contracts';
import {
  auditAnsweredTemplate,
  type AuditAnsweredEmailData,
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

describe('audit answered template', () => {
  const answered: AuditAnsweredEmailData = {
    auditId: '0b7e6a52-5d8e-4a49-9f4c-0d6f3f2b8a11',
    auditTitle: 'Vendors <2025>',
    respondentName: 'Ada',
    answeredCount: 1,
    respondentCount: 3,
  };
  const render = (locale: Locale) =>
    new TemplateRenderer().render(auditAnsweredTemplate, answered, context(locale));
  const auditPage = `https://app.example.test/audits/${answered.auditId}`;

  it.each(LOCALES)('renders completely in %s, with the link to the audit’s page in both parts', (locale) => {
    const email = render(locale);

    expect(email.subject).toContain('Ada');
    expect(email.subject).toContain('Vendors <2025>');
    expect(email.text).toContain(auditPage);
    expect(email.html).toContain(`href="${auditPage}"`);
    expect(email.html).toContain('Vendors &lt;2025&gt;');
    expect(`${email.subject}${email.text}${email.html}`).not.toMatch(/\{\{|\}\}/);
  });

  it('reads differently in English and French', () => {
    expect(render('en').subject).toBe('Ada answered the audit “Vendors <2025>”');
    expect(render('fr').subject).toBe('Ada a répondu à l’audit « Vendors <2025> »');
    expect(render('en').text).toContain('1 of 3 respondents have answered');
  });
});
