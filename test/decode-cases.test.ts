// decode and decodeInput at the edges: every reading with its hex, the order of the readings, the
// fields of the primary one, and what decodeInput makes of keywords, names and digits.
import { type Decoded, decode, decodeInput, decodeRead, generalDescription, readInput } from '../src/core/decode';
import { DwordParseError } from '../src/core/dword';

/** Each reading as [kind, value, hex, its first three names, where its description comes from]. */
const readings = (d: Decoded) => d.interpretations.map((r) => [r.kind, r.value, r.hex, r.names.map((n) => n.name).slice(0, 3), r.descriptionSource]);
/** The fields a user reads first, without the readings and the two layouts. */
const summary = ({ interpretations: _i, names: _n, hresult: _h, ntstatus: _t, ...rest }: Decoded) => rest;

describe('decode: the readings of a value, in order, each with its hex', () => {
  test.each([
    [0, [['migration-failure-reason', 0, '0x00000000', ['S_OK'], 'seed'], ['win32', 0, '0x0000', ['ERROR_SUCCESS', 'NO_ERROR', 'DNS_ERROR_RCODE_NO_ERROR'], 'mfr'], ['hresult', 0, '0x00000000', ['SEC_E_OK', 'DS_S_SUCCESS', 'NOERROR'], 'mfr'], ['ntstatus', 0, '0x00000000', ['STATUS_SUCCESS', 'STATUS_WAIT_0'], 'mfr']]],
    [5, [['win32', 5, '0x0005', ['ERROR_ACCESS_DENIED'], 'mfr'], ['hresult', 5, '0x00000005', [], null]]],
    [0xffff, [['win32', 0xffff, '0xFFFF', [], null], ['hresult', 0xffff, '0x0000FFFF', [], null]]],
    [0x10000, [['hresult', 0x10000, '0x00010000', [], null]]],
    [0x800700aa, [['migration-failure-reason', 0x800700aa, '0x800700AA', ['E_BUSY'], 'seed'], ['hresult-from-win32', 170, '0x00AA', ['ERROR_BUSY'], 'mfr'], ['hresult', 0x800700aa, '0x800700AA', ['DIERR_ACQUIRED'], 'derived']]],
    [0x80004005, [['migration-failure-reason', 0x80004005, '0x80004005', ['E_FAIL'], 'seed'], ['hresult', 0x80004005, '0x80004005', ['E_FAIL', 'DDERR_GENERIC', 'DSERR_GENERIC'], 'mfr']]],
    [0x80072ee1, [['hresult', 0x80072ee1, '0x80072EE1', ['WININET_E_OUT_OF_HANDLES'], 'derived'], ['hresult-from-win32', 12001, '0x2EE1', ['ERROR_WINHTTP_OUT_OF_HANDLES', 'ERROR_INTERNET_OUT_OF_HANDLES'], 'derived']]],
    // HRESULT_FROM_NT: the NTSTATUS inside, named or not; no NTSTATUS reading of the value itself.
    [0xd0000022, [['hresult-from-nt', 0xc0000022, '0xC0000022', ['STATUS_ACCESS_DENIED'], 'mfr'], ['hresult', 0xd0000022, '0xD0000022', [], null]]],
    [0xd0001234, [['hresult', 0xd0001234, '0xD0001234', [], null], ['hresult-from-nt', 0xc0001234, '0xC0001234', [], null]]],
    // An error-severity value no header names may be an NTSTATUS.
    [0xc0fe1234, [['hresult', 0xc0fe1234, '0xC0FE1234', [], null], ['ntstatus', 0xc0fe1234, '0xC0FE1234', [], null]]],
    [0xc0000000, [['hresult', 0xc0000000, '0xC0000000', [], null], ['ntstatus', 0xc0000000, '0xC0000000', [], null]]],
    [0x80fe1234, [['hresult', 0x80fe1234, '0x80FE1234', [], null]]],
    // ... but not one a header names as an HRESULT.
    [0xc0041678, [['hresult', 0xc0041678, '0xC0041678', ['QUTIL_E_INVALID_CODEPAGE'], 'derived']]],
    // An NTSTATUS from ntstatus.h before an HRESULT from Wine's winerror.h.
    [0x8000000b, [['ntstatus', 0x8000000b, '0x8000000B', ['STATUS_NO_INHERITANCE'], 'derived'], ['hresult', 0x8000000b, '0x8000000B', ['E_BOUNDS'], 'mfr']]],
    [0x40000000, [['ntstatus', 0x40000000, '0x40000000', ['STATUS_OBJECT_NAME_EXISTS'], 'derived'], ['hresult', 0x40000000, '0x40000000', [], null]]],
    // A large value a header defines as a Win32 error (SetupAPI's) is one, with its full hex.
    [0xe0000100, [['win32', 0xe0000100, '0xE0000100', ['ERROR_WRONG_INF_STYLE'], 'derived'], ['hresult', 0xe0000100, '0xE0000100', [], null], ['ntstatus', 0xe0000100, '0xE0000100', [], null]]],
  ])('decode(%s)', (value, expected) => {
    expect(readings(decode(value))).toEqual(expected);
  });

  test('the seed\'s reading names the value table as its source and carries its migration text', () => {
    expect(decode(0x800700aa).interpretations[0]).toEqual({
      kind: 'migration-failure-reason',
      value: 0x800700aa,
      hex: '0x800700AA',
      names: [{ name: 'E_BUSY', kind: 'hresult', source: 'MigrationFailureReason' }],
      description: 'The migration failed because another migration was in progress.',
      descriptionSource: 'seed',
    });
  });

  test('each reading has its own description; a written one of any of its names beats the first name\'s derived one', () => {
    expect(decode(0x80072ee1).interpretations.map((r) => r.description)).toEqual(['Out of handles.', 'Winhttp out of handles.']);
    expect(decode(0x800700aa).interpretations.map((r) => r.description)).toEqual([
      'The migration failed because another migration was in progress.',
      'Something else currently holds the object or device; retry later, or find the process or operation that owns it.',
      'Acquired.',
    ]);
    const fail = decode(0x80004005).interpretations[1];
    expect([fail?.names[0]?.name, fail?.descriptionSource, fail?.description]).toEqual(['E_FAIL', 'mfr', 'A catch-all failure: the component gave no more specific code, so its own log, event records or inner exception hold the real cause.']);
  });

  test('names: every reading\'s, most likely first, each once', () => {
    expect(decode(0x8000000b).names).toEqual([
      { name: 'STATUS_NO_INHERITANCE', kind: 'ntstatus', source: 'ntstatus.h' },
      { name: 'E_BOUNDS', kind: 'hresult', source: 'wine/winerror.h' },
    ]);
    expect(decode(0x80072ee1).names).toEqual([
      { name: 'WININET_E_OUT_OF_HANDLES', kind: 'hresult', source: 'wine/winerror.h' },
      { name: 'ERROR_WINHTTP_OUT_OF_HANDLES', kind: 'win32', source: 'winhttp.h' },
      { name: 'ERROR_INTERNET_OUT_OF_HANDLES', kind: 'win32', source: 'wininet.h' },
    ]);
    // E_FAIL is both the seed's and winerror.h's: it is listed once, as the seed's.
    const fail = decode(0x80004005).names;
    expect(fail.filter((n) => n.name === 'E_FAIL')).toEqual([{ name: 'E_FAIL', kind: 'hresult', source: 'MigrationFailureReason' }]);
    expect(fail.slice(0, 3).map((n) => n.name)).toEqual(['E_FAIL', 'DDERR_GENERIC', 'DSERR_GENERIC']);
    expect(decode(0xc0fe1234).names).toEqual([]);
  });
});

