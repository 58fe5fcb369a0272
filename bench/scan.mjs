// Scan throughput: `mfr scan --summary` against ripgrep and GNU grep on the same generated log,
// every output into a pipe, in the same run. Prints MB/s, both ratios and peak RSS.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MB = Number(process.env.BENCH_SCAN_MB ?? 300);
// Bump when makeLog changes, so a cached log from an older generator is not reused.
const LOG_VERSION = 2;

/** A deterministic log: mixed realistic lines, a known number of codes, and decoys. */
export async function makeLog(file, megabytes) {
  let seed = 42;
  const rand = (n) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
  const hex = (n, w) => n.toString(16).padStart(w, '0');
  const out = createWriteStream(file);
  let size = 0;
  let codes = 0;
  const coded = [
    (i) => `2026-11-25T10:${hex(i % 60, 2)}:00Z ERROR Live migration of 'vm${i}' failed (0x800700AA)`,
    () => `Exception from HRESULT: 0x80070005 (E_ACCESSDENIED)`,
    () => `   at Contoso.Deploy.Run() HResult: -2147024891`,
    () => `Process exited with exit code -1073741819.`,
    () => `Cluster resource failed: ERROR_CLUSTER_NODE_NOT_FOUND`,
  ];
  const plain = [
    (i) => `2026-11-25T10:00:${hex(i % 60, 2)}.123Z INFO Copied ${rand(1e9)} bytes to \\\\server\\share\\file${i}.vhdx in ${rand(9999)} ms`,
    (i) => `DEBUG thread 0x${hex(rand(0xffffffff), 8)}${hex(rand(0xffff), 4)} frame 0x00007ff6${hex(rand(0xffffffff), 8)} line ${i}`,
    () => `INFO request {${hex(rand(0xffffffff), 8)}-${hex(rand(0xffff), 4)}-4c2e-9a1b-${hex(rand(0xffffffff), 8)}0000} sha ${hex(rand(0xffffffff), 8)}${hex(rand(0xffffffff), 8)}${hex(rand(0xffffffff), 8)}`,
    (i) => `VERBOSE Building project Contoso.${i % 97}.csproj version 10.0.19041.${i % 1000} color #${hex(rand(0xffffff), 6)}`,
    () => `INFO Health check passed for node NODE${rand(16)} in ${rand(500)} ms; queue length ${rand(100)}`,
  ];
  const target = megabytes * 1024 * 1024;
  let i = 0;
  let batch = '';
  while (size < target) {
    const line = (i % 50 === 0 ? ((codes++), coded[(i / 50) % coded.length](i)) : plain[i % plain.length](i)) + '\n';
    batch += line;
    i++;
    if (batch.length > 1 << 20) {
      size += batch.length;
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  size += batch.length;
  await once(out, 'finish');
  return { lines: i, codes, bytes: size };
}

function timed(cmd) {
  // GNU time reports wall seconds and peak RSS of the first command of the pipeline.
  const r = spawnSync('bash', ['-c', `set -o pipefail; /usr/bin/time -f '%e %M' ${cmd} | cat > /dev/null`], { encoding: 'utf8' });
  const m = /([\d.]+) (\d+)\s*$/.exec(r.stderr);
  if (!m || (r.status !== 0 && r.status !== 1)) throw new Error(`${cmd} failed: ${r.stderr}`);
  return { seconds: Number(m[1]), rssMB: Number(m[2]) / 1024 };
}

export async function scanBench() {
  const dir = join(root, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `scan-${MB}mb-v${LOG_VERSION}.log`);
  if (!existsSync(file + '.json')) writeFileSync(file + '.json', JSON.stringify(await makeLog(file, MB)));
  const info = JSON.parse(readFileSync(file + '.json', 'utf8'));
  const bytes = statSync(file).size;
  const mb = bytes / 1024 / 1024;
  console.log(`scan: ${mb.toFixed(0)} MB generated log (${info.lines} lines, ${info.codes} with one code each, and decoys)`);
  // The figures count only if mfr found every code and nothing else.
  const summary = spawnSync(process.execPath, [join(root, 'bin', 'mfr.js'), 'scan', '--summary', '--json', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const counted = summary.stdout.trim().split('\n').filter(Boolean).reduce((n, l) => n + JSON.parse(l).count, 0);
  console.log(`  codes found: ${counted} of ${info.codes}${counted === info.codes ? '' : '  (MISMATCH)'}`);
  const mfr = timed(`${process.execPath} ${join(root, 'bin', 'mfr.js')} scan --summary ${file}`);
  const hasRg = spawnSync('rg', ['--version']).status === 0;
  const rg = hasRg ? timed(`rg -o -i '0x[0-9a-f]{8}' ${file}`) : undefined;
  const grep = timed(`env LC_ALL=C grep -E -o -i '0x[0-9a-f]{8}' ${file}`);
  const row = (label, t) => console.log(`  ${label.padEnd(22)} ${t.seconds.toFixed(2).padStart(6)} s  ${(mb / t.seconds).toFixed(0).padStart(5)} MB/s  peak RSS ${t.rssMB.toFixed(0)} MB`);
  row('mfr scan --summary', mfr);
  if (rg) row('ripgrep', rg);
  else console.log('  ripgrep: not installed (apt-get install ripgrep) — ratio skipped');
  row('GNU grep', grep);
  if (rg) console.log(`  mfr / ripgrep   ${(mfr.seconds / rg.seconds).toFixed(2)}  (goal ≤ 3)`);
  console.log(`  mfr / GNU grep  ${(mfr.seconds / grep.seconds).toFixed(2)}  (goal < 1)`);
  console.log(`  mfr peak RSS    ${mfr.rssMB.toFixed(0)} MB  (goal < 150 MB)`);
}
