import baseConfig, { e2eProjectRules } from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  // The bench runs the product against the project's real test servers (SMTP sink, throwaway
  // PostgreSQL and Redis) and seeds through the libraries' test fixtures, like an e2e suite.
  e2eProjectRules,
  // It also hands each measured process its environment, as an operator would.
  { files: ['**/*.ts'], rules: { 'no-restricted-imports': 'off', 'no-restricted-properties': 'off' } },
];
