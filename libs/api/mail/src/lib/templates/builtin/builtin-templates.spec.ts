import { LOCALES, type Locale } from '@mailroute/shared/contracts';
import type { MailTemplateDataOf, MailTemplateDefinition, MailTemplatePart } from '../mail-template';
import { TemplateRenderer } from '../template-renderer';
import { smtpTestTemplate, type SmtpTestEmailData } from './smtp-test.template';
import { systemAlertTemplate, type SystemAlertEmailData } from './system-alert.template';

const smtpTest: MailTemplateDataOf<typeof smtpTestTemplate> & SmtpTestEmailData = {
  host: 'smtp.example.com',
  port: 587,
  requestedBy: 'Ada Lovelace',
};
const systemAlert: SystemAlertEmailData = {
  host: 'smtp.example.com',
  port: 465,
  failures: 12,
  lastError: '535 5.7.8 Authentication credentials invalid (AUTH PLAIN)',
  since: '2025-03-01 08:00 UTC',
  settingsUrl: 'https://mail.example.com/settings/smtp?tab=server&x=<1>',
};

// Every built-in template with sample data: adding one here keeps it under the checks below.
const builtins: Array<{
  template: Readonly<MailTemplateDefinition>;
  render: (renderer: TemplateRenderer, locale: Locale) => ReturnType<TemplateRenderer['render']>;
}> = [
  {
    template: smtpTestTemplate,
    render: (renderer, locale) => renderer.render(smtpTestTemplate, smtpTest, context(locale)),
  },
  {
    template: systemAlertTemplate,
    render: (renderer, locale) => renderer.render(systemAlertTemplate, systemAlert, context(locale)),
  },
];

function context(locale: Locale) {
  return { locale, organizationName: 'Acme & Co', publicUrl: 'https://mail.example.com' };
}

/** The Handlebars expressions a source uses, e.g. `{{host}}`, `{{#if x}}`. */
function placeholders(source: string): string[] {
  return [...source.matchAll(/\{\{\{?\s*([^}]+?)\s*\}?\}\}/g)].map((match) => match[1] ?? '').sort();
}

describe.each(builtins.map((builtin) => [builtin.template.name, builtin] as const))(
  'built-in template %s',
  (_name, { template, render }) => {
    it.each(LOCALES)('renders in %s with sample data', (locale) => {
      const email = render(new TemplateRenderer(), locale);

      expect(email.subject).not.toBe('');
      expect(email.subject).toContain('Acme & Co');
      expect(email.text).toContain('smtp.example.com');
      expect(email.html).toContain(`lang="${locale}"`);
      expect(email.html).toContain('Acme &amp; Co');
      expect(email.text).not.toMatch(/\{\{|\}\}/);
      expect(email.html).not.toMatch(/\{\{|\}\}/);
    });

    it.each<MailTemplatePart>(['subject', 'text', 'html'])(
      'uses the same placeholders in English and French (%s)',
      (part) => {
        expect(placeholders(template[part].fr)).toEqual(placeholders(template[part].en));
      },
    );

    it('reads differently in English and French', () => {
      const renderer = new TemplateRenderer();

      expect(render(renderer, 'fr').text).not.toBe(render(renderer, 'en').text);
    });
  },
);

describe('smtpTestTemplate', () => {
  it('says which server the organization now sends through', () => {
    const email = new TemplateRenderer().render(smtpTestTemplate, smtpTest, context('en'));

    expect(email.text).toContain(
      'This is a test email from Mailroute: Acme & Co now sends its emails through smtp.example.com:587.',
    );
    expect(email.text).toContain('Ada Lovelace');
  });
});

describe('systemAlertTemplate', () => {
  it('gives the failure details, says nothing is lost and links to the settings', () => {
    const email = new TemplateRenderer().render(systemAlertTemplate, systemAlert, context('en'));

    expect(email.text).toContain('Failed attempts: 12');
    expect(email.text).toContain('Last error: 535 5.7.8 Authentication credentials invalid (AUTH PLAIN)');
    expect(email.text).toContain('No email is lost');
    expect(email.text).toContain(systemAlert.settingsUrl);
    expect(email.html).toContain(
      'href="https://mail.example.com/settings/smtp?tab&#x3D;server&amp;x&#x3D;&lt;1&gt;"',
    );
  });

  it('is in French for a French reader', () => {
    const email = new TemplateRenderer().render(systemAlertTemplate, systemAlert, context('fr'));

    expect(email.subject).toBe(
      "Action requise : Acme & Co ne parvient plus à envoyer d'e-mails via smtp.example.com",
    );
    expect(email.text).toContain("Aucun e-mail n'est perdu");
  });
});
