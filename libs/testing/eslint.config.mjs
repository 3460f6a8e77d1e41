import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // Test infrastructure reads its own environment (CI, PATH, PG_BIN_DIR). The root config means
    // to exempt libs/testing from the process.env rule, but its pattern is relative to the
    // workspace root and does not match when ESLint runs from this folder (as `nx lint` does).
    files: ['**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
];
