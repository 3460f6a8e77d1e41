const { reportersFor } = require('../../../tools/jest/reporters');

module.exports = {
  displayName: 'api-notifications',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js'],
  reporters: reportersFor('api-notifications.unit'),
};
