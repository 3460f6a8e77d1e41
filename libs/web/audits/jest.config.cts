const { reportersFor } = require('../../../tools/jest/reporters');

module.exports = {
  displayName: 'web-audits',
  preset: '../../../jest.preset.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
    ],
  },
  // Angular's locale data (`@angular/common/locales/*.js`) is ESM without the .mjs extension.
  transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$|@angular/common/locales/)'],
  reporters: reportersFor('web-audits.unit'),
};
