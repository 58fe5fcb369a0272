// Bundles the CLI and the library with esbuild; `--gen` bundles the data generator instead.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'warning', legalComments: 'none' };

if (process.argv.includes('--gen')) {
  await build({ ...common, entryPoints: ['scripts/gen-data.ts'], outfile: '.cache/gen-data.js' });
} else {
  await Promise.all([
    build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/mfr.js', minify: true }),
    build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' }),
  ]);
}
