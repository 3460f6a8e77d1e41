const { reportersFor } = require('../jest/reporters');

module.exports = {
  displayName: 'dev-smtp:int',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js'],
  testTimeout: 30000,
  reporters: reportersFor('dev-smtp.int'),
};
