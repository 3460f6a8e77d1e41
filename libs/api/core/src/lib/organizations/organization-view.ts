import type { OrganizationView } from '@mailroute/shared/contracts';
import type { Organization } from './organization.entity';

export function toOrganizationView(organization: Organization): OrganizationView {
  return { id: organization.id, name: organization.name, defaultLocale: organization.defaultLocale };
}
