const { reportersFor } = require('../../../tools/jest/reporters');

module.exports = {
  displayName: 'api-notifications:int',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js'],
  testTimeout: 30000,
  reporters: reportersFor('api-notifications.int'),
};
