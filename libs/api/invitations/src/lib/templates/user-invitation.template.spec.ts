import { TemplateRenderer } from '@mailroute/api/mail';
import { LOCALES, type Locale } from '@mailroute/shared/contracts';
import { userInvitationTemplate, type UserInvitationEmailData } from './user-invitation.template';

const data: UserInvitationEmailData = {
  inviterName: 'Grace <Hopper>',
  isAdmin: false,
  acceptUrl: 'https://app.example.test/invitations/abc_DEF-123',
  validDays: 7,
};
const context = (locale: Locale) => ({
  locale,
  organizationName: 'Acme & Co',
  publicUrl: 'https://app.example.test',
});
const render = (locale: Locale, overrides: Partial<UserInvitationEmailData> = {}) =>
  new TemplateRenderer().render(userInvitationTemplate, { ...data, ...overrides }, context(locale));

describe('userInvitationTemplate', () => {
  it.each(LOCALES)('renders completely in %s, with the link in both parts', (locale) => {
    const email = render(locale);

    expect(email.subject).toContain('Acme & Co');
    expect(email.text).toContain(data.acceptUrl);
    expect(email.html).toContain(`href="${data.acceptUrl}"`);
    expect(email.html).toContain(`lang="${locale}"`);
    expect(`${email.subject}${email.text}${email.html}`).not.toMatch(/\{\{|\}\}/);
  });

  it('invites in English', () => {
    const email = render('en');

    expect(email.subject).toBe('Grace <Hopper> invites you to join Acme & Co on Mailroute');
    expect(email.text).toContain('as a member.');
    expect(email.text).toContain('for 7 days');
    expect(render('en', { isAdmin: true }).text).toContain('as an administrator.');
  });

  it('invites in French', () => {
    const email = render('fr');

    expect(email.subject).toBe('Grace <Hopper> vous invite à rejoindre Acme & Co sur Mailroute');
    expect(email.text).toContain('en tant que membre.');
    expect(email.text).toContain('pendant 7 jours');
    expect(render('fr', { isAdmin: true }).text).toContain("en tant qu'administrateur.");
  });

  it('escapes the inviter’s name in the HTML part', () => {
    expect(render('en').html).toContain('Grace &lt;Hopper&gt; invites you');
  });
});
