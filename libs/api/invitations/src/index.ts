export * from './lib/invitations.module';
export * from './lib/invitations-schema';
export type { InvitationView, InvitationPreview, AcceptedInvitation } from './lib/invitation-view';
