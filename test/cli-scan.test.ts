// mfr scan driven as a CI step would: files, stdin, every output mode, exit codes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { run } from './run';

const BIN = join(__dirname, '..', 'bin', 'mfr.js');
const dir = mkdtempSync(join(tmpdir(), 'mfr-scan-'));

/** mfr run in this process (test/run.ts). */
function mfr(args: string[], input: string | Buffer = '', env: Record<string, string | undefined> = {}, cwd?: string) {
  return run(args, { input, cwd, env: { NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_STEP_SUMMARY: undefined, ...env } });
}

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

const LOG = [
  '2026-11-25 10:00:01 INFO starting live migration of VM01',
  '2026-11-25 10:00:05 ERROR Live migration of VM01 failed (0x800700AA)',
  '2026-11-25 10:00:06 DEBUG thread 0x00007FF6A1B2C3D4 {6B29FC40-CA47-1067-B31D-00DD010662DA}',
  'System.UnauthorizedAccessException: Exception from HRESULT: 0x80070005 (E_ACCESSDENIED)',
  '2026-11-25 10:00:09 ERROR Live migration of VM02 failed (0x800700AA)',
  'note: S_OK is fine here',
  'CoInitialize returned hr=0x00000001',
  '',
].join('\n');

const ndjson = (out: string) =>
  out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

