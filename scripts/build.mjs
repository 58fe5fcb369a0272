// Bundles the CLI and the library with esbuild; `--gen` bundles the data generator instead.
//
// Start-up: compiling the data modules (~0.8 MB of string literals) and parsing them again as
// JSON would cost the CLI several ms on every run, so the CLI bundle gets them as files beside it
// (dist/data/), read with readFileSync. The library bundle keeps them inline, free of I/O.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'warning', legalComments: 'none' };
const DATA_MODULES = ['src/data/codes.generated.ts', 'src/data/descriptions.ts'];

const BIG = 64 * 1024;

/**
 * Evaluates a data module and writes its exports as dist/data/NAME.json, except large ASCII
 * strings, which go to NAME.EXPORT.txt: reading those is twice as fast as JSON.parse.
 */
async function writeData(file) {
  const name = basename(file, '.ts');
  const out = resolve('.cache/data', name + '.js');
  await build({ ...common, entryPoints: [file], outfile: out });
  const exports = { ...createRequire(import.meta.url)(out) };
  const textKeys = [];
  mkdirSync('dist/data', { recursive: true });
  for (const [key, value] of Object.entries(exports)) {
    if (typeof value === 'string' && value.length > BIG && /^[\x00-\x7f]*$/.test(value)) {
      writeFileSync(`dist/data/${name}.${key}.txt`, value);
      delete exports[key];
      textKeys.push(key);
    }
  }
  writeFileSync(`dist/data/${name}.json`, JSON.stringify(exports));
  return { keys: [...Object.keys(exports), ...textKeys], textKeys };
}

/** The CLI's stand-in for a data module: reads what writeData wrote, on first use of an export. */
function dataShim(name, keys, textKeys) {
  const read = (file, enc) => `require('fs').readFileSync(require('path').join(__dirname, 'data', ${JSON.stringify(file)}), '${enc}')`;
  return [
    'let json;',
    ...keys.map((k) =>
      textKeys.includes(k)
        ? `let ${k}; Object.defineProperty(exports, '${k}', { enumerable: true, get: () => (${k} ??= ${read(`${name}.${k}.txt`, 'latin1')}) });`
        : `Object.defineProperty(exports, '${k}', { enumerable: true, get: () => (json ??= JSON.parse(${read(name + '.json', 'utf8')})).${k} });`,
    ),
  ].join('\n');
}

/** The packed code table (src/data/pack.ts), as the CLI reads it: dist/data/codes.bin. */
async function writeCodes() {
  const out = resolve('.cache/data/store.js');
  await build({ ...common, entryPoints: ['src/data/store.ts'], outfile: out });
  mkdirSync('dist/data', { recursive: true });
  writeFileSync('dist/data/codes.bin', createRequire(import.meta.url)(out).packedCodes());
}

/**
 * Replaces the data modules in the CLI bundle with reads of the files writeData wrote, and the
 * in-memory packed table with src/cli/codefile.ts, which reads codes.bin.
 */
const dataFromFiles = (exported) => ({
  name: 'data-from-files',
  setup(b) {
    b.onResolve({ filter: /^\.\/store$/ }, (args) => (/[\\/]data[\\/]db\.ts$/.test(args.importer) ? { path: resolve('src/cli/codefile.ts') } : undefined));
    b.onLoad({ filter: /src[\\/]data[\\/].*\.ts$/ }, (args) => {
      const i = DATA_MODULES.findIndex((f) => resolve(f) === args.path);
      return i < 0 ? undefined : { loader: 'js', contents: dataShim(basename(args.path, '.ts'), exported[i].keys, exported[i].textKeys) };
    });
  },
});

/**
 * commander loads child_process (~2 ms of every start) only for git-style executable
 * subcommands, which mfr does not have: the CLI bundle gets a stand-in that loads it on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /node_modules[\\/]commander/.test(args.importer) ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      loader: 'js',
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
    }));
  },
};

/**
 * The scan command (its matcher, the compiled first pass, glob expansion) is a bundle of its own,
 * dist/scan.js, loaded only by `mfr scan`: the other commands do not pay to compile it at start.
 */
const scanApart = {
  name: 'scan-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/scan$/ }, (args) => (/[\\/]cli[\\/]main\.ts$/.test(args.importer) ? { path: './scan.js', external: true } : undefined));
  },
};

if (process.argv.includes('--gen')) {
  await build({ ...common, entryPoints: ['scripts/gen-data.ts'], outfile: '.cache/gen-data.js' });
} else {
  const [exported] = await Promise.all([Promise.all(DATA_MODULES.map(writeData)), writeCodes()]);
  await Promise.all([
    build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/mfr.js', minify: true, plugins: [dataFromFiles(exported), lazyChildProcess, scanApart] }),
    build({ ...common, entryPoints: ['src/cli/commands/scan.ts'], outfile: 'dist/scan.js', minify: true, plugins: [dataFromFiles(exported)] }),
    build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' }),
  ]);
}
