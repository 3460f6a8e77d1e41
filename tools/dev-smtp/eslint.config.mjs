import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // The catcher is @mailroute/testing's SMTP server run standalone (see src/main.ts), so it may
    // import that library outside tests; other testing helpers stay off limits.
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@mailroute/*/testing', '@mailroute/*/*/testing'],
              message: 'Test helpers are for tests only.',
            },
          ],
        },
      ],
    },
  },
];
