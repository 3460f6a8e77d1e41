import type { InvitationStatus, InvitationView } from '@mailroute/shared/contracts';
import type { EmailDeliveries } from '@mailroute/api/mail';
import type { Invitation } from './invitation.entity';

export function invitationStatus(invitation: Invitation, now: Date): InvitationStatus {
  if (invitation.acceptedAt) {
    return 'accepted';
  }
  if (invitation.revokedAt) {
    return 'revoked';
  }
  return invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

export function toInvitationView(
  invitation: Invitation,
  now: Date,
  deliveries: EmailDeliveries,
): InvitationView {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    locale: invitation.locale,
    status: invitationStatus(invitation, now),
    createdAt: invitation.createdAt.toISOString(),
    sentAt: invitation.sentAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    delivery: invitation.emailId === null ? null : deliveries.get(invitation.emailId),
  };
}
