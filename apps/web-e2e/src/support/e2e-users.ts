/** The admin the e2e API is seeded with (ADMIN_EMAIL / ADMIN_PASSWORD on first start). */
export const E2E_ADMIN = { email: 'admin@web-e2e.test', password: 'web-e2e-admin-password' } as const;
/** Seeded by global-setup in the admin's organization; signs in with the admin's password. */
export const E2E_MEMBER = { email: 'member@web-e2e.test', password: E2E_ADMIN.password } as const;
export const E2E_ORGANIZATION_NAME = 'Browser Test Org';
