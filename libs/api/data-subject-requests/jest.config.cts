const { reportersFor } = require('../../../tools/jest/reporters');

module.exports = {
  displayName: 'api-data-subject-requests',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js'],
  reporters: reportersFor('api-data-subject-requests.unit'),
};
