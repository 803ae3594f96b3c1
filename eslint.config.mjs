import nx from '@nx/eslint-plugin';

const layers = ['config', 'markets', 'forecasts', 'optimization', 'backtesting', 'analytics'];

// A layer may depend on itself and every layer below it, never on a layer above.
const layerConstraints = layers.map((layer, index) => ({
  sourceTag: `layer:${layer}`,
  onlyDependOnLibsWithTags: layers.slice(0, index + 1).map((l) => `layer:${l}`),
}));

const highsBan = { name: 'highs', message: 'Only packages/optimization/src/solver/ may import highs.' };

const ioModules = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'csv-parse', 'csv-parse/sync', 'yaml'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/test-output', '**/node_modules', '**/coverage', 'artifacts/**', '.nx/**'],
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.cts', '**/*.mts', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', '^.*/jest\\.preset\\.cjs$'],
          depConstraints: [
            ...layerConstraints,
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: layers.map((l) => `layer:${l}`) },
          ],
        },
      ],
      curly: 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // HiGHS is reached only through the solver adapter of the optimization layer.
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [highsBan] }],
    },
  },
];

/**
 * Domain code is pure: file and format IO live in `src/io/` of a package (and in apps and tools).
 * Packages add this to their own flat config; ESLint resolves `files` relative to that config.
 */
export const pureDomain = [
  {
    files: ['src/**/*.ts'],
    ignores: ['src/io/**', 'src/**/*.spec.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            highsBan,
            ...ioModules.map((name) => ({ name, message: 'File and format IO belongs in src/io/ of a package.' })),
          ],
        },
      ],
    },
  },
];
