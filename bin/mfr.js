#!/usr/bin/env node
'use strict';
// Starts the CLI bundle (dist/mfr.js) with a V8 code cache: compiling the bundle is a large part
// of every start, so its compiled code is kept in the user's cache folder after the first run and
// used from then on. The cache's name holds the bundle's build id and Node's version, so a new
// build or another Node never reads a stale one; V8 itself refuses one made under other flags.
// MFR_CACHE_DIR names another folder, or, set empty, turns the cache off.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
// The CommonJS loader's Module class; require('module') would also load the ESM loader (~1 ms).
const Module = module.constructor;

const dist = path.join(__dirname, '..', 'dist');
/** How many builds' caches of a bundle are kept for one Node. */
const KEEP = 4;

function cacheDir() {
  const env = process.env;
  if (env.MFR_CACHE_DIR !== undefined) return env.MFR_CACHE_DIR;
  if (process.platform === 'win32') return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, 'mfr', 'Cache') : '';
  if (!env.HOME) return '';
  if (process.platform === 'darwin') return path.join(env.HOME, 'Library', 'Caches', 'mfr');
  return path.join(env.XDG_CACHE_HOME || path.join(env.HOME, '.cache'), 'mfr');
}

// The main bundle's cache is kept per command: a cache holds the functions its first run compiled,
// and one made by `mfr --version` would do little for decode. The names are src/cli/main.ts's
// commands; one missing here would share decode's cache, which costs only speed.
const COMMANDS = ['decode', 'lookup', 'search', 'list', 'facilities', 'encode', 'scan', 'property', 'completion', 'help'];
const command = COMMANDS.includes(process.argv[2]) ? process.argv[2] : /^-/.test(process.argv[2] || '-') ? 'options' : 'decode';

/** Runs a bundle in dist/ as a CommonJS module, from its code cache where there is a good one. */
function load(name) {
  const file = path.join(dist, name);
  const source = fs.readFileSync(file, 'utf8');
  const id = /^\/\*! mfr build ([0-9a-f]+) \*\//.exec(source);
  const dir = id ? cacheDir() : '';
  const stem = name === 'mfr.js' ? `mfr.${command}` : name.replace(/\.js$/, '');
  const cacheFile = dir && path.join(dir, `${stem}-${id[1]}-${process.version}-${process.arch}.v8cache`);
  let cachedData;
  if (cacheFile) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {}
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
    // Written at exit, so that it holds the functions this run compiled as well.
    process.once('exit', () => save(dir, cacheFile, stem, script));
  }
  const m = new Module(file, module);
  m.filename = file;
  const req = (request) => (/^\.\/[\w.-]+\.js$/.test(request) ? load(request.slice(2)) : m.require(request));
  script.runInThisContext().call(m.exports, m.exports, req, m, file, dist);
  m.loaded = true;
  return m.exports;
}

/**
 * Writes the cache (to a temporary file, then renamed). Caches of other builds for this Node stay
 * (two installs of mfr may share the folder), but only the newest few.
 */
function save(dir, cacheFile, stem, script) {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, cacheFile);
    const mine = (f) => f.startsWith(`${stem}-`) && f.endsWith(`-${process.version}-${process.arch}.v8cache`);
    const others = fs
      .readdirSync(dir)
      .filter((f) => mine(f) && path.join(dir, f) !== cacheFile)
      .map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of others.slice(KEEP - 1)) fs.rmSync(path.join(dir, f), { force: true });
  } catch {
    // A cache that cannot be written (read-only home, full disk) only costs speed.
  }
}

load('mfr.js');
