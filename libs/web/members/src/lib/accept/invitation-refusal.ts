import { HttpErrorResponse } from '@angular/common/http';
import type { TranslationKey } from '@mailroute/web/i18n';
import { refusalCode } from '../data-access/api-answers';

/** Why a link cannot be used, as the API says it (`libs/api/invitations` errors). */
export const INVITATION_REFUSALS = [
  'invitation_not_found',
  'invitation_expired',
  'invitation_revoked',
  'invitation_already_accepted',
  'email_already_registered',
] as const;
export type InvitationRefusal = (typeof INVITATION_REFUSALS)[number];

/** The refusal behind a 404/409 answer; an unknown token's 404 is `invitation_not_found` whatever its body. */
export function invitationRefusal(error: unknown): InvitationRefusal | null {
  const code = refusalCode(error);
  const known = INVITATION_REFUSALS.find((refusal) => refusal === code);
  if (known) {
    return known;
  }
  return error instanceof HttpErrorResponse && error.status === 404 ? 'invitation_not_found' : null;
}

/** What happened, and what to do next, in the reader's words. */
export const REFUSAL_TEXTS: {
  readonly [R in InvitationRefusal]: { title: TranslationKey; body: TranslationKey; signIn: boolean };
} = {
  invitation_not_found: {
    title: 'members.accept.refused.notFound.title',
    body: 'members.accept.refused.notFound.body',
    signIn: false,
  },
  invitation_expired: {
    title: 'members.accept.refused.expired.title',
    body: 'members.accept.refused.expired.body',
    signIn: false,
  },
  invitation_revoked: {
    title: 'members.accept.refused.revoked.title',
    body: 'members.accept.refused.revoked.body',
    signIn: false,
  },
  invitation_already_accepted: {
    title: 'members.accept.refused.accepted.title',
    body: 'members.accept.refused.accepted.body',
    signIn: true,
  },
  email_already_registered: {
    title: 'members.accept.refused.registered.title',
    body: 'members.accept.refused.registered.body',
    signIn: true,
  },
};
