// Bundles the CLI and the library with esbuild; `--gen` bundles the data generator instead.
//
// Start-up: the CLI does not parse the code table. It reads dist/data/codes.bin, the table packed
// into typed arrays and text at build time (src/data/pack.ts), a section at a time; esbuild leaves
// the generated text tables out of the CLI's bundles, which no longer use them. The library bundle
// packs the table in memory on first use, free of I/O.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'warning', legalComments: 'none' };

/** The packed code table (src/data/pack.ts), as the CLI reads it: dist/data/codes.bin. */
async function writeCodes() {
  const out = resolve('.cache/data/store.js');
  await build({ ...common, entryPoints: ['src/data/store.ts'], outfile: out });
  rmSync('dist/data', { recursive: true, force: true });
  mkdirSync('dist/data', { recursive: true });
  writeFileSync('dist/data/codes.bin', createRequire(import.meta.url)(out).packedCodes());
  // list --json's rows, rendered by the CLI's own code (src/cli/rows.ts).
  const rows = resolve('.cache/data/rows.js');
  await build({ ...common, entryPoints: ['src/cli/rows.ts'], outfile: rows });
  writeFileSync('dist/data/rows.bin', createRequire(import.meta.url)(rows).packRows());
}

/** In the CLI's bundles, the in-memory packed table gives way to src/cli/codefile.ts, which reads codes.bin. */
const codesFromFile = {
  name: 'codes-from-file',
  setup(b) {
    b.onResolve({ filter: /^\.\/store$/ }, (args) => (/[\\/]data[\\/]db\.ts$/.test(args.importer) ? { path: resolve('src/cli/codefile.ts') } : undefined));
  },
};

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
 * Every command but decode is a bundle of its own (dist/codes.js, dist/scan.js, …), loaded by
 * dist/mfr.js only when asked for: decode, the command run most, does not pay to compile them.
 */
const APART = ['encode', 'scan', 'property', 'completion'];
const commandsApart = {
  name: 'commands-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/\w+$/ }, (args) => {
      const name = args.path.slice('./commands/'.length);
      return APART.includes(name) && /[\\/]cli[\\/]main\.ts$/.test(args.importer) ? { path: `./${name}.js`, external: true } : undefined;
    });
  },
};

/**
 * Marks a CLI bundle with a hash of its content: bin/mfr.js names its V8 code cache after it, so
 * that a rebuilt bundle never runs with the code compiled from an older one.
 */
function stampBuild(file) {
  const code = readFileSync(file, 'utf8');
  const id = createHash('sha256').update(code).digest('hex').slice(0, 16);
  writeFileSync(file, `/*! mfr build ${id} */\n${code}`);
}

if (process.argv.includes('--gen')) {
  await build({ ...common, entryPoints: ['scripts/gen-data.ts'], outfile: '.cache/gen-data.js' });
} else {
  await Promise.all([
    writeCodes(),
    build({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/mfr.js', minify: true, plugins: [codesFromFile, lazyChildProcess, commandsApart] }),
    ...APART.map((name) => build({ ...common, entryPoints: [`src/cli/commands/${name}.ts`], outfile: `dist/${name}.js`, minify: true, plugins: [codesFromFile, lazyChildProcess] })),
    build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' }),
  ]);
  for (const name of ['mfr', ...APART]) stampBuild(`dist/${name}.js`);
}
