// Jest for mutation testing (npm run mutate): the tests that load src/ in process, where Stryker's
// mutants are. The tests that spawn the built CLI see dist/, not the mutated source.
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/cli', '/test/completion', '/test/corpus', '/test/schemas', '/test/readme', '/test/package', '/test/generator', '/test/prefilter'],
  globalSetup: undefined,
  coverageThreshold: undefined,
};
