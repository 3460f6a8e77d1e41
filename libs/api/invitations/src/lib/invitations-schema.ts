import type { SchemaParts } from '@mailroute/api/core';
import { CreateInvitations1764600000000 } from './migrations/1764600000000-create-invitations';
import { LinkInvitationEmails1796620000000 } from './migrations/1796620000000-link-invitation-emails';
import { Invitation } from './invitation.entity';

export const invitationsSchema = {
  entities: [Invitation],
  migrations: [CreateInvitations1764600000000, LinkInvitationEmails1796620000000],
} satisfies SchemaParts;
