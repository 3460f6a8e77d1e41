// Test-only entry point (`@mailroute/api/core/testing`): the real API on a throwaway database,
// seeded tenants and sign-in. Lint forbids importing it outside tests.
export * from './testing/test-config';
export * from './testing/test-api';
export * from './testing/tenant-fixtures';
export * from './testing/schema-migrations-suite';
export * from './testing/refused-inserts';
export * from './testing/field-errors';
