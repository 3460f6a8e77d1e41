import baseConfig, { e2eProjectRules } from '../../eslint.config.mjs';

/**
 * The member seeding writes to the e2e API's SQLite file: the one place of this `scope:web`
 * project allowed to import better-sqlite3 (every other web ban stays).
 */
const [level, boundaries] = e2eProjectRules.rules['@nx/enforce-module-boundaries'];
const withSqlite = {
  ...boundaries,
  depConstraints: boundaries.depConstraints.map((constraint) =>
    constraint.sourceTag === 'scope:web'
      ? {
          ...constraint,
          bannedExternalImports: constraint.bannedExternalImports.filter((name) => name !== 'better-sqlite3'),
        }
      : constraint,
  ),
};

export default [
  ...baseConfig,
  e2eProjectRules,
  { rules: { 'no-restricted-properties': 'off', 'no-restricted-imports': 'off' } },
  {
    files: ['src/support/seed-member.ts'],
    rules: { '@nx/enforce-module-boundaries': [level, withSqlite] },
  },
];
