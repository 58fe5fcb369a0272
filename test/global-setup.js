// With --coverage (npm test), the CLI's child processes write V8 coverage to one folder, which
// c8 then maps through the bundles' source maps to src/cli (see .c8rc.json). Set here, before the
// test workers start; test/setup-env.js hands it to the processes the tests spawn, not the workers.
const { chmodSync, mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');

module.exports = async (globalConfig) => {
  if (!globalConfig.collectCoverage) return;
  const dir = join(__dirname, '..', '.cache', 'cli-coverage');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // A test runs the CLI as an unprivileged user: its coverage is written here too.
  chmodSync(dir, 0o777);
  process.env.MFR_CLI_COVERAGE = dir;
};
