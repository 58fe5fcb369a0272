/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The CLI's code cache goes to a folder of the run's own, not the user's cache folder.
  setupFiles: ['<rootDir>/test/setup-env.js'],
  globalSetup: '<rootDir>/test/global-setup.js',
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // With --coverage (npm test): coverage of the core and the data layer, which the tests load in
  // process, with thresholds that fail the run. The CLI runs as a child process in its tests:
  // its coverage is collected from those processes and checked by c8 (.c8rc.json) after jest.
  coverageProvider: 'v8',
  collectCoverageFrom: ['src/core/**/*.ts', 'src/data/**/*.ts', '!src/data/codes.generated.ts', '!src/data/descriptions.ts'],
  coverageReporters: ['text-summary'],
  coverageThreshold: { './src/core/': { lines: 95 }, './src/data/': { lines: 95 } },
};
