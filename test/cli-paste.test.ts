// decode takes what people paste: values with their keyword and punctuation, debugger notations,
// code names; and the shorthand `mfr VALUE` takes flags before or after the value.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readPasted } from '../src/core/paste';
import { run } from './run';

const BIN = join(__dirname, '..', 'bin', 'mfr.js');
/** mfr run in this process (test/run.ts). */
const mfr = (args: string[]) => run(args, { input: '', env: { NO_COLOR: '1', FORCE_COLOR: undefined, MFR_MESSAGES: undefined } });
const decoded = async (args: string[]) => {
  const r = await mfr([...args, '--json', '--no-messages']);
  return { status: r.status, stderr: r.stderr, items: (JSON.parse(r.stdout) as { input: string; notation: string; hex: string; name: string }[]).map((d) => [d.input, d.notation, d.hex, d.name]) };
};

describe('what people paste', () => {
  test.each([
    ['hr=0x80070005', 'hex', 0x80070005, 'hresult'],
    ['(0x80070005).', 'hex', 0x80070005, undefined],
    ['0x80070005,', 'hex', 0x80070005, undefined],
    ['"0x80070005"', 'hex', 0x80070005, undefined],
    ['HRESULT: 0x80070005', 'hex', 0x80070005, 'hresult'],
    ['HResult=-2147024891', 'signed-decimal', 0x80070005, 'hresult'],
    ['NTSTATUS 259', 'decimal', 259, 'ntstatus'],
    ['error 5', 'decimal', 5, undefined],
    ['0xFFFFFFFF80070005', 'sign-extended', 0x80070005, undefined],
    ['0x00000000C0000005', 'hex', 0xc0000005, undefined],
    ['0n5', 'windbg-decimal', 5, undefined],
    ['0n2147942405', 'windbg-decimal', 0x80070005, undefined],
    ['-0x7ff8ffa9', 'negative-hex', 0x80070057, undefined],
    ['E_FAIL', 'name', 0x80004005, 'hresult'],
    ['e_accessdenied', 'name', 0x80070005, 'hresult'],
    ['STATUS_ACCESS_VIOLATION', 'name', 0xc0000005, 'ntstatus'],
    ['ERROR_ACCESS_DENIED', 'name', 5, 'win32'],
    ['E_BUSY', 'name', 0x800700aa, 'hresult'],
  ])('%s', async (text, notation, value, kind) => {
    expect(readPasted(text)).toMatchObject({ notation, value, ...(kind ? { kind } : {}) });
  });

  test.each([
    ['0xFFFFFFFF00000005', 'not sign-extended: the high half is all ones but bit 31 is clear'],
    ['0x100000000', 'beyond 32 bits'],
    ['-0x180000000', 'beyond 32 bits'],
    ['0nABC', 'WinDbg decimals have digits only'],
    ['hr=', 'no value'],
    ['HRESULT:', 'no value'],
    ['bogus', 'no such name'],
  ])('%s is refused (%s)', async (text) => {
    expect(() => readPasted(text)).toThrow();
  });

  test('decode decodes each, with the name as written first', async () => {
    const r = await decoded(['decode', 'hr=0x80070005', '(0xC0000005).', 'STATUS_ACCESS_VIOLATION', 'ERROR_ACCESS_DENIED', 'COR_E_UNAUTHORIZEDACCESS', '0n5', '-0x7ff8ffa9']);
    expect(r.status).toBe(0);
    expect(r.items).toEqual([
      ['hr=0x80070005', 'hex', '0x80070005', 'E_ACCESSDENIED'],
      ['(0xC0000005).', 'hex', '0xC0000005', 'STATUS_ACCESS_VIOLATION'],
      ['STATUS_ACCESS_VIOLATION', 'name', '0xC0000005', 'STATUS_ACCESS_VIOLATION'],
      ['ERROR_ACCESS_DENIED', 'name', '0x00000005', 'ERROR_ACCESS_DENIED'],
      ['COR_E_UNAUTHORIZEDACCESS', 'name', '0x80070005', 'COR_E_UNAUTHORIZEDACCESS'],
      ['0n5', 'windbg-decimal', '0x00000005', 'ERROR_ACCESS_DENIED'],
      ['-0x7ff8ffa9', 'negative-hex', '0x80070057', 'E_INVALIDARG'],
    ]);
  });

  test('a keyword and its value split by the shell are one value', async () => {
    expect((await decoded(['decode', 'HRESULT:', '0x80070005', 'NTSTATUS', '259'])).items).toEqual([
      ['HRESULT: 0x80070005', 'hex', '0x80070005', 'E_ACCESSDENIED'],
      ['NTSTATUS 259', 'decimal', '0x00000103', 'STATUS_PENDING'],
    ]);
  });

  test('a word that is no code: one line naming it, exit 2, the others still decoded', async () => {
    const r = await mfr(['decode', 'E_ACCESDENIED', 'E_FAIL']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('mfr: "E_ACCESDENIED": no code has this name, and it is not a number; did you mean E_ACCESSDENIED?\n');
    expect(r.stdout).toMatch(/^E_FAIL\n  hex +0x80004005\n/);
  });
});

describe('the shorthand mfr VALUE', () => {
  test.each([
    [['--json', '0x80070005']],
    [['0x80070005', '--json']],
    [['--no-color', '--json', '0x80070005']],
    [['--json', '--', '0x80070005']],
    [['--json', 'E_ACCESSDENIED']],
    [['--json', 'hr=0x80070005']],
  ])('mfr %j decodes', async (args) => {
    const r = await mfr(['--no-messages', ...args]);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ hex: '0x80070005', name: 'E_ACCESSDENIED' });
  });

  test('mfr 0xZZ gets decode\'s own error; mfr -0x7ff8ffa9 is a value; a word that is no command stays an unknown command', async () => {
    expect(await mfr(['0xZZ'])).toMatchObject({ status: 2, stdout: '', stderr: 'mfr: "0xZZ": not a hex number (digits 0-9, a-f after 0x)\n' });
    expect((await mfr(['-0x7ff8ffa9', '--no-messages'])).stdout).toMatch(/^-0x7ff8ffa9\n  hex +0x80070057\n/);
    expect(await mfr(['nosuch'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^mfr: unknown command 'nosuch'/) });
    expect(await mfr(['decode', '--jsn', '5'])).toMatchObject({ status: 2, stdout: '', stderr: "mfr: unknown option '--jsn' (see mfr decode --help)\n" });
  });
});

