import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, parseDefines } from '../scripts/headers';
import { CURATED, generate, MINGW, OUTPUT, readCurated, readCuratedFacilities, readPackages, render, WINE } from '../scripts/gen-data';

const WINERROR = `
#ifndef _WINERROR_
#define _WINERROR_
#define FACILITY_WIN32 7
#define FACILITY_DXGI 2170
#define FACILITY_ITF 4
#define SEVERITY_ERROR 1
#ifdef RC_INVOKED
#define _HRESULT_TYPEDEF_(_sc) _sc
#else
#define _HRESULT_TYPEDEF_(_sc) ((HRESULT)_sc)
#endif
#define ERROR_SUCCESS __MSABI_LONG(0)
#define ERROR_ACCESS_DENIED __MSABI_LONG(5)
#define ERROR_BUSY 170L
#define E_FAIL _HRESULT_TYPEDEF_(0x80004005)
#define S_OK ((HRESULT)0x00000000)
#define NOERROR 0
#define E_LONG_ONE \\
    _HRESULT_TYPEDEF_(0x8000FFFF)
/* #define E_COMMENTED _HRESULT_TYPEDEF_(0x80001234) */
// #define E_LINE_COMMENTED _HRESULT_TYPEDEF_(0x80001235)
#if 0
#define E_DISABLED _HRESULT_TYPEDEF_(0x80001236)
#endif
#define WSABASEERR 10000
#define WSAEINTR (WSABASEERR + 4)
#define DXGI_ERROR_DEVICE_REMOVED _HRESULT_TYPEDEF_(0x887A0005)
#define E_BUILT MAKE_HRESULT(SEVERITY_ERROR, FACILITY_ITF, 0x200)
#define E_FROM_WIN32 HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED)
#define E_ALIAS E_FAIL
#define ERROR_THING_FIRST __MSABI_LONG(100)
#define ERROR_THING_BROKEN __MSABI_LONG(101)
#define ERROR_THING_LAST __MSABI_LONG(199)
#define ERROR_IMAGE_NOT_AT_BASE __MSABI_LONG(700)
#define HRESULT_CODE(hr) ((hr) & 0xFFFF)
#endif
`;
const NTSTATUS = `
#define FACILITY_DEBUGGER 0x1
#define STATUS_SUCCESS ((NTSTATUS)0x00000000L)
#define STATUS_ACCESS_DENIED ((NTSTATUS)0xC0000022L)
`;
const COMPONENT = `
#define _FACD3D 0x876
#define MAKE_D3DHRESULT(code) MAKE_HRESULT(1, _FACD3D, code)
#define D3DERR_WRONGTEXTUREFORMAT MAKE_D3DHRESULT(2072)
#define D3DFVF_XYZ 0x002
#define D3DCREATE_BIG 0x00100000L
#define D3D_OK S_OK
`;
// A 16-bit-era header that reuses winerror.h names with other values.
const OLD16 = `
#define ERROR_ACCESS_DENIED 99
#define ERROR_OLD_ONLY 0x8001
`;

function fakeRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'mfr-gen-'));
  const put = (dir: string, file: string, text: string) => {
    mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, dir, file), text);
  };
  put(MINGW, 'winerror.h', WINERROR);
  put(MINGW, 'ntstatus.h', NTSTATUS);
  put(MINGW, 'd3d9.h', COMPONENT);
  put(MINGW, 'old16.h', OLD16);
  put(WINE, 'winerror.h', '#define ERROR_ELEVATION_REQUIRED 740\n#define ERROR_BUSY 170\n');
  put(WINE, 'ntstatus.h', '');
  return root;
}

