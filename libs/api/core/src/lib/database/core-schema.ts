import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';
import type { SchemaParts } from './data-source-options';
import { CreateOrganizationsAndUsers1764000000000 } from './migrations/1764000000000-create-organizations-and-users';

/** What api/core adds to the schema; other libraries export their own `SchemaParts`. */
export const coreSchema = {
  entities: [Organization, User],
  migrations: [CreateOrganizationsAndUsers1764000000000],
} satisfies SchemaParts;

export function mergeSchemas(...parts: SchemaParts[]): SchemaParts {
  return {
    entities: parts.flatMap((part) => part.entities),
    migrations: parts.flatMap((part) => part.migrations),
  };
}
