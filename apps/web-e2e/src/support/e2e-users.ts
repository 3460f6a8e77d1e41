/** The admin the e2e API is seeded with (ADMIN_EMAIL / ADMIN_PASSWORD on first start). */
export const E2E_ADMIN = { email: 'admin@web-e2e.test', password: 'web-e2e-admin-password' } as const;
/** Invited by global-setup into the admin's organization; accepted with this name and password. */
export const E2E_MEMBER = {
  email: 'member@web-e2e.test',
  password: 'web-e2e-member-password',
  name: 'Browser Test Member',
} as const;
export const E2E_ORGANIZATION_NAME = 'Browser Test Org';
