import { defineMailTemplate } from '@mailroute/api/mail';

export interface UserInvitationEmailData {
  /** Who invited (their name, else their email address). */
  inviterName: string;
  /** The role is said in the reader's words by the template. */
  isAdmin: boolean;
  /** `${publicUrl}/invitations/<token>`: the only place the token ever appears. */
  acceptUrl: string;
  validDays: number;
}

/** Invites someone to create their account in the organization. */
export const userInvitationTemplate = defineMailTemplate<UserInvitationEmailData>({
  name: 'invitations.user_invitation',
  subject: {
    en: '{{inviterName}} invites you to join {{organizationName}} on Mailroute',
    fr: '{{inviterName}} vous invite à rejoindre {{organizationName}} sur Mailroute',
  },
  text: {
    en: `Hello,

{{inviterName}} invites you to join {{organizationName}} on Mailroute as {{#if isAdmin}}an administrator{{else}}a member{{/if}}.

To accept, choose your name and password here:
{{acceptUrl}}

This link is personal and works once, for {{validDays}} days. If you did not expect this invitation, ignore this email: no account is created without you.`,
    fr: `Bonjour,

{{inviterName}} vous invite à rejoindre {{organizationName}} sur Mailroute en tant {{#if isAdmin}}qu'administrateur{{else}}que membre{{/if}}.

Pour accepter, choisissez votre nom et votre mot de passe ici :
{{acceptUrl}}

Ce lien est personnel et ne sert qu'une fois, pendant {{validDays}} jours. Si vous n'attendiez pas cette invitation, ignorez cet e-mail : aucun compte n'est créé sans vous.`,
  },
  html: {
    en: `<p style="margin:0 0 16px;">Hello,</p>
<p style="margin:0 0 16px;">{{inviterName}} invites you to join <strong>{{organizationName}}</strong> on Mailroute as {{#if isAdmin}}an administrator{{else}}a member{{/if}}.</p>
<p style="margin:0 0 16px;"><a href="{{acceptUrl}}" style="display:inline-block;padding:10px 18px;background-color:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;">Accept the invitation</a></p>
<p style="margin:0;">This link is personal and works once, for {{validDays}} days. If you did not expect this invitation, ignore this email: no account is created without you.</p>`,
    fr: `<p style="margin:0 0 16px;">Bonjour,</p>
<p style="margin:0 0 16px;">{{inviterName}} vous invite à rejoindre <strong>{{organizationName}}</strong> sur Mailroute en tant {{#if isAdmin}}qu'administrateur{{else}}que membre{{/if}}.</p>
<p style="margin:0 0 16px;"><a href="{{acceptUrl}}" style="display:inline-block;padding:10px 18px;background-color:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;">Accepter l'invitation</a></p>
<p style="margin:0;">Ce lien est personnel et ne sert qu'une fois, pendant {{validDays}} jours. Si vous n'attendiez pas cette invitation, ignorez cet e-mail : aucun compte n'est créé sans vous.</p>`,
  },
});
