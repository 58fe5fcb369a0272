// npm run bench fails (exit 1) when what it times is broken: it checks each command's output
// before timing it, and counts what a bulk run wrote. Run here on a copy whose bin is broken.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');

function benchWith(bin: string, what: string, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mfr-bench-test-'));
  cpSync(join(root, 'bench'), join(dir, 'bench'), { recursive: true });
  cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin', 'mfr.js'), bin);
  const r = spawnSync(process.execPath, [join(dir, 'bench', 'run.mjs'), what], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('start-up: a bin that fails, or prints the wrong thing, fails the bench before any timing', () => {
  const failing = benchWith('process.exit(1);\n', 'startup');
  expect(failing.status).toBe(1);
  expect(failing.stdout).toMatch(/^\nnot met: mfr decode 0x800700AA: exit 1, output not as expected: , mfr 0x800700AA: exit 1/);
  const wrong = benchWith("process.stdout.write('hello\\n');\n", 'startup');
  expect(wrong.status).toBe(1);
  expect(wrong.stdout).toMatch(/not met: mfr decode 0x800700AA: exit 0, output not as expected/);
  expect(wrong.stdout).not.toMatch(/ratio/);
});

test('bulk: a bin that writes fewer values than it was given fails the bench', () => {
  // Reads stdin and writes one line for every other value: half the records.
  const half = "let s='';process.stdin.on('data',(d)=>s+=d).on('end',()=>{process.stdout.write(s.split(/\\s+/).filter(Boolean).filter((_,i)=>i%2).map((v)=>v+'\\n').join(''));});\n";
  const r = benchWith(half, 'bulk', { BENCH_BULK: '2000', BENCH_BULK_RUNS: '1' });
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/not met: bulk decode text: exit 0, 0 of 2000 values written, bulk decode --json: exit 0, 0 of 2000 values written, bulk decode --format line: exit 0, 1000 of 2000 values written/);
});