describe('the generator on the forms the headers use', () => {
  const g = generate(fakeRoot(), [
    { dir: MINGW, file: 'winerror.h', kind: 'auto' },
    { dir: MINGW, file: 'ntstatus.h', kind: 'ntstatus' },
    { dir: WINE, file: 'winerror.h', kind: 'auto' },
    { dir: WINE, file: 'ntstatus.h', kind: 'ntstatus' },
    { dir: MINGW, file: 'd3d9.h', kind: 'auto' },
    { dir: MINGW, file: 'old16.h', kind: 'win32', names: /^ERROR_/ },
  ], [], []);
  const find = (name: string) => g.codes.filter((c) => c.name === name).map((c) => ({ kind: c.kind, value: c.value, source: g.sources[c.source] }));

  test.each([
    ['ERROR_ACCESS_DENIED', 'win32', 5, 'winerror.h'],
    ['ERROR_BUSY', 'win32', 170, 'winerror.h'],
    ['E_FAIL', 'hresult', 0x80004005, 'winerror.h'],
    ['S_OK', 'hresult', 0, 'winerror.h'],
    ['NOERROR', 'hresult', 0, 'winerror.h'],
    ['E_LONG_ONE', 'hresult', 0x8000ffff, 'winerror.h'],
    ['WSAEINTR', 'win32', 10004, 'winerror.h'],
    ['DXGI_ERROR_DEVICE_REMOVED', 'hresult', 0x887a0005, 'winerror.h'],
    ['E_BUILT', 'hresult', 0x80040200, 'winerror.h'],
    ['E_FROM_WIN32', 'hresult', 0x80070005, 'winerror.h'],
    ['E_ALIAS', 'hresult', 0x80004005, 'winerror.h'],
    ['STATUS_ACCESS_DENIED', 'ntstatus', 0xc0000022, 'ntstatus.h'],
    ['ERROR_ELEVATION_REQUIRED', 'win32', 740, 'wine/winerror.h'],
    ['D3DERR_WRONGTEXTUREFORMAT', 'hresult', 0x88760818, 'd3d9.h'],
    ['D3D_OK', 'hresult', 0, 'd3d9.h'],
    ['ERROR_OLD_ONLY', 'win32', 0x8001, 'old16.h'],
    ['ERROR_THING_BROKEN', 'win32', 101, 'winerror.h'],
    ['ERROR_IMAGE_NOT_AT_BASE', 'win32', 700, 'winerror.h'],
  ])('%s is %s %d from %s', (name, kind, value, source) => {
    expect(find(name)).toEqual([{ kind, value, source }]);
  });

  test.each([
    'E_COMMENTED', 'E_LINE_COMMENTED', 'E_DISABLED', 'SEVERITY_ERROR', 'FACILITY_WIN32', 'WSABASEERR',
    'ERROR_THING_FIRST', 'ERROR_THING_LAST', '_WINERROR_', '_HRESULT_TYPEDEF_', 'HRESULT_CODE', 'D3DFVF_XYZ',
    'D3DCREATE_BIG', '_FACD3D',
  ])('%s is left out', (name) => {
    expect(find(name)).toEqual([]);
  });

  test('a later header cannot redefine a winerror.h name, and says so', () => {
    expect(find('ERROR_ACCESS_DENIED')).toHaveLength(1);
    expect(g.skipped.some((s) => /old16\.h:\d+ ERROR_ACCESS_DENIED: redefines/.test(s))).toBe(true);
  });

  test('facilities: above 2047, and per numbering space', () => {
    expect(g.facilities.map((f) => [f.space, f.value, f.name])).toEqual([
      ['hresult', 4, 'ITF'],
      ['hresult', 7, 'WIN32'],
      ['hresult', 2170, 'DXGI'],
      ['ntstatus', 1, 'DEBUGGER'],
    ]);
  });
});

