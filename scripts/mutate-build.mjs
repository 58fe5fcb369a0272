// Stryker's build command, run in its sandbox: the bundles (tests that spawn bin/mfr.js need
// them), and a sandbox others may enter, since one test runs the CLI as an unprivileged user.
import { chmodSync } from 'node:fs';

await import('./build.mjs');
chmodSync('.', 0o755);
