// Drives the CLI as a user would: argv, stdin, stdout, stderr and exit codes; in process (test/run.ts),
// and as the built bin/mfr.js where a real process is the point (pipes closed early, terminals).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run';

const BIN = join(__dirname, '..', 'bin', 'mfr.js');
const ESC = '\u001b[';

beforeAll(() => {
  if (!existsSync(join(__dirname, '..', 'dist', 'mfr.js'))) throw new Error('dist/mfr.js is missing: run npm run build (npm test does)');
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** mfr run in this process (test/run.ts), as from a pipe, with no colour asked for. */
function mfr(args: string[], opts: { input?: string; env?: Record<string, string | undefined> } = {}): Promise<Run> {
  return run(args, { input: opts.input ?? '', env: { NO_COLOR: undefined, FORCE_COLOR: undefined, ...opts.env } });
}

function sh(script: string): Run {
  const r = spawnSync('bash', ['-c', `set -o pipefail; ${script}`], { encoding: 'utf8', env: { ...process.env, MFR: `${process.execPath} ${BIN}` } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('mfr decode', () => {
  test('decodes 0x800700AA as the README promises', async () => {
    const r = await mfr(['decode', '0x800700AA']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^0x800700AA\n/);
    expect(r.stdout).toMatch(/names? +E_BUSY/);
    expect(r.stdout).toMatch(/severity +failure/);
    expect(r.stdout).toMatch(/facility +WIN32 \(7\)/);
    expect(r.stdout).toMatch(/code +170 \(0x00AA\)/);
    expect(r.stdout).toMatch(/win32 error +ERROR_BUSY \(170\)/);
    expect(r.stdout).toMatch(/description +Something else currently holds the object or device/);
    expect(r.stdout).toMatch(/migration +The migration failed because another migration was in progress\. \(as MigrationFailureReason\)/);
    expect(r.stdout).toMatch(/hex +0x800700AA\n +unsigned +2147942570\n +signed +-2147024726/);
    expect(r.stdout).not.toContain(ESC);
  });

  test('--json gives the same as fields', async () => {
    const r = await mfr(['decode', '0x800700AA', '--json']);
    expect(r.status).toBe(0);
    const [d] = JSON.parse(r.stdout);
    expect(d).toMatchObject({
      input: '0x800700AA',
      value: 0x800700aa,
      hex: '0x800700AA',
      unsigned: 2147942570,
      signed: -2147024726,
      name: 'E_BUSY',
      severity: 'failure',
      facility: { value: 7, name: 'WIN32' },
      code: 170,
      win32: { code: 170, name: 'ERROR_BUSY' },
      description: 'Something else currently holds the object or device; retry later, or find the process or operation that owns it.',
      descriptionSource: 'mfr',
      migration: { name: 'E_BUSY', description: 'The migration failed because another migration was in progress.' },
    });
  });

  test('a value in place of the command decodes it', async () => {
    const short = await mfr(['0x800700AA', '-2147024891', '--json']);
    expect(JSON.parse(short.stdout).map((d: { input: string; name: string; hex: string }) => [d.input, d.name, d.hex])).toEqual([
      ['0x800700AA', 'E_BUSY', '0x800700AA'],
      ['-2147024891', 'E_ACCESSDENIED', '0x80070005'],
    ]);
    expect(short).toEqual(await mfr(['decode', '0x800700AA', '-2147024891', '--json']));
  });

  test('negative values as typed, no -- needed', async () => {
    const r = await mfr(['decode', '-2147024726', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)[0].name).toBe('E_BUSY');
  });

  test('invalid inputs: one stderr line each, the valid ones still decoded, exit 2', async () => {
    const r = await mfr(['decode', '5', 'bogus', '0x800700AA', '0x100000000']);
    expect(r.status).toBe(2);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toEqual([expect.stringMatching(/"bogus": no code has this name, and it is not a number$/), expect.stringMatching(/"0x100000000": out of range for a DWORD/)]);
    expect(r.stdout).toContain('ERROR_ACCESS_DENIED');
    expect(r.stdout).toContain('E_BUSY');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('--json keeps invalid inputs in order as error objects', async () => {
    const r = await mfr(['decode', '--json', '5', '0x', '-1']);
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.map((o: { input: string }) => o.input)).toEqual(['5', '0x', '-1']);
    expect(out[1]).toEqual({ schemaVersion: 1, input: '0x', error: expect.stringMatching(/no hex digits/) });
    expect(out[2].hex).toBe('0xFFFFFFFF');
  });

  test.each([[[] as string[]], [['-']]])('reads whitespace-separated values from stdin (%j)', async (args) => {
    const r = await mfr(['decode', ...args, '--json'], { input: '0x800700AA\n  5\t-2147467259\r\n' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).map((d: { name: string }) => d.name)).toEqual(['E_BUSY', 'ERROR_ACCESS_DENIED', 'E_FAIL']);
  });

  test('"-" among values stands for stdin, in its place', async () => {
    const r = await mfr(['decode', '5', '-', '0x80004005', '--json'], { input: '170 2' });
    expect(JSON.parse(r.stdout).map((d: { input: string }) => d.input)).toEqual(['5', '170', '2', '0x80004005']);
  });

  test('empty stdin gives an empty JSON array', async () => {
    const r = await mfr(['decode', '--json'], { input: '' });
    expect([r.status, JSON.parse(r.stdout)]).toEqual([0, []]);
  });

  test('eight digits that name a code only as hex are read as hex, and the note gives the decimal reading', async () => {
    const out = (await mfr(['decode', '80070005', '--no-messages'])).stdout;
    expect(out).toMatch(/^80070005\n  hex +0x80070005\n/);
    expect(out).toMatch(/names? +E_ACCESSDENIED/);
    expect(out).toMatch(/note +read as hex, which names a code; as decimal it is 80070005 \(0x04C5C575\), which has no name/);
  });

  test('colour: off when piped or NO_COLOR, on with --color or FORCE_COLOR, --no-color wins', async () => {
    expect((await mfr(['decode', '5'])).stdout).not.toContain(ESC);
    expect((await mfr(['decode', '5'], { env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await mfr(['decode', '5', '--color'])).stdout).toContain(ESC);
    expect((await mfr(['decode', '5'], { env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
    expect((await mfr(['decode', '5', '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await mfr(['decode', '5', '--json', '--color'])).stdout).not.toContain(ESC);
  });
});

describe('pipes closed early end quietly', () => {
  test.each([
    ['$MFR decode 0x800700AA | head -0'],
    ['$MFR decode 0x800700AA | head -1'],
    ['$MFR list | head -1'],
    ['$MFR list --json | head -c 10'],
    ['seq 1 20000 > "${TMPDIR:-/tmp}/mfr-seq.txt"; $MFR decode < "${TMPDIR:-/tmp}/mfr-seq.txt" | head -3'],
  ])('%s', async (script) => {
    const r = sh(script);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('help and version', () => {
  test('mfr --help lists the commands', async () => {
    const r = await mfr(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['decode', 'lookup', 'search', 'list', 'facilities', 'encode', 'property']) expect(r.stdout).toContain(c);
  });
  test('mfr decode --help shows the flags', async () => {
    const r = await mfr(['decode', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--json/);
    expect(r.stdout).toMatch(/--no-color/);
  });
  test('mfr --version prints the package version', async () => {
    const r = await mfr(['--version']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(require('../package.json').version);
    expect(lines[1]).toMatch(/^codes: [\d,]+ \([\d,]+ HRESULT, [\d,]+ Win32, [\d,]+ NTSTATUS\)$/);
    expect(lines[2]).toMatch(/^from: Debian libwine-dev .*, Debian mingw-w64-common .*, and curated tables/);
  });
  test('an unknown command or option is a usage error, exit 2', async () => {
    expect(await mfr(['decod', '5'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/unknown command 'decod'.*\n.*decode/s) });
    expect(await mfr(['decode', '--jsn', '5'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/unknown option '--jsn'/) });
  });
});

describe('mfr property', () => {
  test('prints the attribute and value tables', async () => {
    const r = await mfr(['property']);
    expect(r.status).toBe(0);
    for (const s of ['MigrationFailureReason', 'DWORD', 'read-only', 'required', 'CLUSPROP_DWORD', '0xFFFFFFFF', 'E_BUSY', '0x800700AA', 'another migration was in progress']) {
      expect(r.stdout).toContain(s);
    }
  });
  test('--json is the descriptor', async () => {
    const [p, ...rest] = JSON.parse((await mfr(['property', '--json'])).stdout);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ schemaVersion: 1, name: 'MigrationFailureReason', access: 'read-only', minimum: 0, maximum: 4294967295, maximumHex: '0xFFFFFFFF', default: 0 });
    expect(p.values.map((v: { name: string; hex: string }) => [v.name, v.hex])).toEqual([
      ['S_OK', '0x00000000'],
      ['E_BUSY', '0x800700AA'],
      ['E_FAIL', '0x80004005'],
    ]);
  });
});

describe('lookup, search, list, facilities, encode', () => {
  test('lookup of an exact name, any case, decodes it', async () => {
    const r = await mfr(['lookup', 'error_busy']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ERROR_BUSY = 170/);
    const [j] = JSON.parse((await mfr(['lookup', 'STATUS_ACCESS_DENIED', '--json'])).stdout);
    expect(j.match).toMatchObject({ name: 'STATUS_ACCESS_DENIED', value: 0xc0000022, kind: 'ntstatus', source: 'ntstatus.h' });
    expect(j.decoded.name).toBe('STATUS_ACCESS_DENIED');
  });
  test('tables mark derived descriptions, also without colour', async () => {
    expect((await mfr(['list', '--facility', 'DXGI'])).stdout).toMatch(/DXGI_STATUS_CLIPPED +0x087A0002 +HRESULT +Clipped\. \(derived from the name\)/);
    expect((await mfr(['lookup', 'ERROR_BUSY'])).stdout).toMatch(/^ERROR_BUSY = 170 \(win32, winerror\.h\)/);
  });

  test('lookup of part of a name lists the matches', async () => {
    const [j] = JSON.parse((await mfr(['lookup', 'ACCESS_DENIED', '--json'])).stdout);
    const names = j.matches.map((m: { name: string }) => m.name);
    expect(names).toEqual(expect.arrayContaining(['ERROR_ACCESS_DENIED', 'E_ACCESSDENIED', 'STATUS_ACCESS_DENIED']));
    expect((await mfr(['lookup', 'ACCESSDENIED'])).stdout).toContain('E_ACCESSDENIED');
  });
  test('an unknown name: a clear error with suggestions, exit 1 (found nothing, as search), other names still looked up', async () => {
    const r = await mfr(['lookup', 'ERROR_ACESS_DENIED', 'E_FAIL']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no code is named "ERROR_ACESS_DENIED"; did you mean ERROR_ACCESS_DENIED/);
    expect(r.stdout).toContain('E_FAIL');
  });
  test('search finds codes by words in names and descriptions', async () => {
    const found = JSON.parse((await mfr(['search', 'access', 'denied', '--json'])).stdout).map((m: { name: string }) => m.name);
    expect(found).toEqual(expect.arrayContaining(['ERROR_ACCESS_DENIED', 'E_ACCESSDENIED', 'STATUS_ACCESS_DENIED']));
    const none = await mfr(['search', 'zzzzqqq']);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/no code matches "zzzzqqq"/);
  });
  test('list filters by facility and kind', async () => {
    const dxgi = JSON.parse((await mfr(['list', '--facility', 'DXGI', '--json'])).stdout);
    expect(dxgi.length).toBeGreaterThan(10);
    expect(dxgi.every((c: { hex: string }) => c.hex.startsWith('0x087A') || c.hex.startsWith('0x887A'))).toBe(true);
    const nt = JSON.parse((await mfr(['list', '--kind', 'ntstatus', '--json'])).stdout);
    expect(nt.every((c: { kind: string }) => c.kind === 'ntstatus')).toBe(true);
    expect((await mfr(['list', '--facility', '2170', '--json'])).stdout).toBe((await mfr(['list', '--facility', 'dxgi', '--json'])).stdout);
    expect(await mfr(['list', '--facility', 'NOPE'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/no HRESULT facility is named "NOPE"/) });
    expect(await mfr(['list', '--kind', 'nope'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/"nope" is no kind; use hresult, win32 or ntstatus/) });
    expect((await mfr(['list', '--kind', 'NTSTATUS', '--json'])).stdout).toBe((await mfr(['list', '--kind', 'ntstatus', '--json'])).stdout);
    expect(await mfr(['list', '--facility', 'WIN3'])).toMatchObject({ status: 2, stderr: 'mfr: no HRESULT facility is named "WIN3"; did you mean WIN32, WIA, WINML?\n' });
  });
  test('facilities lists names above 2047 and several names for one number', async () => {
    const f = JSON.parse((await mfr(['facilities', '--json'])).stdout);
    expect(f).toContainEqual(expect.objectContaining({ kind: 'hresult', value: 2170, names: ['DXGI'] }));
    expect(f).toContainEqual(expect.objectContaining({ kind: 'hresult', value: 9, names: expect.arrayContaining(['SSPI', 'SECURITY']) }));
    expect((await mfr(['facilities'])).stdout).toMatch(/2170 +0x87A +DXGI/);
  });
  test.each([
    [['--win32', '5'], 0x80070005, 'E_ACCESSDENIED'],
    [['--nt', '0xC0000022'], 0xd0000022, 'STATUS_ACCESS_DENIED'],
    [['--win32', 'ERROR_ACCESS_DENIED'], 0x80070005, 'E_ACCESSDENIED'],
    [['--facility', 'WIN32', '--code', '170'], 0x800700aa, 'E_BUSY'],
    [['--facility', '7', '--code', '170', '--severity', 'success'], 0x000700aa, null],
  ])('encode %j', async (args, value, name) => {
    const r = await mfr(['encode', ...args, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ schemaVersion: 1, input: args.join(' ').replace(/ --severity \w+/, ''), value, name })]);
  });
  test.each([
    [[], /give one of/],
    [['--win32', '5', '--nt', '1'], /give one of/],
    [['--facility', 'NOPE', '--code', '1'], /"NOPE": no HRESULT facility/],
    [['--facility', 'WIN32', '--code', '70000'], /"70000": a code is 16 bits/],
    [['--win32', 'xyz'], /"xyz": not a number/],
    [['--win32', '70000'], /"70000": a Win32 error is 16 bits/],
    [['--win32', 'E_FAIL'], /"E_FAIL": a HRESULT, not a Win32 error/],
  ])('encode %j is refused', async (args, message) => {
    const r = await mfr(['encode', ...(args as string[])]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('in a terminal', () => {
  // util-linux `script` gives the command a pseudo-terminal; without it these are skipped.
  const hasScript = spawnSync('script', ['--version']).status === 0 || Boolean(process.env.MFR_REQUIRE_ALL);
  const inTerminal = (cmd: string) =>
    spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: 'xterm' } });
  (hasScript ? test : test.skip)('decode and scan with nothing to read from a terminal say so instead of waiting (needs script)', async () => {
    for (const cmd of ['decode', 'scan']) {
      const r = inTerminal(`"${process.execPath}" "${BIN}" ${cmd} < /dev/tty; echo EXIT=$?`);
      expect(r.stdout).toMatch(/mfr: no (values to decode|logs to scan)/);
      expect(r.stdout).toMatch(/EXIT=2/);
    }
  });
  (hasScript ? test : test.skip)('text wraps to the terminal width, and not in a pipe (needs script)', async () => {
    const shown = inTerminal(`stty cols 60; "${process.execPath}" "${BIN}" decode 0x80070005 --no-messages`).stdout.replace(/\u001b\[[0-9;]*m/g, '');
    const lines = shown.split(/\r?\n/).filter(Boolean);
    expect(lines.every((l) => l.length <= 60)).toBe(true);
    expect(lines).toContain('               DSERR_ACCESSDENIED (HRESULT, dsound.h),');
    const piped = (await mfr(['decode', '0x80070005', '--no-messages'])).stdout;
    expect(piped.split('\n').some((l) => l.length > 60)).toBe(true);
  });
  (hasScript ? test : test.skip)('text is coloured on a terminal (needs script)', async () => {
    expect(inTerminal(`"${process.execPath}" "${BIN}" decode 5`).stdout).toContain(ESC);
  });
});
