import { defineMailTemplate, webPageLink } from '@mailroute/api/mail';

export interface AuditRespondentEmailData {
  auditTitle: string;
  /** Null when the respondent was invited without a name. */
  respondentName: string | null;
  /** Who invited or reminded (their name, else their email address). */
  senderName: string;
  /** `${publicUrl}/audits/respond/<token>`: the only place the token ever appears. */
  respondUrl: string;
  /** `YYYY-MM-DD`, or null when the audit has none. */
  dueDate: string | null;
}

const button = (label: string, href = '{{respondUrl}}') =>
  `<p style="margin:0 0 16px;"><a href="${href}" style="display:inline-block;padding:10px 18px;background-color:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;">${label}</a></p>`;

/** Invites a respondent to answer an audit through their personal link. */
export const auditInvitationTemplate = defineMailTemplate<AuditRespondentEmailData>({
  name: 'audits.respondent_invitation',
  subject: {
    en: '{{organizationName}} asks you to answer the audit “{{auditTitle}}”',
    fr: '{{organizationName}} vous invite à répondre à l’audit « {{auditTitle}} »',
  },
  text: {
    en: `Hello{{#if respondentName}} {{respondentName}}{{/if}},

{{senderName}} of {{organizationName}} asks you to answer the audit “{{auditTitle}}”{{#if dueDate}} by {{dueDate}}{{/if}}.

Answer through your personal link:
{{respondUrl}}

Do not forward this email: the link is yours alone.`,
    fr: `Bonjour{{#if respondentName}} {{respondentName}}{{/if}},

{{senderName}} de {{organizationName}} vous invite à répondre à l’audit « {{auditTitle}} »{{#if dueDate}} d’ici le {{dueDate}}{{/if}}.

Répondez grâce à votre lien personnel :
{{respondUrl}}

Ne transférez pas cet e-mail : ce lien n’est qu’à vous.`,
  },
  html: {
    en: `<p style="margin:0 0 16px;">Hello{{#if respondentName}} {{respondentName}}{{/if}},</p>
<p style="margin:0 0 16px;">{{senderName}} of <strong>{{organizationName}}</strong> asks you to answer the audit “{{auditTitle}}”{{#if dueDate}} by <strong>{{dueDate}}</strong>{{/if}}.</p>
${button('Answer the audit')}
<p style="margin:0;">Do not forward this email: the link is yours alone.</p>`,
    fr: `<p style="margin:0 0 16px;">Bonjour{{#if respondentName}} {{respondentName}}{{/if}},</p>
<p style="margin:0 0 16px;">{{senderName}} de <strong>{{organizationName}}</strong> vous invite à répondre à l’audit « {{auditTitle}} »{{#if dueDate}} d’ici le <strong>{{dueDate}}</strong>{{/if}}.</p>
${button('Répondre à l’audit')}
<p style="margin:0;">Ne transférez pas cet e-mail : ce lien n’est qu’à vous.</p>`,
  },
});

/** Reminds a respondent, with a new personal link (the previous one no longer works). */
export const auditReminderTemplate = defineMailTemplate<AuditRespondentEmailData>({
  name: 'audits.respondent_reminder',
  subject: {
    en: 'Reminder: the audit “{{auditTitle}}” of {{organizationName}} awaits your answers',
    fr: 'Rappel : l’audit « {{auditTitle}} » de {{organizationName}} attend vos réponses',
  },
  text: {
    en: `Hello{{#if respondentName}} {{respondentName}}{{/if}},

{{senderName}} of {{organizationName}} reminds you that the audit “{{auditTitle}}” awaits your answers{{#if dueDate}} by {{dueDate}}{{/if}}.

Answer through your personal link (the link of earlier emails no longer works):
{{respondUrl}}

Do not forward this email: the link is yours alone.`,
    fr: `Bonjour{{#if respondentName}} {{respondentName}}{{/if}},

{{senderName}} de {{organizationName}} vous rappelle que l’audit « {{auditTitle}} » attend vos réponses{{#if dueDate}} d’ici le {{dueDate}}{{/if}}.

Répondez grâce à votre lien personnel (celui des e-mails précédents ne fonctionne plus) :
{{respondUrl}}

Ne transférez pas cet e-mail : ce lien n’est qu’à vous.`,
  },
  html: {
    en: `<p style="margin:0 0 16px;">Hello{{#if respondentName}} {{respondentName}}{{/if}},</p>
<p style="margin:0 0 16px;">{{senderName}} of <strong>{{organizationName}}</strong> reminds you that the audit “{{auditTitle}}” awaits your answers{{#if dueDate}} by <strong>{{dueDate}}</strong>{{/if}}.</p>
${button('Answer the audit')}
<p style="margin:0;">The link of earlier emails no longer works. Do not forward this email: the link is yours alone.</p>`,
    fr: `<p style="margin:0 0 16px;">Bonjour{{#if respondentName}} {{respondentName}}{{/if}},</p>
<p style="margin:0 0 16px;">{{senderName}} de <strong>{{organizationName}}</strong> vous rappelle que l’audit « {{auditTitle}} » attend vos réponses{{#if dueDate}} d’ici le <strong>{{dueDate}}</strong>{{/if}}.</p>
${button('Répondre à l’audit')}
<p style="margin:0;">Le lien des e-mails précédents ne fonctionne plus. Ne transférez pas cet e-mail : ce lien n’est qu’à vous.</p>`,
  },
});

export interface AuditAnsweredEmailData {
  auditId: string;
  auditTitle: string;
  /** The respondent's name, else their email address. */
  respondentName: string;
  /** How many of the audit's respondents have answered, this one included, and of how many. */
  answeredCount: number;
  respondentCount: number;
}

const AUDIT_PAGE = webPageLink('audit');

/**
 * Tells the audit's creator that a respondent answered, with a link to the audit's page (where
 * signed-in readers see the answers); never the answers themselves nor the respondent's link.
 */
export const auditAnsweredTemplate = defineMailTemplate<AuditAnsweredEmailData>({
  name: 'audits.respondent_answered',
  subject: {
    en: '{{respondentName}} answered the audit “{{auditTitle}}”',
    fr: '{{respondentName}} a répondu à l’audit « {{auditTitle}} »',
  },
  text: {
    en: `{{respondentName}} answered the audit “{{auditTitle}}” ({{answeredCount}} of {{respondentCount}} respondents have answered).

Read the answers:
${AUDIT_PAGE}`,
    fr: `{{respondentName}} a répondu à l’audit « {{auditTitle}} » ({{answeredCount}} répondants sur {{respondentCount}} ont répondu).

Lire les réponses :
${AUDIT_PAGE}`,
  },
  html: {
    en: `<p style="margin:0 0 16px;"><strong>{{respondentName}}</strong> answered the audit “{{auditTitle}}” ({{answeredCount}} of {{respondentCount}} respondents have answered).</p>
${button('Read the answers', AUDIT_PAGE)}`,
    fr: `<p style="margin:0 0 16px;"><strong>{{respondentName}}</strong> a répondu à l’audit « {{auditTitle}} » ({{answeredCount}} répondants sur {{respondentCount}} ont répondu).</p>
${button('Lire les réponses', AUDIT_PAGE)}`,
  },
});
