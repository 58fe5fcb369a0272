// Scan: quality on the real-world corpus, and speed and memory on generated logs, each against
// goals and baselines measured in the same run (ripgrep and GNU grep on the same file, every output
// into a pipe). Returns the list of checks and goals that failed.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'mfr.js');
const require = createRequire(import.meta.url);
const { loadCorpus, score } = require('../test/corpus-score.js');
const MB = Number(process.env.BENCH_SCAN_MB ?? 300);
const RUNS = Number(process.env.BENCH_SCAN_RUNS ?? 3);
// Bump when a generator changes, so a cached log from an older one is not reused.
const LOG_VERSION = 3;
// The comparable regex: keyword, separator, value; or a bare 0x + 8 hex digits.
const REGEX = String.raw`\b(hresult|hr|ntstatus|error|err|status|code|errno|result)[ \t]*[:=#(]?[ \t]*(0x[0-9a-f]{8}|-?[0-9]{1,10})\b|\b0x[0-9a-f]{8}\b`;
// Every command runs without NODE_EXTRA_CA_CERTS: on these machines it adds ~45 ms to each start.
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

/** A deterministic generator: lines from `plain`, and every `every`-th line from `coded`. */
async function writeLog(file, megabytes, every, coded, plain, newline = '\n') {
  let seed = 42;
  const rand = (n) => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
  const out = createWriteStream(file);
  const target = megabytes * 1024 * 1024;
  let size = 0;
  let codes = 0;
  let batch = '';
  for (let i = 0; size + batch.length < target; i++) {
    if (every > 0 && i % every === 0) {
      const make = coded[(i / every) % coded.length];
      batch += make.line(i, rand) + newline;
      codes += make.codes;
    } else batch += plain[i % plain.length](i, rand) + newline;
    if (batch.length > 1 << 20) {
      size += batch.length;
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  size += batch.length;
  await once(out, 'finish');
  return { codes, bytes: size };
}

const hex = (n, w) => n.toString(16).padStart(w, '0');
// Lines a Windows service writes when things go wrong, each with its number of codes.
const CODED = [
  { codes: 1, line: (i) => `2026-11-25 10:00:00.123 [vmms] ERROR Live migration of 'vm${i}' failed (0x800700AA)` },
  { codes: 1, line: () => `System.UnauthorizedAccessException: Exception from HRESULT: 0x80070005 (E_ACCESSDENIED)` },
  { codes: 1, line: () => `   at Contoso.Deploy.Run() HResult: -2147024891` },
  { codes: 1, line: () => `"C:\\BuildTools\\link.exe" exited with code -1073741819.` },
  { codes: 1, line: () => `OSError: [WinError 1455] The paging file is too small for this operation to complete` },
  { codes: 1, line: () => `CoCreateInstance failed: hr=0x80004005` },
];
// The noise of a busy log: hex thread ids, flags, addresses, GUIDs, hashes, sizes, versions.
const PLAIN = [
  (i, r) => `2026-11-25T10:00:${String(i % 60).padStart(2, '0')}.123Z INFO [tid 0x${hex(r(0xffffffff), 8)}] Copied ${r(1e9)} bytes to \\\\server\\share\\file${i}.vhdx in ${r(9999)} ms`,
  (i, r) => `DEBUG thread 0x${hex(r(0xffff), 4)} flags=0x80000000 frame 0x00007ff6${hex(r(0xffffffff), 8)} status ok line ${i}`,
  (i, r) => `INFO request {${hex(r(0xffffffff), 8)}-${hex(r(0xffff), 4)}-4c2e-9a1b-${hex(r(0xffffffff), 8)}0000} sha ${hex(r(0xffffffff), 8)}${hex(r(0xffffffff), 8)} result=success`,
  (i, r) => `VERBOSE Building project Contoso.${i % 97}.csproj version 10.0.19041.${i % 1000} color #${hex(r(0xffffff), 6)} mask 0x${hex(r(0xffffffff), 8)}`,
  (i, r) => `INFO Health check passed for node NODE${r(16)} in ${r(500)} ms; queue length ${r(100)}, error count 0`,
];

async function cached(name, make) {
  const dir = join(root, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-v${LOG_VERSION}.log`);
  if (!existsSync(file + '.json')) writeFileSync(file + '.json', JSON.stringify(await make(file)));
  return { file, ...JSON.parse(readFileSync(file + '.json', 'utf8')), mb: statSync(file).size / 1024 / 1024 };
}

/** Median wall seconds and the largest peak RSS (GNU time) of a command whose output goes into a pipe. */
function timed(cmd, runs = RUNS) {
  const seconds = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const r = spawnSync('bash', ['-c', `set -o pipefail; /usr/bin/time -f '%e %M' ${cmd} | cat > /dev/null`], { encoding: 'utf8', env });
    const m = /([\d.]+) (\d+)\s*$/.exec(r.stderr);
    if (!m || (r.status !== 0 && r.status !== 1)) throw new Error(`${cmd} failed (${r.status}): ${r.stderr.slice(-500)}`);
    seconds.push(Number(m[1]));
    rss = Math.max(rss, Number(m[2]) / 1024);
  }
  seconds.sort((a, b) => a - b);
  return { seconds: seconds[Math.floor(seconds.length / 2)], spread: seconds[seconds.length - 1] - seconds[0], rssMB: rss };
}

const mfr = (args) => `${process.execPath} ${bin} ${args}`;

export async function scanBench() {
  const failed = [];
  const goal = (label, ok, text) => {
    console.log(`  ${label.padEnd(34)} ${text}  ${ok ? 'met' : 'MISSED'}`);
    if (!ok) failed.push(label);
  };

  // ---- Quality: the real-world corpus ----
  const corpus = loadCorpus(join(root, 'test', 'corpus'));
  const run = spawnSync(process.execPath, [bin, 'scan', '--json', ...corpus.map((e) => e.path)], { encoding: 'utf8', env, maxBuffer: 1 << 28 });
  const findings = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const s = score(corpus, findings);
  console.log(`scan quality on the corpus: ${s.files} excerpts (${s.windowsFiles} Windows, ${s.otherFiles} everyday non-Windows), ${s.required} expected codes`);
  goal('recall', s.recall >= 0.95, `${(s.recall * 100).toFixed(1)}% (${s.truePositives} of ${s.required}; goal ≥ 95%)`);
  goal('precision', s.precision >= 0.97, `${(s.precision * 100).toFixed(1)}% (${s.falsePositives} wrong; goal ≥ 97%)`);
  goal('findings in non-Windows logs', s.noise.length === 0, `${s.noise.length} (goal 0)`);
  for (const m of s.missed) console.log(`    missed ${m.file}:${m.line} ${m.text} (${m.hex} ${m.kind})`);

  // ---- Speed: a realistic log against ripgrep and grep ----
  const realistic = await cached(`realistic-${MB}mb`, (f) => writeLog(f, MB, 200, CODED, PLAIN));
  console.log(`scan speed: ${realistic.mb.toFixed(0)} MB generated log, a code every 200th line (${realistic.codes}) among thread ids, flags, addresses, GUIDs, hashes; median of ${RUNS}`);
  const summary = spawnSync(process.execPath, [bin, 'scan', '--summary', '--json', realistic.file], { encoding: 'utf8', env, maxBuffer: 1 << 26 });
  const rows = summary.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const counted = rows.reduce((n, r) => n + r.count, 0);
  const names = rows.map((r) => r.name).sort().join(' ');
  const want = ['E_ACCESSDENIED', 'E_BUSY', 'E_FAIL', 'ERROR_COMMITMENT_LIMIT', 'STATUS_ACCESS_VIOLATION'].sort().join(' ');
  const right = counted === realistic.codes && names === want;
  goal('every code found, nothing else', right, `${counted} of ${realistic.codes} (${names})`);
  const mine = timed(mfr(`scan --summary ${realistic.file}`));
  const hasRg = spawnSync('rg', ['--version']).status === 0;
  const rg = hasRg ? timed(`rg -c -i '${REGEX}' ${realistic.file}`) : undefined;
  const grep = timed(`env LC_ALL=C grep -c -E -i '${REGEX}' ${realistic.file}`);
  const row = (label, t, mb) => console.log(`  ${label.padEnd(34)} ${t.seconds.toFixed(2).padStart(6)} s ±${t.spread.toFixed(2)}  ${(mb / t.seconds).toFixed(0).padStart(5)} MB/s  peak RSS ${t.rssMB.toFixed(0)} MB`);
  row('mfr scan --summary', mine, realistic.mb);
  if (rg) row('rg -c -i (baseline)', rg, realistic.mb);
  else console.log('  ripgrep not installed (apt-get install ripgrep): its ratio is not measured');
  row('LC_ALL=C grep -c -E -i', grep, realistic.mb);
  if (rg) goal('mfr / ripgrep', mine.seconds <= 2 * rg.seconds, `${(mine.seconds / rg.seconds).toFixed(2)}× (goal ≤ 2)`);
  else failed.push('mfr / ripgrep (not measured)');
  console.log(`  ${'mfr / GNU grep'.padEnd(34)} ${(mine.seconds / grep.seconds).toFixed(2)}×`);
  const rss = [mine.rssMB];

  // ---- A code on every line, in every output mode ----
  const dense = await cached('every-line-30mb', (f) => writeLog(f, 30, 1, CODED, PLAIN));
  console.log(`a code on every line: ${dense.mb.toFixed(0)} MB, ${dense.codes} codes`);
  for (const mode of ['', '--json', '--summary', '--format github']) {
    const t = timed(mfr(`scan ${mode} ${dense.file}`));
    rss.push(t.rssMB);
    goal(`mfr scan ${mode || '(text)'}`, dense.mb / t.seconds >= 50, `${t.seconds.toFixed(2)} s  ${(dense.mb / t.seconds).toFixed(0)} MB/s (goal ≥ 50)`);
  }

  // ---- One very long line: the realistic noise with no line break, and one made only of codes ----
  const long = await cached('one-line-200mb', (f) => writeLog(f, 200, 200, CODED, PLAIN, ' '));
  const tl = timed(mfr(`scan --summary ${long.file}`));
  rss.push(tl.rssMB);
  goal('one 200 MB line', long.mb / tl.seconds >= 100, `${tl.seconds.toFixed(2)} s  ${(long.mb / tl.seconds).toFixed(0)} MB/s (goal ≥ 100)`);
  const only = await cached('codes-line-10mb', (f) => writeLog(f, 10, 1, [{ codes: 1, line: () => 'C:\\x.exe error 5' }, { codes: 1, line: () => 'hr=0x80004005' }, { codes: 1, line: () => '0x800700AA' }], [], ' '));
  for (const mode of ['--summary', '--json']) {
    const t = timed(mfr(`scan ${mode} ${only.file}`));
    rss.push(t.rssMB);
    goal(`one 10 MB line of codes ${mode}`, only.mb / t.seconds >= 20, `${t.seconds.toFixed(2)} s  ${(only.mb / t.seconds).toFixed(1)} MB/s (goal ≥ 20)`);
  }
  goal('peak RSS, every run above', Math.max(...rss) <= 150, `${Math.max(...rss).toFixed(0)} MB (goal ≤ 150)`);
  return failed;
}
