import type { Role } from '@mailroute/shared/contracts';
import type { OrganizationId } from '../tenancy/organization-id';

/** The signed-in user behind a request, re-read from the database on every request. */
export interface Principal {
  userId: string;
  organizationId: OrganizationId;
  role: Role;
  email: string;
}

export interface RequestWithPrincipal {
  principal?: Principal;
}
