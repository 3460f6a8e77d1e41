import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  newId,
  type OrganizationId,
  OrganizationsRepository,
  trustedOrganizationId,
} from '@mailroute/api/core';

/**
 * Inserts `count` organizations without users, in one transaction, through the real repository.
 * Much faster than `seedOrganization` (no password hashing): for tests that need many tenants
 * and no admins (no alert is then sent for them).
 */
export async function insertOrganizations(
  app: INestApplicationContext,
  count: number,
  slug: (index: number) => string = (index) => `org-${index}`,
): Promise<OrganizationId[]> {
  const organizations = app.get(OrganizationsRepository);
  return app.get(DataSource).transaction(async (manager) => {
    const ids: OrganizationId[] = [];
    for (let index = 0; index < count; index += 1) {
      const organization = await organizations.insert(
        { id: newId(), name: `Organization ${slug(index)}`, defaultLocale: 'en' },
        manager,
      );
      ids.push(trustedOrganizationId(organization.id));
    }
    return ids;
  });
}
