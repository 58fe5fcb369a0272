// Jest for mutation testing (npm run mutate): the tests that load src/ in process, where Stryker's
// mutants are (the CLI's through test/run.ts). Files of tests that spawn the built CLI, which sees
// dist/ and not the mutated source, are left out.
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/cli-bulk', '/test/completion', '/test/corpus', '/test/schemas', '/test/readme', '/test/package', '/test/generator', '/test/prefilter', '/test/run.test', '/test/bench', '/test/index'],
  globalSetup: undefined,
  coverageThreshold: undefined,
};
