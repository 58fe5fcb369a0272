// Every test process, and the CLI it spawns, keeps the code cache (bin/mfr.js) in one temporary
// folder for the whole run: the user's cache folder is left alone.
const { join } = require('node:path');
const { tmpdir } = require('node:os');

process.env.MFR_CACHE_DIR ??= join(tmpdir(), 'mfr-test-cache');
