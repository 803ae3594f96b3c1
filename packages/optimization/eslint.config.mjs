import baseConfig, { pureDomain } from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  ...pureDomain,
  // The solver adapter is the one place that talks to HiGHS.
  {
    files: ['src/solver/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
];
