import type { Role } from '@mailroute/shared/contracts';
import type { Invitation } from './invitation.entity';

export type InvitationStatus = 'pending' | 'expired' | 'accepted' | 'revoked';

/** An invitation as its organization's admins see it (never its token). */
export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  locale: string | null;
  status: InvitationStatus;
  createdAt: string;
  sentAt: string;
  expiresAt: string;
}

/** What the holder of a link sees before accepting (`GET /api/invitations/:token`). */
export interface InvitationPreview {
  email: string;
  role: Role;
  organizationName: string;
  expiresAt: string;
}

/** The answer to accepting: the new account, which can now sign in. */
export interface AcceptedInvitation {
  user: { id: string; email: string; name: string; role: Role };
  organization: { id: string; name: string };
}

export function invitationStatus(invitation: Invitation, now: Date): InvitationStatus {
  if (invitation.acceptedAt) {
    return 'accepted';
  }
  if (invitation.revokedAt) {
    return 'revoked';
  }
  return invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

export function toInvitationView(invitation: Invitation, now: Date): InvitationView {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    locale: invitation.locale,
    status: invitationStatus(invitation, now),
    createdAt: invitation.createdAt.toISOString(),
    sentAt: invitation.sentAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}
