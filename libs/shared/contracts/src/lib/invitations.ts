import type { Role } from './auth';
import type { DeliveryView } from './email';
import type { Locale } from './locale';

export const INVITATION_STATUSES = ['pending', 'expired', 'accepted', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** `POST /api/invitations` body (admins only). */
export interface CreateInvitationRequest {
  email: string;
  role: Role;
  locale?: Locale | null;
}

/** An invitation as its organization's admins see it (never its token): `GET /api/invitations` lists a page. */
export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  locale: Locale | null;
  status: InvitationStatus;
  createdAt: string;
  sentAt: string;
  expiresAt: string;
  /**
   * Where the latest invitation email (first or resent) stands in the email log; null for an
   * invitation sent before emails were linked to invitations.
   */
  delivery: DeliveryView | null;
}

/** What the holder of a link sees before accepting (`GET /api/invitations/:token`). */
export interface InvitationPreview {
  email: string;
  role: Role;
  organizationName: string;
  /** The language of the invitation email; the page starts in it unless the visitor chose one. */
  locale: Locale;
  expiresAt: string;
  /** Who sent the invitation (their name, else their email); null once they left the organization. */
  invitedBy: { name: string } | null;
}

/** `POST /api/invitations/:token/accept` body. */
export interface AcceptInvitationRequest {
  name: string;
  password: string;
}

/** The answer to accepting: the new account, which can now sign in. */
export interface AcceptedInvitation {
  user: { id: string; email: string; name: string; role: Role };
  organization: { id: string; name: string };
}
