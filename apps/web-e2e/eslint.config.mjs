import baseConfig, { e2eProjectRules } from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  e2eProjectRules,
  { rules: { 'no-restricted-properties': 'off', 'no-restricted-imports': 'off' } },
];