describe('the command line, as habits expect it', () => {
  test('mfr help nosuch says the command is unknown', async () => {
    expect(await mfr(['help', 'nosuch'])).toMatchObject({ status: 2, stdout: '', stderr: "mfr: unknown command 'nosuch' (mfr --help lists them)\n" });
    expect(await mfr(['help', 'scan'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Usage: mfr scan/) });
  });

  test('lookup: the "N names contain" count goes to stderr, stdout is only the rows', async () => {
    const r = await mfr(['lookup', 'ACCESSDENIED', '--no-messages']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^mfr: \d+ names contain "ACCESSDENIED"\n$/);
    expect(r.stdout.split('\n')[0]).toMatch(/^E_ACCESSDENIED +0x80070005 +HRESULT/);
  });

  test('found nothing is exit 1 for lookup and search alike', async () => {
    expect((await mfr(['lookup', 'ZZZQQQXX'])).status).toBe(1);
    expect((await mfr(['search', 'zzzqqqxx'])).status).toBe(1);
  });
});

describe('decode output for scripts and for reading', () => {
  test('--format line: one line per value, certutil-style', async () => {
    const r = await mfr(['decode', '0x80070005', '5', '0xC0000005', '0xD0000022', '0xZZ', '--format', 'line', '--no-messages']);
    expect(r.status).toBe(2);
    expect(r.stdout.split('\n')).toEqual([
      expect.stringMatching(/^0x80070005 \(WIN32: 5 ERROR_ACCESS_DENIED\) -- 2147942405 \(-2147024891\): The caller is not allowed/),
      expect.stringMatching(/^0x00000005 \(WIN32: 5 ERROR_ACCESS_DENIED\) -- 5 \(5\): The caller lacks the rights/),
      expect.stringMatching(/^0xC0000005 \(NTSTATUS: 5 STATUS_ACCESS_VIOLATION\) -- 3221225477 \(-1073741819\): /),
      expect.stringMatching(/^0xD0000022 \(NTSTATUS: 0xC0000022 STATUS_ACCESS_DENIED\) -- 3489660962 \(-805306334\): /),
      '',
    ]);
    expect(r.stderr).toBe('mfr: "0xZZ": not a hex number (digits 0-9, a-f after 0x)\n');
  });

  test('--all lists every name; without it, the first six and how many more', async () => {
    const names = async (args: string[]) => ((await mfr(['decode', '0x80070005', '--no-messages', ...args])).stdout.match(/^ {2}names +(.*)$/m) ?? [])[1] ?? '';
    expect(await names([])).toMatch(/, and 3 more \(--all shows them\)$/);
    expect(await names(['--all'])).toMatch(/COR_E_UNAUTHORIZEDACCESS \(HRESULT, corerror\.h\), STIERR_READONLY \(HRESULT, stierr\.h\), STIERR_NOTINITIALIZED \(HRESULT, stierr\.h\), ERROR_ACCESS_DENIED \(Win32, winerror\.h\)$/);
  });
});

