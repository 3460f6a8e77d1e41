import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries. Every project carries a scope tag and a type tag; the constraints below
 * are checked by `@nx/enforce-module-boundaries` on every lint run (no `*` → `*` escape hatch).
 */
const scopeConstraints = [
  {
    sourceTag: 'scope:api',
    onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'],
    bannedExternalImports: ['@angular/*', '@angular-devkit/*'],
  },
  {
    sourceTag: 'scope:web',
    onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
    bannedExternalImports: ['@nestjs/*', 'typeorm', 'nodemailer', 'smtp-server', 'pg', 'better-sqlite3'],
  },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  // The contracts are types and pure functions both sides share: nothing to install, nothing to run.
  { allSourceTags: ['scope:shared', 'type:util'], bannedExternalImports: ['*'] },
  // What runs in the browser never imports Node-only code (the test servers of @mailroute/testing).
  { sourceTag: 'platform:browser', notDependOnLibsWithTags: ['platform:node'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared', 'scope:tools'] },
];

const typeConstraints = (allowTesting) => {
  const testing = allowTesting ? ['type:testing'] : [];
  return [
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util', ...testing],
    },
    { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:testing'] },
    { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:util', 'type:testing'] },
    // The bench composes the product's libraries like an app and measures them on test servers.
    {
      sourceTag: 'type:bench',
      onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util', 'type:testing'],
    },
    // Features never import other features: the app composes them.
    {
      sourceTag: 'type:feature',
      onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:util', ...testing],
    },
    {
      sourceTag: 'type:data-access',
      onlyDependOnLibsWithTags: ['type:data-access', 'type:util', ...testing],
    },
    { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util', ...testing] },
    { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', ...testing] },
    {
      sourceTag: 'type:testing',
      onlyDependOnLibsWithTags: ['type:util', 'type:data-access', 'type:testing'],
    },
  ];
};

const boundaries = (allowTesting) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    banTransitiveDependencies: true,
    allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
    depConstraints: [...scopeConstraints, ...typeConstraints(allowTesting)],
  },
];

/** For e2e projects, whose every file is a test: they may use the `type:testing` libs. */
export const e2eProjectRules = {
  files: ['**/*.ts'],
  rules: { '@nx/enforce-module-boundaries': boundaries(true) },
};

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/test-output',
      '**/data',
      '**/.nx',
      '**/*.cts',
      '**/jest.preset.js',
      '**/tools/jest/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'no-console': 'off',
      // `interface TextKeys extends Record<…> {}` is how a feature adds its keys (declaration merging).
      '@typescript-eslint/no-empty-interface': ['error', { allowSingleExtends: true }],
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    // Tests (unit, integration and e2e) may use the real test servers of `type:testing` libs.
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '**/src/testing/**/*.ts',
      '**/src/testing.ts',
      '**/testing/**/*.ts',
    ],
    rules: { '@nx/enforce-module-boundaries': boundaries(true) },
  },
  {
    // Rules that need type information: an unawaited send or assertion is a bug, not a style issue.
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    files: ['**/*.ts'],
    // Tests, test infrastructure, the config loader and the entry point that hands it the
    // environment. (Patterns are relative to each project's own eslint config.)
    ignores: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '**/src/testing/**',
      '**/src/testing.ts',
      '**/lib/config/**',
      '**/src/main.ts',
    ],
    rules: {
      // Configuration is read once, through the validated config of api/core.
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through AppConfig (libs/api/core/config).',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@mailroute/*/testing', '@mailroute/*/*/testing', '@mailroute/testing'],
              message: 'Test helpers are for tests only.',
            },
          ],
        },
      ],
    },
  },
];