describe('curated tables', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mfr-curated-'));
  const row = (...cols: string[]) => cols.join('\t');
  writeFileSync(
    join(dir, 'servicing.tsv'),
    ['# family: servicing', row('hresult', '0x800F081F', 'CBS_E_SOURCE_MISSING', 'https://example.org/cbs'), row('win32', '0x00000005', 'ERROR_ACCESS_DENIED', 'https://example.org/same'), row('hresult', '0x80000001', 'E_FAIL', 'https://example.org/other'), ''].join('\n'),
  );
  writeFileSync(join(dir, 'facilities.tsv'), ['# space\tvalue\tname\tsource', row('ntstatus', '53', 'HYPERVISOR', 'https://example.org/nt'), row('hresult', '7', 'WIN32', 'https://example.org/dup'), ''].join('\n'));
  const g = generate(fakeRoot(), [{ dir: MINGW, file: 'winerror.h', kind: 'auto' }], readCurated(dir), readCuratedFacilities(dir));
  const find = (name: string) => g.codes.filter((c) => c.name === name).map((c) => ({ kind: c.kind, value: c.value, source: g.sources[c.source] }));

  test('curated facility names are added after the headers\', which keep theirs', () => {
    expect(g.facilities.filter((f) => f.name === 'HYPERVISOR').map((f) => [f.space, f.value, g.sources[f.source]])).toEqual([['ntstatus', 53, 'curated/facilities.tsv']]);
    expect(g.facilities.filter((f) => f.name === 'WIN32').map((f) => g.sources[f.source])).toEqual(['winerror.h']);
    expect(readCurated(dir).map((r) => r.file)).not.toContain('facilities.tsv');
  });

  test('a curated row adds a code, with its table as the source', () => {
    expect(find('CBS_E_SOURCE_MISSING')).toEqual([{ kind: 'hresult', value: 0x800f081f, source: 'curated/servicing.tsv' }]);
  });

  test('a name a header defines keeps the header\'s value; a different curated value is reported', () => {
    expect(find('ERROR_ACCESS_DENIED')).toEqual([{ kind: 'win32', value: 5, source: 'winerror.h' }]);
    expect(find('E_FAIL')).toEqual([{ kind: 'hresult', value: 0x80004005, source: 'winerror.h' }]);
    expect(g.skipped).toContain('servicing.tsv:4 E_FAIL: a header gives it 0x80004005');
    expect(g.skipped.some((x) => x.includes('ERROR_ACCESS_DENIED'))).toBe(false);
  });

  test.each([
    ['a bad kind', row('hr', '0x800F081F', 'X_E', 'https://example.org')],
    ['a short value', row('hresult', '0x800F81F', 'X_E', 'https://example.org')],
    ['lower-case hex', row('hresult', '0x800f081f', 'X_E', 'https://example.org')],
    ['no page', row('hresult', '0x800F081F', 'X_E', '')],
    ['a page that is not https', row('hresult', '0x800F081F', 'X_E', 'http://example.org')],
    ['a fifth column', row('hresult', '0x800F081F', 'X_E', 'https://example.org', 'a description')],
  ])('a row with %s is refused, naming its file and line', (_, text) => {
    const bad = mkdtempSync(join(tmpdir(), 'mfr-curated-bad-'));
    writeFileSync(join(bad, 'x.tsv'), `# family\n${text}\n`);
    expect(() => readCurated(bad)).toThrow(/^x\.tsv:2: /);
  });

  test('every committed curated row is well formed and names an https page', () => {
    expect(readCuratedFacilities(join(__dirname, '..', CURATED)).length).toBeGreaterThanOrEqual(40);
    const rows = readCurated(join(__dirname, '..', CURATED));
    for (const r of rows) expect(r.url).toMatch(/^https:\/\//);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });
});

describe('the expression evaluator', () => {
  const none = () => undefined;
  test.each([
    ['__MSABI_LONG(170)', 170, 'long'],
    ['_HRESULT_TYPEDEF_(0x80004005L)', 0x80004005, 'hresult'],
    ['((NTSTATUS)0xC0000022L)', 0xc0000022, 'ntstatus'],
    ['((HRESULT)0x80070005)', 0x80070005, 'hresult'],
    ['((DWORD)-1)', 0xffffffff, 'long'],
    ['(1 << 31) | (7 << 16) | 5', 0x80070005, 'plain'],
    ['MAKE_HRESULT(1, 7, 5)', 0x80070005, 'hresult'],
    ['HRESULT_FROM_WIN32(5)', 0x80070005, 'hresult'],
    ['HRESULT_FROM_NT(0xC0000022)', 0xd0000022, 'hresult'],
    ['(unsigned long)0x10 + 2', 0x12, 'long'],
  ])('%s = %d', (body, value, typing) => {
    expect(evaluate(body, none)).toEqual({ value, typing });
  });
  test.each(['"text"', 'sizeof(int)', 'FOO', '1 +', '(1'])('%s is not an integer', (body) => {
    expect(() => evaluate(body, none)).toThrow();
  });
  test('defines keep their line numbers across comments and continuations', () => {
    const d = parseDefines('/* a\n b */\n#define A \\\n 1\n#  define B(x) x\n#define C 3 // three\n');
    expect(d).toEqual([
      { name: 'A', params: undefined, body: '1', line: 3 },
      { name: 'B', params: ['x'], body: 'x', line: 5 },
      { name: 'C', params: undefined, body: '3', line: 6 },
    ]);
  });
});

// The committed tables must be what the generator makes from the headers. The headers come from
// `npm run gen:data` (scripts/fetch-headers.sh), which .ci/run runs; elsewhere, without them, this is
// skipped, unless MFR_REQUIRE_ALL is set (as in CI), which makes a skip a failure.
const headers = process.env.MFR_HEADERS ?? join(__dirname, '..', '.cache', 'headers');
const present = existsSync(join(headers, 'root', MINGW, 'winerror.h'));
if (!present) console.warn(`generator check skipped: no headers under ${headers} (run npm run gen:data to fetch them)`);
(present || process.env.MFR_REQUIRE_ALL ? test : test.skip)(`committed ${OUTPUT} matches the generator's output for the installed headers`, () => {
  if (!present) throw new Error(`MFR_REQUIRE_ALL: no headers under ${headers} (scripts/fetch-headers.sh)`);
  const root = join(headers, 'root');
  const expected = render(generate(root), readPackages(root));
  // The first line that differs, rather than a diff of a 3 MB file.
  const committed = readFileSync(join(__dirname, '..', OUTPUT), 'utf8').split('\n');
  const generated = expected.split('\n');
  const at = committed.findIndex((line, i) => line !== generated[i]);
  const first = at < 0 && committed.length === generated.length ? null : { line: (at < 0 ? committed.length : at) + 1, committed: committed[at], generated: generated[at < 0 ? committed.length : at] };
  expect(first).toBeNull();
});