describe('help', () => {
  test.each([
    ['decode', false, true],
    ['lookup', true, true],
    ['search', true, true],
    ['list', false, false],
    ['facilities', false, false],
    ['encode', false, false],
    ['scan', true, true],
    ['property', false, false],
  ])('mfr %s --help ends with examples, exit codes and the environment it reads', async (cmd, hasExit1, readsMessages) => {
    const r = await mfr([cmd as string, '--help']);
    expect(r.status).toBe(0);
    const tail = r.stdout.slice(r.stdout.indexOf('\nExamples:\n'));
    expect(tail).toMatch(new RegExp(`^\\nExamples:\\n  mfr ${cmd}\\b`));
    expect(tail).toContain('\nExit codes:\n  0  success\n');
    expect(tail.includes('\n  1  ')).toBe(hasExit1);
    expect(tail).toContain('  2  a usage or input error');
    expect(tail.includes('MFR_MESSAGES')).toBe(readsMessages);
    expect(tail).toContain('NO_COLOR');
  });
});

test('decode: stdin that looks like a log gets pointed at scan, not decoded word by word', async () => {
  const log = '2026-11-25 10:00:05 ERROR Live migration of VM01 failed (0x800700AA)\nSystem.UnauthorizedAccessException: Exception from HRESULT: 0x80070005\n';
  const r = spawnSync(process.execPath, [BIN, 'decode'], { input: log, encoding: 'utf8' });
  expect([r.status, r.stdout]).toEqual([2, '']);
  expect(r.stderr).toBe('mfr: stdin looks like a log, not a list of values (10 of its first 14 words are no value or code name); to find the codes in a log, use mfr scan\n');
  // A list of values with a stray word is still a list.
  const list = spawnSync(process.execPath, [BIN, 'decode', '--format', 'line', '--no-messages'], { input: '0x800700AA 5 E_FAIL oops 0xC0000005 1 2 3 4 5 6\n', encoding: 'utf8' });
  expect(list.status).toBe(2);
  expect(list.stdout.split('\n')).toHaveLength(11);
  expect(list.stderr).toMatch(/"oops"/);
});