describe('decode: the fields of the primary reading', () => {
  test.each([
    [0, { value: 0, hex: '0x00000000', unsigned: 0, signed: 0, name: 'S_OK', description: 'The call completed without error; if a tool still reports a failure, the real error is elsewhere.', descriptionSource: 'mfr', migration: { name: 'S_OK', description: 'The migration completed successfully.' }, layout: 'hresult', severity: 'success', facility: { value: 0, name: 'NULL' }, code: 0, win32: { code: 0, name: 'ERROR_SUCCESS' }, wrappedNtstatus: null }],
    [5, { value: 5, hex: '0x00000005', unsigned: 5, signed: 5, name: 'ERROR_ACCESS_DENIED', description: 'The caller lacks the rights the operation needs: check the account, the ACL on the object, and whether the process must run elevated.', descriptionSource: 'mfr', migration: null, layout: 'win32', severity: 'failure', facility: { value: 7, name: 'WIN32' }, code: 5, win32: { code: 5, name: 'ERROR_ACCESS_DENIED' }, wrappedNtstatus: null }],
    [0xffff, { value: 0xffff, hex: '0x0000FFFF', unsigned: 0xffff, signed: 0xffff, name: null, description: null, descriptionSource: null, migration: null, layout: 'hresult', severity: 'success', facility: { value: 0, name: 'NULL' }, code: 0xffff, win32: { code: 0xffff, name: null }, wrappedNtstatus: null }],
    [0x10000, { value: 0x10000, hex: '0x00010000', unsigned: 0x10000, signed: 0x10000, name: null, description: null, descriptionSource: null, migration: null, layout: 'hresult', severity: 'success', facility: { value: 1, name: 'RPC' }, code: 0, win32: null, wrappedNtstatus: null }],
    [0x8000000b, { value: 0x8000000b, hex: '0x8000000B', unsigned: 0x8000000b, signed: -2147483637, name: 'STATUS_NO_INHERITANCE', description: 'No inheritance.', descriptionSource: 'derived', migration: null, layout: 'ntstatus', severity: 'warning', facility: { value: 0, name: null }, code: 11, win32: null, wrappedNtstatus: null }],
    [0xd0000022, { value: 0xd0000022, hex: '0xD0000022', unsigned: 0xd0000022, signed: -805306334, name: 'STATUS_ACCESS_DENIED', description: "The caller lacks the access rights the object requires; check its security descriptor and the caller's token.", descriptionSource: 'mfr', migration: null, layout: 'hresult', severity: 'failure', facility: { value: 0, name: 'NULL' }, code: 34, win32: null, wrappedNtstatus: { value: 0xc0000022, hex: '0xC0000022', name: 'STATUS_ACCESS_DENIED' } }],
    [0xd0001234, { value: 0xd0001234, hex: '0xD0001234', unsigned: 0xd0001234, signed: -805301708, name: null, description: null, descriptionSource: null, migration: null, layout: 'hresult', severity: 'failure', facility: { value: 0, name: 'NULL' }, code: 0x1234, win32: null, wrappedNtstatus: { value: 0xc0001234, hex: '0xC0001234', name: null } }],
    [0xe0000100, { value: 0xe0000100, hex: '0xE0000100', unsigned: 0xe0000100, signed: -536870656, name: 'ERROR_WRONG_INF_STYLE', description: 'Wrong inf style.', descriptionSource: 'derived', migration: null, layout: 'win32', severity: 'failure', facility: { value: 7, name: 'WIN32' }, code: 256, win32: null, wrappedNtstatus: null }],
    [0x40000000, { value: 0x40000000, hex: '0x40000000', unsigned: 0x40000000, signed: 0x40000000, name: 'STATUS_OBJECT_NAME_EXISTS', description: 'Object name exists.', descriptionSource: 'derived', migration: null, layout: 'ntstatus', severity: 'informational', facility: { value: 0, name: null }, code: 0, win32: null, wrappedNtstatus: null }],
    [0xffffffff, { value: 0xffffffff, hex: '0xFFFFFFFF', unsigned: 0xffffffff, signed: -1, name: null, description: null, descriptionSource: null, migration: null, layout: 'hresult', severity: 'failure', facility: { value: 0xfff, name: null }, code: 0xffff, win32: null, wrappedNtstatus: { value: 0xefffffff, hex: '0xEFFFFFFF', name: null } }],
  ])('decode(%s)', (value, fields) => {
    expect(summary(decode(value))).toEqual(fields);
  });

  test('both layouts are always given, with their facility names', () => {
    const d = decode(0x800700aa);
    expect(d.hresult).toEqual({ severity: 'failure', reserved: false, customer: false, ntstatus: false, x: false, facility: 7, code: 170, facilityName: 'WIN32' });
    expect(d.ntstatus).toEqual({ severity: 'warning', customer: false, facility: 7, code: 170, facilityName: 'NTWIN32' });
    expect(decode(0x10000).ntstatus).toEqual({ severity: 'success', customer: false, facility: 1, code: 0, facilityName: 'DEBUGGER' });
  });

  test('for the seed\'s values the general description is the best other reading\'s, a written one first', () => {
    expect(decode(0x800700aa)).toMatchObject({ description: 'Something else currently holds the object or device; retry later, or find the process or operation that owns it.', descriptionSource: 'mfr' });
    // With the HRESULT reading put first, its derived text ("Acquired.") still loses to the written one.
    expect(decode(0x800700aa, 'hresult')).toMatchObject({ name: 'E_BUSY', description: 'Something else currently holds the object or device; retry later, or find the process or operation that owns it.', descriptionSource: 'mfr' });
    expect(decode(0, 'ntstatus')).toMatchObject({ name: 'S_OK', description: 'Success: no error occurred; if something still failed, the real cause is reported elsewhere.', descriptionSource: 'mfr' });
  });

  test('generalDescription pairs the description with its source, or is null', () => {
    expect(generalDescription(decode(5))).toEqual({ text: 'The caller lacks the rights the operation needs: check the account, the ACL on the object, and whether the process must run elevated.', source: 'mfr' });
    expect(generalDescription(decode(0x40000000))).toEqual({ text: 'Object name exists.', source: 'derived' });
    expect(generalDescription(decode(0xc0fe1234))).toBeNull();
    expect(generalDescription({ ...decode(5), descriptionSource: null })).toBeNull();
    expect(generalDescription({ ...decode(5), description: null })).toBeNull();
  });
});

