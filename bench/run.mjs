// npm run bench: start-up and throughput figures, each against a baseline measured in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { bulkBench, startupBench } from './startup.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'mfr.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// Without NODE_EXTRA_CA_CERTS: set on these machines, it adds ~45 ms to every Node start.
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

/** Median wall time in ms of running argv; a run that fails (non-zero exit) fails the bench. */
export function timeCommand(argv, opts = {}) {
  const times = [];
  for (let i = 0; i <= RUNS; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env, ...opts });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0 || (argv[1] === bin && r.stdout.length === 0)) throw new Error(`${argv.join(' ')} exited ${r.status} with ${r.stdout.length} bytes of output: ${r.stderr}`);
    if (i > 0) times.push(ms);
  }
  return median(times);
}

// A real-size message file: Wine's kernelbase.dll (~6 MB, ~25,000 messages in 33 languages).
const WINE_DLLS = [
  process.env.MFR_BENCH_MESSAGES,
  '/usr/lib/x86_64-linux-gnu/wine/x86_64-windows/kernelbase.dll',
  '/usr/lib/wine/x86_64-windows/kernelbase.dll',
].filter(Boolean);

export function messagesBench() {
  const dll = WINE_DLLS.find((p) => existsSync(p));
  if (!dll) {
    console.log(`decode with a message file: skipped, none found (apt-get install libwine, or set MFR_BENCH_MESSAGES); looked in ${WINE_DLLS.join(', ')}`);
    return;
  }
  const baseline = timeCommand([process.execPath, '-e', '0']);
  const plain = timeCommand([process.execPath, bin, 'decode', '5', '--no-messages']);
  const withFile = timeCommand([process.execPath, bin, 'decode', '5', '--messages', dll]);
  const all = timeCommand([process.execPath, bin, 'decode', '5', '--messages', dll, '--lang', 'de-DE']);
  console.log(`decode with a message file (${dll}, ${(statSync(dll).size / 1e6).toFixed(1)} MB), median of ${RUNS} runs`);
  console.log(`  ${'node -e 0 (baseline)'.padEnd(36)} ${baseline.toFixed(1).padStart(7)} ms`);
  console.log(`  ${'mfr decode 5 --no-messages'.padEnd(36)} ${plain.toFixed(1).padStart(7)} ms  ratio ${(plain / baseline).toFixed(2)}`);
  console.log(`  ${'mfr decode 5 --messages FILE'.padEnd(36)} ${withFile.toFixed(1).padStart(7)} ms  ratio ${(withFile / baseline).toFixed(2)}`);
  console.log(`  ${'mfr decode 5 --messages FILE --lang de-DE'.padEnd(36)} ${all.toFixed(1).padStart(7)} ms  ratio ${(all / baseline).toFixed(2)}`);
}

const only = process.argv[2];
const failed = [];
if (!only || only === 'startup') failed.push(...startupBench());
if (!only || only === 'bulk') failed.push(...(await bulkBench()));
if (!only || only === 'messages') messagesBench();
if (!only || only === 'scan') {
  const { scanBench } = await import('./scan.mjs');
  failed.push(...(await scanBench()));
}
if (failed.length > 0) {
  console.log(`\nnot met: ${failed.join(', ')}`);
  process.exitCode = 1;
}
