/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The CLI's code cache goes to a folder of the run's own, not the user's cache folder.
  setupFiles: ['<rootDir>/test/setup-env.js'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
    // chalk is ES modules only: the CLI in process (test/run.ts) loads it as CommonJS, as the bundle does.
    '/node_modules/chalk/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!chalk/)'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // With --coverage (npm test): coverage of the core, the data layer and the CLI, which the tests
  // run in process (the CLI through test/run.ts), with thresholds that fail the run.
  coverageProvider: 'v8',
  collectCoverageFrom: ['src/core/**/*.ts', 'src/data/**/*.ts', 'src/cli/**/*.ts', '!src/data/codes.generated.ts', '!src/data/descriptions.ts'],
  coverageReporters: ['text-summary', ['text', { skipFull: true }]],
  coverageThreshold: { './src/core/': { lines: 95 }, './src/data/': { lines: 95 }, './src/cli/': { lines: 90 } },
};
