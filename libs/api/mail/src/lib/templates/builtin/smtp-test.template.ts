import { defineMailTemplate } from '../mail-template';

export interface SmtpTestEmailData {
  host: string;
  port: number;
  /** Who asked for the test (name or email address of the admin). */
  requestedBy: string;
}

/** Sent from the SMTP settings page to prove that the organization's server delivers. */
export const smtpTestTemplate = defineMailTemplate<SmtpTestEmailData>({
  name: 'mail.smtp_test',
  subject: {
    en: 'Test email from Mailroute for {{organizationName}}',
    fr: 'E-mail de test de Mailroute pour {{organizationName}}',
  },
  text: {
    en: `Hello,

This is a test email from Mailroute: {{organizationName}} now sends its emails through {{host}}:{{port}}.

{{requestedBy}} sent this test from the SMTP settings page. Since it reached you, the server accepted and delivered it: there is nothing else to do.`,
    fr: `Bonjour,

Ceci est un e-mail de test de Mailroute : {{organizationName}} envoie désormais ses e-mails via {{host}}:{{port}}.

{{requestedBy}} a envoyé ce test depuis la page des paramètres SMTP. Puisqu'il vous est parvenu, le serveur l'a accepté et distribué : vous n'avez rien d'autre à faire.`,
  },
  html: {
    en: `<p style="margin:0 0 16px;">Hello,</p>
<p style="margin:0 0 16px;">This is a test email from Mailroute: <strong>{{organizationName}}</strong> now sends its emails through <strong>{{host}}:{{port}}</strong>.</p>
<p style="margin:0;">{{requestedBy}} sent this test from the SMTP settings page. Since it reached you, the server accepted and delivered it: there is nothing else to do.</p>`,
    fr: `<p style="margin:0 0 16px;">Bonjour,</p>
<p style="margin:0 0 16px;">Ceci est un e-mail de test de Mailroute : <strong>{{organizationName}}</strong> envoie désormais ses e-mails via <strong>{{host}}:{{port}}</strong>.</p>
<p style="margin:0;">{{requestedBy}} a envoyé ce test depuis la page des paramètres SMTP. Puisqu'il vous est parvenu, le serveur l'a accepté et distribué : vous n'avez rien d'autre à faire.</p>`,
  },
});
