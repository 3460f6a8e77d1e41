const { reportersFor } = require('../jest/reporters');

module.exports = {
  displayName: 'dev-smtp',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js'],
  reporters: reportersFor('dev-smtp.unit'),
};
