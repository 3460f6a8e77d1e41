import { defineMailTemplate } from '../mail-template';

export interface SystemAlertEmailData {
  host: string;
  port: number;
  /** Failed attempts since the server started failing. */
  failures: number;
  /** The last failure's message, as shown in the email log (never a password). */
  lastError: string;
  /** When the failures started, already formatted for the reader's locale. */
  since: string;
  /** The SMTP settings page. */
  settingsUrl: string;
}

/** Tells an organization's admins that their SMTP server keeps failing, and that nothing is lost. */
export const systemAlertTemplate = defineMailTemplate<SystemAlertEmailData>({
  name: 'mail.system_alert',
  subject: {
    en: 'Action needed: {{organizationName}} cannot send emails through {{host}}',
    fr: "Action requise : {{organizationName}} ne parvient plus à envoyer d'e-mails via {{host}}",
  },
  text: {
    en: `Hello,

Mailroute cannot deliver the emails of {{organizationName}} through your SMTP server {{host}}:{{port}}.

Failing since: {{since}}
Failed attempts: {{failures}}
Last error: {{lastError}}

No email is lost: Mailroute keeps every email and tries again, or holds it until the settings are corrected (for example when the server refuses the password). They are sent as soon as the server accepts them.

Check the server and its settings here:
{{settingsUrl}}`,
    fr: `Bonjour,

Mailroute ne parvient pas à remettre les e-mails de {{organizationName}} via votre serveur SMTP {{host}}:{{port}}.

En échec depuis : {{since}}
Tentatives échouées : {{failures}}
Dernière erreur : {{lastError}}

Aucun e-mail n'est perdu : Mailroute conserve chaque e-mail et réessaie, ou le met en attente jusqu'à ce que les paramètres soient corrigés (par exemple si le serveur refuse le mot de passe). Ils partiront dès que le serveur les acceptera.

Vérifiez le serveur et ses paramètres ici :
{{settingsUrl}}`,
  },
  html: {
    en: `<p style="margin:0 0 16px;">Hello,</p>
<p style="margin:0 0 16px;">Mailroute cannot deliver the emails of <strong>{{organizationName}}</strong> through your SMTP server <strong>{{host}}:{{port}}</strong>.</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;">
<tr><td style="padding:2px 12px 2px 0;color:#4b5563;">Failing since</td><td style="padding:2px 0;">{{since}}</td></tr>
<tr><td style="padding:2px 12px 2px 0;color:#4b5563;">Failed attempts</td><td style="padding:2px 0;">{{failures}}</td></tr>
<tr><td style="padding:2px 12px 2px 0;color:#4b5563;vertical-align:top;">Last error</td><td style="padding:2px 0;"><code style="word-break:break-word;">{{lastError}}</code></td></tr>
</table>
<p style="margin:0 0 16px;">No email is lost: Mailroute keeps every email and tries again, or holds it until the settings are corrected (for example when the server refuses the password). They are sent as soon as the server accepts them.</p>
<p style="margin:0;"><a href="{{settingsUrl}}" style="display:inline-block;padding:10px 18px;background-color:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;">Check the SMTP settings</a></p>`,
    fr: `<p style="margin:0 0 16px;">Bonjour,</p>
<p style="margin:0 0 16px;">Mailroute ne parvient pas à remettre les e-mails de <strong>{{organizationName}}</strong> via votre serveur SMTP <strong>{{host}}:{{port}}</strong>.</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;">
<tr><td style="padding:2px 12px 2px 0;color:#4b5563;">En échec depuis</td><td style="padding:2px 0;">{{since}}</td></tr>
<tr><td style="padding:2px 12px 2px 0;color:#4b5563;">Tentatives échouées</td><td style="padding:2px 0;">{{failures}}</td></tr>
<tr><td style="padding:2px 12px 2px 0;color:#4b5563;vertical-align:top;">Dernière erreur</td><td style="padding:2px 0;"><code style="word-break:break-word;">{{lastError}}</code></td></tr>
</table>
<p style="margin:0 0 16px;">Aucun e-mail n'est perdu : Mailroute conserve chaque e-mail et réessaie, ou le met en attente jusqu'à ce que les paramètres soient corrigés (par exemple si le serveur refuse le mot de passe). Ils partiront dès que le serveur les acceptera.</p>
<p style="margin:0;"><a href="{{settingsUrl}}" style="display:inline-block;padding:10px 18px;background-color:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;">Vérifier les paramètres SMTP</a></p>`,
  },
});