describe('decode: a caller that knows the kind', () => {
  test.each([
    [0x8000000b, 'hresult', 'E_BOUNDS', 'hresult', 'failure', ['hresult', 'ntstatus']],
    [0x8000000b, 'ntstatus', 'STATUS_NO_INHERITANCE', 'ntstatus', 'warning', ['ntstatus', 'hresult']],
    [0x800700aa, 'win32', 'E_BUSY', 'hresult', 'failure', ['migration-failure-reason', 'hresult-from-win32', 'hresult']],
    [0xe0000100, 'ntstatus', 'ERROR_WRONG_INF_STYLE', 'win32', 'failure', ['ntstatus', 'win32', 'hresult']],
    [5, 'hresult', 'ERROR_ACCESS_DENIED', 'win32', 'failure', ['hresult', 'win32']],
    [0, 'ntstatus', 'S_OK', 'hresult', 'success', ['migration-failure-reason', 'ntstatus', 'win32', 'hresult']],
  ] as const)('decode(%s, %s) is %s, layout %s, %s', (value, prefer, name, layout, severity, kinds) => {
    const d = decode(value, prefer);
    expect([d.name, d.layout, d.severity, d.interpretations.map((r) => r.kind)]).toEqual([name, layout, severity, kinds]);
  });
});