describe('mfr scan', () => {
  const log = file('deploy.log', LOG);

  test('text: FILE:LINE: text, then each code with name, severity, facility, description', async () => {
    const r = await mfr(['scan', log]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual([
      `${log}:2: 2026-11-25 10:00:05 ERROR Live migration of VM01 failed (0x800700AA)`,
      '    0x800700AA E_BUSY  failure  WIN32 (7)  The migration failed because another migration was in progress.',
      `${log}:4: System.UnauthorizedAccessException: Exception from HRESULT: 0x80070005 (E_ACCESSDENIED)`,
      expect.stringMatching(/^    0x80070005 E_ACCESSDENIED  failure  WIN32 \(7\)  The caller is not allowed/),
      `${log}:5: 2026-11-25 10:00:09 ERROR Live migration of VM02 failed (0x800700AA)`,
      '    0x800700AA E_BUSY  failure  WIN32 (7)  The migration failed because another migration was in progress.',
      `${log}:7: CoInitialize returned hr=0x00000001`,
      expect.stringMatching(/^    0x00000001 S_FALSE  success  NULL \(0\)  The call worked but/),
      '',
    ]);
  });

  test('--min-confidence: low shows the weak findings too, high only the strong ones', async () => {
    expect((await mfr(['scan', log])).stdout).not.toContain(':6:');
    expect((await mfr(['scan', '--min-confidence', 'low', log])).stdout).toContain(`${log}:6: note: S_OK is fine here`);
    const high = ndjson((await mfr(['scan', '--json', '--min-confidence', 'high', log])).stdout);
    expect(high.map((o) => [o.line, o.name, o.confidence])).toEqual([
      [2, 'E_BUSY', 'high'],
      [4, 'E_ACCESSDENIED', 'high'],
      [5, 'E_BUSY', 'high'],
      [7, 'S_FALSE', 'high'],
    ]);
    const bad = await mfr(['scan', '--min-confidence', 'sure', log]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^mfr: option '--min-confidence <level>' argument 'sure' is invalid/);
  });

  test('--summary: one row per distinct code, however it was written, most frequent first', async () => {
    const p = file('forms.log', 'failed (0x80070005)\nHResult: -2147024891\nE_ACCESSDENIED\nhr=0x80004005\n');
    const rows = (await mfr(['scan', '--summary', p])).stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(new RegExp(`^ +3 +0x80070005 +E_ACCESSDENIED +${p.replace(/[.\\/]/g, '\\$&')}:1 +The caller`));
    expect(rows[1]).toMatch(/^ +1 +0x80004005 +E_FAIL /);
    const json = ndjson((await mfr(['scan', '--json', '--summary', log])).stdout);
    expect(json[0]).toEqual({
      schemaVersion: 1,
      count: 2,
      first: { file: log, line: 2, column: 50 },
      confidence: 'high',
      hex: '0x800700AA',
      value: 0x800700aa,
      name: 'E_BUSY',
      kind: 'hresult',
      severity: 'failure',
      facility: { value: 7, name: 'WIN32' },
      description: 'The migration failed because another migration was in progress.',
      descriptionSource: 'seed',
    });
  });

  test('--json: one lean object per finding, at most ~500 bytes', async () => {
    const r = await mfr(['scan', '--json', log]);
    const objs = ndjson(r.stdout);
    expect(objs.map((o) => [o.line, o.column, o.match, o.name, o.kind, o.confidence])).toEqual([
      [2, 50, 'failed (0x800700AA', 'E_BUSY', 'hresult', 'high'],
      [4, 52, 'HRESULT: 0x80070005', 'E_ACCESSDENIED', 'hresult', 'high'],
      [5, 50, 'failed (0x800700AA', 'E_BUSY', 'hresult', 'high'],
      [7, 23, 'hr=0x00000001', 'S_FALSE', 'hresult', 'high'],
    ]);
    expect(Object.keys(objs[0])).toEqual(['schemaVersion', 'file', 'line', 'column', 'match', 'confidence', 'why', 'hex', 'value', 'name', 'kind', 'severity', 'facility', 'description', 'descriptionSource']);
    expect(objs[0]).toMatchObject({ file: log, why: 'after "failed"; 0x and 8 digits; named hresult failure', hex: '0x800700AA', severity: 'failure', facility: { value: 7, name: 'WIN32' } });
    for (const line of r.stdout.trim().split('\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(560);
  });

  test('--format github: one annotation per code and file, with its count, most severe first; none for success codes', async () => {
    const other = file('other.log', 'OSError: [WinError 5] Access is denied\n');
    const r = await mfr(['scan', '--format', 'github', log, other], '', { GITHUB_STEP_SUMMARY: undefined });
    expect(r.stdout.trim().split('\n')).toEqual([
      `::error file=${log},line=2,col=50,title=E_BUSY (0x800700AA)::E_BUSY (0x800700AA) (2 times in this file): The migration failed because another migration was in progress.`,
      expect.stringMatching(new RegExp(`^::error file=${log.replace(/[.\\/]/g, '\\$&')},line=4,col=52,title=E_ACCESSDENIED \\(0x80070005\\)::E_ACCESSDENIED \\(0x80070005\\): The caller`)),
      expect.stringMatching(/^::error file=.*other\.log,line=1,col=11,title=ERROR_ACCESS_DENIED \(0x00000005\)::ERROR_ACCESS_DENIED/),
    ]);
  });

  test('--format github keeps to 10 errors a step and says how many more there were', async () => {
    const names = ['E_FAIL', 'E_ABORT', 'E_NOTIMPL', 'E_POINTER', 'E_HANDLE', 'E_OUTOFMEMORY', 'E_INVALIDARG', 'E_UNEXPECTED', 'E_NOINTERFACE', 'E_PENDING', 'E_ACCESSDENIED', 'E_BOUNDS'];
    const p = file('many.log', names.map((n) => `C:\\app.exe failed: ${n}\n`).join(''));
    const lines = (await mfr(['scan', '--format', 'github', p])).stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(lines[10]).toBe('mfr: 2 more codes were found but not annotated (GitHub shows 10 errors and 10 warnings a step); run mfr scan --summary for all');
  });

  test('--format github writes a Markdown table to $GITHUB_STEP_SUMMARY', async () => {
    const summary = join(dir, 'step-summary.md');
    writeFileSync(summary, '# earlier step\n');
    await mfr(['scan', '--format', 'github', log], '', { GITHUB_STEP_SUMMARY: summary });
    const md = readFileSync(summary, 'utf8').split('\n');
    expect(md.slice(0, 6)).toEqual([
      '# earlier step',
      '### mfr scan',
      '',
      '| code | name | severity | count | first seen | description |',
      '|---|---|---|---:|---|---|',
      `| 0x800700AA | E_BUSY | failure | 2 | ${log}:2 | The migration failed because another migration was in progress. |`,
    ]);
    expect(md[7]).toMatch(/^\| 0x00000001 \| S_FALSE \| success \| 1 \|/);
  });

  test('--format azure: Azure Pipelines logissue lines', async () => {
    const lines = (await mfr(['scan', '--format', 'azure', log])).stdout.trim().split('\n');
    expect(lines[0]).toBe(
      `##vso[task.logissue type=error;sourcepath=${log};linenumber=2;columnnumber=50;code=0x800700AA]E_BUSY (0x800700AA) (2 times in this file): The migration failed because another migration was in progress.`,
    );
    expect(lines).toHaveLength(2);
  });

  test.each([
    ['never', 0],
    ['failure', 1],
    ['any', 1],
  ])('--fail-on %s → exit %d', async (mode, status) => {
    expect((await mfr(['scan', '--fail-on', mode, log])).status).toBe(status);
  });

  test('--fail-on failure passes a log with only success codes; --fail-on any does not', async () => {
    const ok = file('ok.log', 'CoInitialize hr=0x00000001\nNtWaitForSingleObject NTSTATUS 259\nnothing else\n');
    expect((await mfr(['scan', '--fail-on', 'failure', ok])).status).toBe(0);
    expect((await mfr(['scan', '--fail-on', 'any', ok])).status).toBe(1);
    expect((await mfr(['scan', '--fail-on', 'any', file('empty.log', '')])).status).toBe(0);
  });

  test('--fail-on counts only findings at or above --min-confidence', async () => {
    const weak = file('weak.log', 'read error 5 somewhere\n');
    expect((await mfr(['scan', '--fail-on', 'failure', weak])).status).toBe(0);
    expect((await mfr(['scan', '--fail-on', 'failure', '--min-confidence', 'low', weak])).status).toBe(1);
  });

  test('-q: nothing on stdout, the exit status tells', async () => {
    const r = await mfr(['scan', '-q', '--fail-on', 'failure', log]);
    expect([r.status, r.stdout, r.stderr]).toEqual([1, '', '']);
    expect(await mfr(['scan', '--quiet', log])).toMatchObject({ status: 0, stdout: '' });
  });

  test('--ignore CODE|NAME, repeatable, and an ignore file', async () => {
    const names = async (args: string[], cwd?: string) => ndjson((await mfr(['scan', '--json', ...args, log], '', {}, cwd)).stdout).map((o) => o.name);
    expect(await names(['--ignore', '0x800700AA'])).toEqual(['E_ACCESSDENIED', 'S_FALSE']);
    expect(await names(['--ignore', 'E_BUSY', '--ignore', '-2147024891'])).toEqual(['S_FALSE']);
    const ignore = file('codes.ignore', '# known and harmless\nE_BUSY  0x00000001\n');
    expect(await names(['--ignore-file', ignore])).toEqual(['E_ACCESSDENIED']);
    const cwd = join(dir, 'with-ignore');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, '.mfrignore'), 'E_ACCESSDENIED\n');
    expect(await names([], cwd)).toEqual(['E_BUSY', 'E_BUSY', 'S_FALSE']);
    const bad = await mfr(['scan', '--ignore', 'E_NOSUCH', '--ignore', '0xZZ', log]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toEqual([
      'mfr: --ignore: "E_NOSUCH": not a code or a code name mfr knows',
      expect.stringMatching(/^mfr: --ignore: "0xZZ": not a code or a code name mfr knows \(.+\)$/),
    ]);
  });

  test('folders are read whole, and glob patterns are expanded (for shells that do not)', async () => {
    const logs = join(dir, 'logs');
    mkdirSync(join(logs, 'sub'), { recursive: true });
    writeFileSync(join(logs, 'a.log'), 'hr=0x80004005\n');
    writeFileSync(join(logs, 'sub', 'b.log'), 'hr=0x80004004\n');
    writeFileSync(join(logs, 'c.txt'), 'hr=0x80004001\n');
    writeFileSync(join(logs, '.hidden.log'), 'hr=0x80004002\n');
    const files = async (args: string[]) => ndjson((await mfr(['scan', '--json', ...args], '', {}, dir)).stdout).map((o) => [o.file, o.name]);
    expect(await files(['logs'])).toEqual([
      [join('logs', 'a.log'), 'E_FAIL'],
      [join('logs', 'c.txt'), 'E_NOTIMPL'],
      [join('logs', 'sub', 'b.log'), 'E_ABORT'],
    ]);
    expect(await files(['logs/*.log'])).toEqual([['logs/a.log', 'E_FAIL']]);
    expect(await files(['logs/**/*.log'])).toEqual([
      ['logs/a.log', 'E_FAIL'],
      ['logs/sub/b.log', 'E_ABORT'],
    ]);
    const none = await mfr(['scan', 'logs/*.nothing'], '', {}, dir);
    expect([none.status, none.stderr]).toEqual([2, 'mfr: logs/*.nothing: no file matches this pattern\n']);
  });

  test('read errors go to stderr with exit 2, the other files are still scanned', async () => {
    const r = await mfr(['scan', join(dir, 'missing.log'), log]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`mfr: ${join(dir, 'missing.log')}: no such file\n`);
    expect(r.stdout).toContain('E_BUSY');
  });

  test('stdin, with no file or with -', async () => {
    for (const args of [['scan'], ['scan', '-']]) {
      const r = await mfr(args, 'x\nhr=0x80004005\n');
      expect(r.stdout).toMatch(/^<stdin>:2: hr=0x80004005\n +0x80004005 E_FAIL/);
    }
  });

  test.each([
    ['gzip', (s: string) => gzipSync(Buffer.from(s))],
    ['UTF-16LE with BOM', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
    ['UTF-16BE with BOM', (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()])],
    ['UTF-16LE without BOM', (s: string) => Buffer.from(s, 'utf16le')],
    ['UTF-8 with BOM', (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)])],
    ['gzip of UTF-16LE', (s: string) => gzipSync(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]))],
  ])('%s input', async (name, encode) => {
    const p = file(`enc-${name.replace(/\W/g, '')}.log`, encode('Überprüfung fehlgeschlagen: HResult: -2147024891\r\nok\r\n'));
    const r = await mfr(['scan', '--json', p]);
    expect(r.status).toBe(0);
    const [o] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(o).toMatchObject({ line: 1, match: 'HResult: -2147024891', name: 'E_ACCESSDENIED' });
    expect((await mfr(['scan', p])).stdout).toContain(':1: Überprüfung fehlgeschlagen: HResult: -2147024891\n');
  });

  test('a code split across a read chunk (64 KiB) boundary is found', async () => {
    for (const shift of [0, 3, 7]) {
      const pad = 'x'.repeat(65536 - 5 - shift);
      const p = file(`split${shift}.log`, `${pad} (0x800700AA) done\n`);
      const [o] = (await mfr(['scan', '--json', p])).stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(o).toMatchObject({ line: 1, column: pad.length + 3, name: 'E_BUSY' });
    }
  });

  test('terminal escape sequences in log lines are not echoed', async () => {
    const p = file('esc.log', '\u001b[31mFAILED\u001b[0m hr=0x80004005 \u001b]0;title\u0007bell\u0007\n');
    const out = (await mfr(['scan', p])).stdout;
    expect(out).toContain(':1: FAILED hr=0x80004005 bell');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  test('binary garbage is survived', async () => {
    const bytes = Buffer.alloc(300000);
    let x = 7;
    for (let i = 0; i < bytes.length; i++) bytes[i] = x = (x * 1103515245 + 12345) & 0xff;
    const p = file('garbage.bin', Buffer.concat([bytes, Buffer.from('\nhr=0x80004005\n')]));
    const r = await mfr(['scan', '--json', p]);
    expect(r.status).toBe(0);
    expect(ndjson(r.stdout).map((o) => [o.match, o.name])).toEqual([['hr=0x80004005', 'E_FAIL']]);
  });

  test('corrupt gzip: a read error, exit 2', async () => {
    const good = gzipSync(Buffer.from('hr=0x80004005\n'.repeat(1000)));
    const r = await mfr(['scan', file('bad.gz', good.subarray(0, good.length / 2))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.gz: /);
  });

  test('| head ends quietly', async () => {
    const big = file('big.log', 'hr=0x80004005\n'.repeat(200000));
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" scan "${big}" | head -2`], { encoding: 'utf8' });
    expect([r.status, r.stderr, r.stdout.split('\n').length]).toEqual([0, '', 3]);
  });

  test('what the text says a value is, it is: a Win32 error, an NTSTATUS, an HRESULT', async () => {
    const objs = ndjson((await mfr(['scan', '--json'], 'C:\\x.exe Win32 error 1\nGetLastError() = 2\nNtQueryObject NTSTATUS 259\nhr=0x00000001\nERROR_INVALID_FUNCTION\n')).stdout);
    expect(objs.map((o) => [o.name, o.kind, o.severity])).toEqual([
      ['ERROR_INVALID_FUNCTION', 'win32', 'failure'],
      ['ERROR_FILE_NOT_FOUND', 'win32', 'failure'],
      ['STATUS_PENDING', 'ntstatus', 'success'],
      ['S_FALSE', 'hresult', 'success'],
      ['ERROR_INVALID_FUNCTION', 'win32', 'failure'],
    ]);
    expect(objs[0].description).toBe(objs[4].description);
  });

  test('--fail-on: a reader closing the pipe early does not turn a failure into exit 0', async () => {
    const big = file('fail-late.log', 'CoInitialize hr=0x00000001\n'.repeat(100000) + 'hr=0x80004005\n');
    const piped = (args: string) => spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" scan ${args} "${big}" | head -1; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    const failing = piped('--fail-on failure');
    expect(failing.stdout.split('\n').slice(-2)[0]).toBe('1');
    const never = piped('');
    expect(never.stdout.split('\n').slice(-2)[0]).toBe('0');
    expect(failing.stderr + never.stderr).toBe('');
  });

  test('the seed\'s migration text only on lines about a migration', async () => {
    const [general, migration] = (await mfr(['scan', '--json'], 'CoCreateInstance hr=0x80004005\nLive migration failed: hr=0x80004005\n'))
      .stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(general).toMatchObject({ name: 'E_FAIL', descriptionSource: 'mfr' });
    expect(general.description).not.toMatch(/migration/);
    expect(migration).toMatchObject({ description: 'The migration failed for some other reason.', descriptionSource: 'seed' });
  });

  test('a long line is shown as an excerpt with ASCII dots, in UTF-8', async () => {
    const p = file('long.log', 'ü'.repeat(300) + ' hr=0x80004005 ' + 'é'.repeat(700) + '\n');
    const first = (await mfr(['scan', p])).stdout.split('\n')[0] ?? '';
    expect(first).toMatch(/:1: \.\.\.ü+ hr=0x80004005 é+\.\.\.$/);
    expect(first.length).toBeLessThan(600);
  });
});
