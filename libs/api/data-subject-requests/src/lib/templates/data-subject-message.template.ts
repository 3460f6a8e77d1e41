import { defineMailTemplate } from '@mailroute/api/mail';

export interface DataSubjectMessageEmailData {
  /** e.g. `DSR-1A2B3C4D`: in the subject so the data subject's replies keep it. */
  reference: string;
  subjectName: string;
  /** What the organization wrote, as typed (escaped in the HTML part, line breaks kept by `pre-wrap`). */
  body: string;
}

/**
 * A message from the organization to a data subject about their rights request. Written by a
 * person, so no link into the app (the data subject has no account): they answer by replying.
 */
export const dataSubjectMessageTemplate = defineMailTemplate<DataSubjectMessageEmailData>({
  name: 'data-subject-requests.message',
  subject: {
    en: 'Your request to {{organizationName}} [{{reference}}]',
    fr: 'Votre demande auprès de {{organizationName}} [{{reference}}]',
  },
  text: {
    en: `Hello {{subjectName}},

{{body}}

Reference of your request: {{reference}}. You can answer by replying to this email.`,
    fr: `Bonjour {{subjectName}},

{{body}}

Référence de votre demande : {{reference}}. Vous pouvez répondre directement à cet e-mail.`,
  },
  html: {
    en: `<p style="margin:0 0 16px;">Hello {{subjectName}},</p>
<p style="margin:0 0 16px;white-space:pre-wrap;">{{body}}</p>
<p style="margin:0;color:#4b5563;font-size:14px;">Reference of your request: <strong>{{reference}}</strong>. You can answer by replying to this email.</p>`,
    fr: `<p style="margin:0 0 16px;">Bonjour {{subjectName}},</p>
<p style="margin:0 0 16px;white-space:pre-wrap;">{{body}}</p>
<p style="margin:0;color:#4b5563;font-size:14px;">Référence de votre demande : <strong>{{reference}}</strong>. Vous pouvez répondre directement à cet e-mail.</p>`,
  },
});