describe('decodeInput: keywords, names and digits', () => {
  const brief = (text: string) => {
    const d = decodeInput(text);
    return { value: d.value, notation: d.notation, name: d.name, names: d.names.map((n) => n.name).slice(0, 3), layout: d.layout, kinds: d.interpretations.map((r) => r.kind), otherReading: d.otherReading };
  };

  test.each([
    // A keyword puts its kind first for a small value; for a large one the value speaks for itself.
    ['hr=1', { value: 1, notation: 'decimal', name: 'S_FALSE', names: ['S_FALSE', 'DD_FALSE', 'DI_NOTATTACHED'], layout: 'hresult', kinds: ['hresult', 'win32', 'ntstatus'], otherReading: null }],
    ['NTSTATUS 1', { value: 1, notation: 'decimal', name: 'STATUS_WAIT_1', names: ['STATUS_WAIT_1', 'ERROR_INVALID_FUNCTION', 'S_FALSE'], layout: 'ntstatus', kinds: ['ntstatus', 'win32', 'hresult'], otherReading: null }],
    ['hr=5', { value: 5, notation: 'decimal', name: 'ERROR_ACCESS_DENIED', names: ['ERROR_ACCESS_DENIED'], layout: 'win32', kinds: ['hresult', 'win32'], otherReading: null }],
    ['hr=0xFFFF', { value: 0xffff, notation: 'hex', name: null, names: [], layout: 'hresult', kinds: ['hresult', 'win32'], otherReading: null }],
    ['hr=0x10000', { value: 0x10000, notation: 'hex', name: null, names: [], layout: 'hresult', kinds: ['hresult'], otherReading: null }],
    ['hr=0x8000000B', { value: 0x8000000b, notation: 'hex', name: 'STATUS_NO_INHERITANCE', names: ['STATUS_NO_INHERITANCE', 'E_BOUNDS'], layout: 'ntstatus', kinds: ['ntstatus', 'hresult'], otherReading: null }],
    ['NTSTATUS 0x8000000B', { value: 0x8000000b, notation: 'hex', name: 'STATUS_NO_INHERITANCE', names: ['STATUS_NO_INHERITANCE', 'E_BOUNDS'], layout: 'ntstatus', kinds: ['ntstatus', 'hresult'], otherReading: null }],
    // A name is its own reading, and comes first among the value's names.
    ['E_BOUNDS', { value: 0x8000000b, notation: 'name', name: 'E_BOUNDS', names: ['E_BOUNDS', 'STATUS_NO_INHERITANCE'], layout: 'hresult', kinds: ['hresult', 'ntstatus'], otherReading: null }],
    ['hr=E_BOUNDS', { value: 0x8000000b, notation: 'name', name: 'E_BOUNDS', names: ['E_BOUNDS', 'STATUS_NO_INHERITANCE'], layout: 'hresult', kinds: ['hresult', 'ntstatus'], otherReading: null }],
    ['STATUS_NO_INHERITANCE', { value: 0x8000000b, notation: 'name', name: 'STATUS_NO_INHERITANCE', names: ['STATUS_NO_INHERITANCE', 'E_BOUNDS'], layout: 'ntstatus', kinds: ['ntstatus', 'hresult'], otherReading: null }],
    ['ERROR_SUCCESS', { value: 0, notation: 'name', name: 'ERROR_SUCCESS', names: ['ERROR_SUCCESS', 'S_OK', 'NO_ERROR'], layout: 'hresult', kinds: ['migration-failure-reason', 'win32', 'hresult', 'ntstatus'], otherReading: null }],
    ['S_OK', { value: 0, notation: 'name', name: 'S_OK', names: ['S_OK', 'SEC_E_OK', 'DS_S_SUCCESS'], layout: 'hresult', kinds: ['migration-failure-reason', 'hresult', 'win32', 'ntstatus'], otherReading: null }],
    ['ERROR_INTERNET_OUT_OF_HANDLES', { value: 12001, notation: 'name', name: 'ERROR_INTERNET_OUT_OF_HANDLES', names: ['ERROR_INTERNET_OUT_OF_HANDLES', 'ERROR_WINHTTP_OUT_OF_HANDLES'], layout: 'win32', kinds: ['win32', 'hresult'], otherReading: null }],
    ['STIERR_READONLY', { value: 0x80070005, notation: 'name', name: 'STIERR_READONLY', names: ['STIERR_READONLY', 'E_ACCESSDENIED', 'DSERR_ACCESSDENIED'], layout: 'hresult', kinds: ['hresult', 'hresult-from-win32'], otherReading: null }],
    // Digits that could be hex: the reading with a name is taken.
    [' 80070005 ', { value: 0x80070005, notation: 'bare-hex', name: 'E_ACCESSDENIED', names: ['E_ACCESSDENIED', 'DSERR_ACCESSDENIED', 'DIERR_OTHERAPPHASPRIO'], layout: 'hresult', kinds: ['hresult', 'hresult-from-win32'], otherReading: { value: 80070005, hex: '0x04C5C575', name: null, notation: 'decimal' } }],
    ['80004005', { value: 0x80004005, notation: 'bare-hex', name: 'E_FAIL', names: ['E_FAIL', 'DDERR_GENERIC', 'DSERR_GENERIC'], layout: 'hresult', kinds: ['migration-failure-reason', 'hresult'], otherReading: { value: 80004005, hex: '0x04C4C3A5', name: null, notation: 'decimal' } }],
    ['C0000005', { value: 0xc0000005, notation: 'bare-hex', name: 'STATUS_ACCESS_VIOLATION', names: ['STATUS_ACCESS_VIOLATION'], layout: 'ntstatus', kinds: ['ntstatus', 'hresult'], otherReading: null }],
    ['40000000', { value: 0x40000000, notation: 'bare-hex', name: 'STATUS_OBJECT_NAME_EXISTS', names: ['STATUS_OBJECT_NAME_EXISTS'], layout: 'ntstatus', kinds: ['ntstatus', 'hresult'], otherReading: { value: 40000000, hex: '0x02625A00', name: null, notation: 'decimal' } }],
    ['65535', { value: 65535, notation: 'decimal', name: null, names: [], layout: 'hresult', kinds: ['win32', 'hresult'], otherReading: null }],
    ['10000', { value: 10000, notation: 'decimal', name: null, names: [], layout: 'hresult', kinds: ['win32', 'hresult'], otherReading: null }],
    ['2147942405', { value: 0x80070005, notation: 'decimal', name: 'E_ACCESSDENIED', names: ['E_ACCESSDENIED', 'DSERR_ACCESSDENIED', 'DIERR_OTHERAPPHASPRIO'], layout: 'hresult', kinds: ['hresult', 'hresult-from-win32'], otherReading: null }],
    ['0x80070005', { value: 0x80070005, notation: 'hex', name: 'E_ACCESSDENIED', names: ['E_ACCESSDENIED', 'DSERR_ACCESSDENIED', 'DIERR_OTHERAPPHASPRIO'], layout: 'hresult', kinds: ['hresult', 'hresult-from-win32'], otherReading: null }],
  ])('%j', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  test('decodeInput keeps the input as given, and readInput says what it read without decoding', () => {
    expect(decodeInput(' hr=0x8000000B ')).toMatchObject({ input: ' hr=0x8000000B ', notation: 'hex' });
    expect(readInput('hr=1')).toEqual({ input: 'hr=1', notation: 'decimal', value: 1, prefer: 'hresult', name: undefined, otherReading: null });
    expect(readInput('hr=0x8000000B')).toEqual({ input: 'hr=0x8000000B', notation: 'hex', value: 0x8000000b, prefer: undefined, name: undefined, otherReading: null });
    expect(readInput('hr=0xFFFF')).toEqual({ input: 'hr=0xFFFF', notation: 'hex', value: 0xffff, prefer: 'hresult', name: undefined, otherReading: null });
    expect(readInput('hr=0x10000')).toEqual({ input: 'hr=0x10000', notation: 'hex', value: 0x10000, prefer: undefined, name: undefined, otherReading: null });
    expect(readInput('NTSTATUS 0x8000000B')).toEqual({ input: 'NTSTATUS 0x8000000B', notation: 'hex', value: 0x8000000b, prefer: 'ntstatus', name: undefined, otherReading: null });
    expect(readInput('E_BOUNDS')).toEqual({ input: 'E_BOUNDS', notation: 'name', value: 0x8000000b, prefer: 'hresult', name: 'E_BOUNDS', otherReading: null });
    expect(readInput('80070005')).toEqual({ input: '80070005', notation: 'bare-hex', value: 0x80070005, prefer: undefined, name: undefined, otherReading: { value: 80070005, hex: '0x04C5C575', name: null, notation: 'decimal' } });
  });

  test('decodeRead puts the given name first only when the value has it', () => {
    expect(decodeRead({ value: 0x8000000b, prefer: undefined, name: 'E_BOUNDS' })).toMatchObject({ name: 'E_BOUNDS', names: [{ name: 'E_BOUNDS' }, { name: 'STATUS_NO_INHERITANCE' }] });
    expect(decodeRead({ value: 0x8000000b, prefer: undefined, name: 'E_FAIL' })).toMatchObject({ name: 'STATUS_NO_INHERITANCE', names: [{ name: 'STATUS_NO_INHERITANCE' }, { name: 'E_BOUNDS' }] });
    expect(decodeRead({ value: 0x8000000b, prefer: undefined, name: undefined }).name).toBe('STATUS_NO_INHERITANCE');
  });

  test.each([
    ['E_ACCESDENIED', 'no code has this name, and it is not a number; did you mean E_ACCESSDENIED?'],
    ['QQQQQQQQQQQQQQQQ', 'no code has this name, and it is not a number'],
    ['Q_Q', 'no code has this name, and it is not a number'],
    ['abc', 'no code has this name, and it is not a number'],
    ['_ab', 'no code has this name, and it is not a number'],
    ['ab', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['x5y', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['5zzz', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['abc!', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['0xZZ', 'not a hex number (digits 0-9, a-f after 0x)'],
    ['4294967296', 'out of range for a DWORD (0..0xFFFFFFFF, or -2147483648..-1 as a signed 32-bit value)'],
  ])('decodeInput(%j) throws DwordParseError "%s"', (text, detail) => {
    let error: unknown;
    try {
      decodeInput(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DwordParseError);
    expect([(error as DwordParseError).input, (error as DwordParseError).message]).toEqual([text, `${JSON.stringify(text)}: ${detail}`]);
  });
});

describe('decodeInput: a word that is no code', () => {
  test.each([
    ['  Q_Q  ', 'no code has this name, and it is not a number'],
    ['ERROR_FILE_NOT_FOUNDXXX', 'no code has this name, and it is not a number; did you mean ERROR_FILE_NOT_FOUND, ERROR_LINE_NOT_FOUND, ERROR_DLL_NOT_FOUND?'],
  ])('%j: a syntax error that suggests up to three names', (text, detail) => {
    let error: unknown;
    try {
      decodeInput(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DwordParseError);
    const e = error as DwordParseError;
    expect([e.input, e.reason, e.message]).toEqual([text, 'syntax', `${JSON.stringify(text)}: ${detail}`]);
  });
});
