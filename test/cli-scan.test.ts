// mfr scan driven as a CI step would: files, stdin, every output mode, exit codes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BIN = join(__dirname, '..', 'bin', 'mfr.js');
const dir = mkdtempSync(join(tmpdir(), 'mfr-scan-'));

function mfr(args: string[], input = '') {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
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
  '',
].join('\n');

describe('mfr scan', () => {
  const log = file('deploy.log', LOG);

  test('text: FILE:LINE: text, then each decoded code', () => {
    const r = mfr(['scan', log]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`${log}:2: 2026-11-25 10:00:05 ERROR Live migration of VM01 failed (0x800700AA)`);
    expect(lines[1]).toMatch(/^ +0x800700AA E_BUSY +failure +WIN32 \(7\) +The migration failed because another migration was in progress\./);
    expect(r.stdout).toContain(`${log}:4: System.UnauthorizedAccessException`);
    expect(r.stdout).toMatch(/0x80070005 E_ACCESSDENIED/);
    expect(r.stdout).toContain(`${log}:6: note: S_OK is fine here`);
    expect(r.stdout).not.toContain(':3:'); // the address and GUID line
  });

  test('--summary: one row per distinct code, most frequent first', () => {
    const rows = mfr(["scan", "--summary", log]).stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(new RegExp(`^ +2 +0x800700AA +E_BUSY +${log.replace(/[.\\/]/g, '\\$&')}:2 +The migration failed`));
    expect(rows[1]).toMatch(/^ +1 +0x00000000 +S_OK/);
    expect(rows[2]).toMatch(/^ +1 +0x80070005 +E_ACCESSDENIED/);
  });

  test('--json: NDJSON, one object per finding, with the decode fields', () => {
    const objs = mfr(['scan', '--json', log]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(objs.map((o) => [o.line, o.column, o.match, o.name])).toEqual([
      [2, 58, '0x800700AA', 'E_BUSY'],
      [4, 52, 'HRESULT: 0x80070005', 'E_ACCESSDENIED'],
      [5, 58, '0x800700AA', 'E_BUSY'],
      [6, 7, 'S_OK', 'S_OK'],
    ]);
    expect(objs[0]).toMatchObject({ file: log, form: 'hex', hex: '0x800700AA', severity: 'failure', facility: { value: 7, name: 'WIN32' } });
    const summary = mfr(['scan', '--json', '--summary', log]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(summary[0]).toMatchObject({ count: 2, first: { file: log, line: 2, column: 58 }, name: 'E_BUSY' });
  });

  test('--format github: annotations, error for failures, warning for the rest', () => {
    const lines = mfr(['scan', '--format', 'github', log]).stdout.trim().split('\n');
    expect(lines[0]).toBe(`::error file=${log},line=2,col=58,title=E_BUSY (0x800700AA)::0x800700AA: E_BUSY (0x800700AA) The migration failed because another migration was in progress.`);
    expect(lines[3]).toMatch(/^::warning file=.*,line=6,col=7,title=S_OK \(0x00000000\)::/);
  });

  test.each([
    ['never', 0],
    ['failure', 1],
    ['any', 1],
  ])('--fail-on %s → exit %d', (mode, status) => {
    expect(mfr(['scan', '--fail-on', mode, log]).status).toBe(status);
  });

  test('--fail-on failure passes a log with only success codes; --fail-on any does not', () => {
    const ok = file('ok.log', 'all good: S_OK\nnothing else\n');
    expect(mfr(['scan', '--fail-on', 'failure', ok]).status).toBe(0);
    expect(mfr(['scan', '--fail-on', 'any', ok]).status).toBe(1);
    expect(mfr(['scan', '--fail-on', 'any', file('empty.log', '')]).status).toBe(0);
  });

  test('read errors go to stderr with exit 2, the other files are still scanned', () => {
    const sub = join(dir, 'adir');
    mkdirSync(sub, { recursive: true });
    const r = mfr(['scan', join(dir, 'missing.log'), sub, log]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`mfr: ${join(dir, 'missing.log')}: no such file`);
    expect(r.stderr).toContain(`mfr: ${sub}: is a directory, not a file`);
    expect(r.stdout).toContain('E_BUSY');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('stdin, with no file or with -', () => {
    for (const args of [['scan'], ['scan', '-']]) {
      const r = mfr(args, 'x\nhr=0x80004005\n');
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
  ])('%s input', (name, encode) => {
    const p = file(`enc-${name.replace(/\W/g, '')}.log`, encode('Überprüfung fehlgeschlagen: HResult: -2147024891\r\nok\r\n'));
    const r = mfr(['scan', '--json', p]);
    expect(r.status).toBe(0);
    const [o] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(o).toMatchObject({ line: 1, match: 'HResult: -2147024891', name: 'E_ACCESSDENIED' });
    expect(mfr(['scan', p]).stdout).toContain(':1: Überprüfung fehlgeschlagen: HResult: -2147024891\n');
  });

  test('a code split across a read chunk (64 KiB) boundary is found', () => {
    for (const shift of [0, 3, 7]) {
      const pad = 'x'.repeat(65536 - 5 - shift);
      const p = file(`split${shift}.log`, `${pad} (0x800700AA) done\n`);
      const [o] = mfr(['scan', '--json', p]).stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(o).toMatchObject({ line: 1, column: pad.length + 3, name: 'E_BUSY' });
    }
  });

  test('terminal escape sequences in log lines are not echoed', () => {
    const p = file('esc.log', '\u001b[31mFAILED\u001b[0m hr=0x80004005 \u001b]0;title\u0007bell\u0007\n');
    const out = mfr(['scan', p]).stdout;
    expect(out).toContain(':1: FAILED hr=0x80004005 bell');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  test('binary garbage is survived', () => {
    const bytes = Buffer.alloc(300000);
    let x = 7;
    for (let i = 0; i < bytes.length; i++) bytes[i] = x = (x * 1103515245 + 12345) & 0xff;
    const p = file('garbage.bin', Buffer.concat([bytes, Buffer.from('\nhr=0x80004005\n')]));
    const r = mfr(['scan', '--json', p]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('"match":"hr=0x80004005"');
  });

  test('corrupt gzip: a read error, exit 2', () => {
    const good = gzipSync(Buffer.from('hr=0x80004005\n'.repeat(1000)));
    const r = mfr(['scan', file('bad.gz', good.subarray(0, good.length / 2))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.gz: /);
  });

  test('| head ends quietly', () => {
    const big = file('big.log', 'hr=0x80004005\n'.repeat(200000));
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" scan "${big}" | head -2`], { encoding: 'utf8' });
    expect([r.status, r.stderr, r.stdout.split('\n').length]).toEqual([0, '', 3]);
  });

  test('a Win32 error in the text is named and described as one', () => {
    const objs = mfr(['scan', '--json'], 'Win32 error 1\nGetLastError() = 2\nerror 259\nERROR_INVALID_FUNCTION\n')
      .stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(objs.map((o) => [o.name, o.layout, o.severity])).toEqual([
      ['ERROR_INVALID_FUNCTION', 'win32', 'failure'],
      ['ERROR_FILE_NOT_FOUND', 'win32', 'failure'],
      ['ERROR_NO_MORE_ITEMS', 'win32', 'failure'],
      ['ERROR_INVALID_FUNCTION', 'win32', 'failure'],
    ]);
    expect(objs[0].description).toBe(objs[3].description);
  });

  test('the seed\'s migration text only on lines about a migration', () => {
    const [general, migration] = mfr(['scan', '--json'], 'CoCreateInstance hr=0x80004005\nLive migration failed: hr=0x80004005\n')
      .stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(general).toMatchObject({ name: 'E_FAIL', descriptionSource: 'mfr' });
    expect(general.description).not.toMatch(/migration/);
    expect(migration).toMatchObject({ description: 'The migration failed for some other reason.', descriptionSource: 'seed' });
  });

  test('a long line is shown as an excerpt with ASCII dots, in UTF-8', () => {
    const p = file('long.log', 'ü'.repeat(300) + ' hr=0x80004005 ' + 'é'.repeat(700) + '\n');
    const first = mfr(['scan', p]).stdout.split('\n')[0] ?? '';
    expect(first).toMatch(/:1: \.\.\.ü+ hr=0x80004005 é+\.\.\.$/);
    expect(first.length).toBeLessThan(600);
  });
});
