// Shared Jest configuration: every package resolves sibling packages to their
// TypeScript sources (the `@euroflex/source` export condition), so tests need no build.
// ESM-only dependencies (hyparquet) are transformed to CommonJS by SWC.
module.exports = (displayName, dir) => ({
  displayName,
  rootDir: dir,
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'].filter((root) =>
    require('node:fs').existsSync(root.replace('<rootDir>', dir)),
  ),
  testMatch: ['**/?(*.)+(spec|test).ts'],
  testEnvironmentOptions: {
    customExportConditions: ['@euroflex/source', 'node', 'require', 'default'],
  },
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(hyparquet|hyparquet-writer)/)'],
  // Lazy `import('./x.js')` in CommonJS sources resolves to the TypeScript file under Jest.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60000,
  setupFiles: [require('node:path').join(__dirname, 'jest.setup.cjs')],
  globalSetup: require('node:path').join(__dirname, 'jest.globalSetup.cjs'),
  globalTeardown: require('node:path').join(__dirname, 'jest.globalTeardown.cjs'),
});
