import { decode, decodeInput } from '../src/core/decode';
import { DwordParseError } from '../src/core/dword';

const kinds = (v: number) => decode(v).interpretations.map((r) => `${r.kind}:${r.names[0]?.name ?? '-'}`);

describe('decode: one value, every reading', () => {
  test('0x800700AA is E_BUSY from the seed, facility WIN32, Win32 ERROR_BUSY', () => {
    const d = decode(0x800700aa);
    expect(d).toMatchObject({
      hex: '0x800700AA',
      unsigned: 2147942570,
      signed: -2147024726,
      name: 'E_BUSY',
      description: 'Something else currently holds the object or device; retry later, or find the process or operation that owns it.',
      descriptionSource: 'mfr',
      migration: { name: 'E_BUSY', description: 'The migration failed because another migration was in progress.' },
      severity: 'failure',
      facility: { value: 7, name: 'WIN32' },
      code: 170,
      win32: { code: 170, name: 'ERROR_BUSY' },
      wrappedNtstatus: null,
    });
    expect(kinds(0x800700aa)[0]).toBe('migration-failure-reason:E_BUSY');
    expect(kinds(0x800700aa)).toContain('hresult-from-win32:ERROR_BUSY');
  });

  test.each([
    [0x00000000, 'S_OK', 'The migration completed successfully.'],
    [0x80004005, 'E_FAIL', 'The migration failed for some other reason.'],
  ])('seed value %s: its migration meaning under its own label, the general one as description', (value, name, migration) => {
    const d = decode(value);
    expect(d).toMatchObject({ name, migration: { name, description: migration }, descriptionSource: 'mfr' });
    expect(d.description).not.toMatch(/migration/);
    expect(decode(5).migration).toBeNull();
  });

  test.each([
    // value, primary name, severity, facility name, facility number, code
    [0x00000001, 'ERROR_INVALID_FUNCTION', 'failure', 'WIN32', 7, 1],
    [0x80004001, 'E_NOTIMPL', 'failure', 'NULL', 0, 0x4001],
    [0x80004002, 'E_NOINTERFACE', 'failure', 'NULL', 0, 0x4002],
    [0x80004003, 'E_POINTER', 'failure', 'NULL', 0, 0x4003],
    [0x80004004, 'E_ABORT', 'failure', 'NULL', 0, 0x4004],
    [0x8000ffff, 'E_UNEXPECTED', 'failure', 'NULL', 0, 0xffff],
    [0x80070005, 'E_ACCESSDENIED', 'failure', 'WIN32', 7, 5],
    [0x80070006, 'E_HANDLE', 'failure', 'WIN32', 7, 6],
    [0x8007000e, 'E_OUTOFMEMORY', 'failure', 'WIN32', 7, 14],
    [0x80070057, 'E_INVALIDARG', 'failure', 'WIN32', 7, 87],
    [0x8000000a, 'E_PENDING', 'failure', 'NULL', 0, 10],
    [0x887a0005, 'DXGI_ERROR_DEVICE_REMOVED', 'failure', 'DXGI', 2170, 5],
    [0x80240001, 'WU_E_NO_SERVICE', 'failure', 'WINDOWSUPDATE', 36, 1],
    [0x80200001, 'BG_E_NOT_FOUND', 'failure', 'BACKGROUNDCOPY', 32, 1],
    [0x800706ba, 'RPC_S_SERVER_UNAVAILABLE', 'failure', 'WIN32', 7, 1722],
    [0xc0000022, 'STATUS_ACCESS_DENIED', 'error', null, 0, 0x22],
    [0xc0000005, 'STATUS_ACCESS_VIOLATION', 'error', null, 0, 5],
    // A small value is a Win32 error first: a failure of facility WIN32, as HRESULT_FROM_WIN32 wraps it.
    [2, 'ERROR_FILE_NOT_FOUND', 'failure', 'WIN32', 7, 2],
    [5, 'ERROR_ACCESS_DENIED', 'failure', 'WIN32', 7, 5],
    [170, 'ERROR_BUSY', 'failure', 'WIN32', 7, 170],
    [259, 'ERROR_NO_MORE_ITEMS', 'failure', 'WIN32', 7, 259],
    [740, 'ERROR_ELEVATION_REQUIRED', 'failure', 'WIN32', 7, 740],
    [5042, 'ERROR_CLUSTER_NODE_NOT_FOUND', 'failure', 'WIN32', 7, 5042],
  ])('%s → %s', (value, name, severity, facilityName, facility, code) => {
    const d = decode(value);
    expect(d.name).toBe(name);
    expect(d.severity).toBe(severity);
    expect(d.facility).toEqual({ value: facility, name: facilityName });
    expect(d.code).toBe(code);
    expect(d.description).toEqual(expect.any(String));
  });

  test('0xD0000022 wraps STATUS_ACCESS_DENIED (HRESULT_FROM_NT)', () => {
    const d = decode(0xd0000022);
    expect(d.wrappedNtstatus).toEqual({ value: 0xc0000022, hex: '0xC0000022', name: 'STATUS_ACCESS_DENIED' });
    expect(d.hresult.ntstatus).toBe(true);
    expect(kinds(0xd0000022)[0]).toBe('hresult-from-nt:STATUS_ACCESS_DENIED');
  });

  test('a small value is also a Win32 error, and 0 has every success name', () => {
    expect(kinds(5)).toEqual(['win32:ERROR_ACCESS_DENIED', 'hresult:-']);
    const zero = decode(0).names.map((n) => n.name);
    expect(zero[0]).toBe('S_OK');
    expect(zero).toEqual(expect.arrayContaining(['S_OK', 'ERROR_SUCCESS', 'NO_ERROR', 'STATUS_SUCCESS']));
  });

  test('several names for one value, each with its source', () => {
    const names = decode(0x800700aa).names;
    expect(names[0]).toEqual({ name: 'E_BUSY', kind: 'hresult', source: 'MigrationFailureReason' });
    expect(names).toContainEqual({ name: 'ERROR_BUSY', kind: 'win32', source: 'winerror.h' });
  });

  test('an unknown value still gets every field, with no name', () => {
    const d = decode(0xa0123456);
    expect(d).toMatchObject({ name: null, description: null, severity: 'failure', code: 0x3456 });
    expect(d.hresult).toMatchObject({ customer: true, facility: 0x12 });
  });

  test('descriptions: written ones are marked mfr, the rest derived from the name', () => {
    expect(decode(5)).toMatchObject({ descriptionSource: 'mfr' });
    expect(decode(0x087a0002)).toMatchObject({ name: 'DXGI_STATUS_CLIPPED', description: 'Clipped.', descriptionSource: 'derived' });
  });

  test('the name and the description come from the same reading', () => {
    for (const v of [1, 2, 259, 0x80070005, 0xc0000022, 0xd0000022]) {
      const d = decode(v);
      const primary = d.interpretations.find((r) => r.names.length > 0);
      expect([d.name, d.description]).toEqual([primary?.names[0]?.name, primary?.description]);
    }
  });

  test('header precedence: winerror.h and ntstatus.h names before component headers', () => {
    expect(decode(2).names.map((n) => n.source)).toEqual(['winerror.h', 'ntstatus.h', 'dinput.h']);
    expect(decode(0x80070005).names[0]).toEqual({ name: 'E_ACCESSDENIED', kind: 'hresult', source: 'winerror.h' });
  });

  test('a caller that knows the kind puts that reading first', () => {
    expect(decode(1, 'hresult')).toMatchObject({ name: 'S_FALSE', layout: 'hresult', severity: 'success' });
    expect(decode(259, 'ntstatus')).toMatchObject({ name: 'STATUS_PENDING', layout: 'ntstatus', severity: 'success' });
    expect(decode(259)).toMatchObject({ name: 'ERROR_NO_MORE_ITEMS', layout: 'win32' });
  });

  test('only 0x8007xxxx wraps a Win32 error: the R, C, N and X bits rule it out', () => {
    for (const v of [0xa0070005, 0xc0070005, 0x88070005]) expect(decode(v).win32).toBeNull();
    expect(decode(0x80070005).win32).toEqual({ code: 5, name: 'ERROR_ACCESS_DENIED' });
  });

  test.each([-1, 0x100000000, 1.5])('decode(%s) refuses a non-DWORD', (v) => {
    expect(() => decode(v)).toThrow(RangeError);
  });
});

describe('decodeInput', () => {
  test('eight digits that name a code as hex, and nothing as decimal, are read as hex first', () => {
    const d = decodeInput('80070005');
    expect(d).toMatchObject({ value: 0x80070005, notation: 'bare-hex', name: 'E_ACCESSDENIED' });
    expect(d.otherReading).toEqual({ value: 80070005, hex: '0x04C5C575', name: null, notation: 'decimal' });
  });
  test('digits whose hex reading names nothing stay decimal, with no note', () => {
    expect(decodeInput('10054')).toMatchObject({ value: 10054, notation: 'decimal', name: 'WSAECONNRESET', otherReading: null });
  });
  test('a plain decimal has no other reading', () => {
    expect(decodeInput('170').otherReading).toBeNull();
    expect(decodeInput('2147942570').otherReading).toBeNull();
  });
  test('keeps the input and its notation', () => {
    expect(decodeInput('-2147024726')).toMatchObject({ input: '-2147024726', notation: 'signed-decimal', name: 'E_BUSY' });
  });
  test('bad input throws the parse error', () => {
    expect(() => decodeInput('0xZZ')).toThrow(DwordParseError);
  });
});
