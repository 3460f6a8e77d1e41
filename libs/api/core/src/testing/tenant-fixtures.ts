import type { INestApplication } from '@nestjs/common';
import type { Locale, Role } from '@mailroute/shared/contracts';
import { PasswordHasher } from '../lib/auth/password-hasher';
import { newId } from '../lib/database/new-id';
import { OrganizationsRepository } from '../lib/organizations/organizations.repository';
import { type OrganizationId, trustedOrganizationId } from '../lib/tenancy/organization-id';
import { UsersRepository } from '../lib/users/users.repository';

export interface SeededUser {
  id: string;
  email: string;
  password: string;
  role: Role;
}

export interface SeededOrganization {
  id: OrganizationId;
  name: string;
  admin: SeededUser;
  member: SeededUser;
}

/**
 * Creates an organization with one admin and one member through the real repositories.
 * Emails are derived from `slug` (`admin@<slug>.test`, `member@<slug>.test`).
 */
export async function seedOrganization(
  app: INestApplication,
  slug: string,
  options: { name?: string; defaultLocale?: Locale } = {},
): Promise<SeededOrganization> {
  const organizations = app.get(OrganizationsRepository);
  const users = app.get(UsersRepository);
  const hasher = app.get(PasswordHasher);
  const organization = await organizations.insert({
    id: newId(),
    name: options.name ?? `Organization ${slug}`,
    defaultLocale: options.defaultLocale ?? 'en',
  });
  const organizationId = trustedOrganizationId(organization.id);
  const password = `${slug}-password-123`;
  const passwordHash = await hasher.hash(password);
  const create = async (role: Role): Promise<SeededUser> => {
    const user = await users.insert(organizationId, {
      id: newId(),
      email: `${role}@${slug}.test`,
      name: `${role} of ${slug}`,
      passwordHash,
      role,
      locale: null,
    });
    return { id: user.id, email: user.email, password, role };
  };
  return {
    id: organizationId,
    name: organization.name,
    admin: await create('admin'),
    member: await create('member'),
  };
}

/** Signs in through the real login route and returns the bearer token. */
export async function signIn(baseUrl: string, user: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  if (response.status !== 200) {
    throw new Error(`Sign-in of ${user.email} answered ${response.status}: ${await response.text()}`);
  }
  return ((await response.json()) as { accessToken: string }).accessToken;
}
