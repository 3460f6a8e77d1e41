declare const organizationIdBrand: unique symbol;

/**
 * An organization's id as proven by authentication (or by a trusted internal source).
 * Repositories of tenant data require it, so a query that forgets the tenant does not compile.
 */
export type OrganizationId = string & { readonly [organizationIdBrand]: true };

/** Only for trusted sources: the authenticated principal, seeding, a row already scoped. */
export function trustedOrganizationId(id: string): OrganizationId {
  return id as OrganizationId;
}
