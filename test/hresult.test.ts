import { FACILITY_NT_BIT, FACILITY_WIN32, facilityOf, hresultFields, hresultFromNt, hresultFromWin32, isFailure, makeHresult, ntstatusFromHresult, win32FromHresult } from '../src/core/hresult';
import { ntstatusFields } from '../src/core/ntstatus';

test.each([
  // value, severity, R, C, N, X, facility, code
  [0x800700aa, 'failure', false, false, false, false, 7, 170],
  [0x80004005, 'failure', false, false, false, false, 0, 0x4005],
  [0x00000000, 'success', false, false, false, false, 0, 0],
  [0x00000001, 'success', false, false, false, false, 0, 1],
  [0x887a0005, 'failure', false, false, false, true, 2170, 5],
  [0xd0000022, 'failure', true, false, true, false, 0, 0x22],
  [0xa0010001, 'failure', false, true, false, false, 1, 1],
  [0xffffffff, 'failure', true, true, true, true, 0xfff, 0xffff],
])('hresultFields(%s)', (value, severity, reserved, customer, ntstatus, x, facility, code) => {
  expect(hresultFields(value)).toEqual({ severity, reserved, customer, ntstatus, x, facility, code });
});

test.each([
  [0xc0000022, 'error', false, 0, 0x22],
  [0x80000005, 'warning', false, 0, 5],
  [0x40000000, 'informational', false, 0, 0],
  [0x00000103, 'success', false, 0, 0x103],
  [0xc0130001, 'error', false, 0x13, 1],
  [0xe0000001, 'error', true, 0, 1],
])('ntstatusFields(%s)', (value, severity, customer, facility, code) => {
  expect(ntstatusFields(value)).toEqual({ severity, customer, facility, code });
});

test.each([
  [5, 0x80070005],
  [170, 0x800700aa],
  [0, 0],
  [0x80004005, 0x80004005], // already an HRESULT: unchanged
  [0x12345, 0x80072345], // only the low 16 bits are kept
])('HRESULT_FROM_WIN32(%s) = %s', (win32, hr) => {
  expect(hresultFromWin32(win32)).toBe(hr);
});

test('HRESULT_FROM_NT and the inverses', () => {
  expect(hresultFromNt(0xc0000022)).toBe(0xd0000022);
  expect(ntstatusFromHresult(0xd0000022)).toBe(0xc0000022);
  expect(ntstatusFromHresult(0x80070005)).toBeUndefined();
  expect(win32FromHresult(0x800700aa)).toBe(170);
  expect(win32FromHresult(0x000700aa)).toBeUndefined(); // S not set
  expect(win32FromHresult(0x80040005)).toBeUndefined();
});

test('MAKE_HRESULT checks its fields', () => {
  expect(makeHresult(1, 7, 170)).toBe(0x800700aa);
  expect(makeHresult(0, 0, 1)).toBe(1);
  expect(makeHresult(1, 2170, 5)).toBe(0x887a0005);
  expect(() => makeHresult(1, 0x2000, 0)).toThrow(/facility 8192 is out of range/);
  expect(() => makeHresult(1, 7, 0x10000)).toThrow(/code 65536 is out of range/);
});

describe('the HRESULT bits one at a time', () => {
  test.each([
    [0x80000000, { severity: 'failure', reserved: false, customer: false, ntstatus: false, x: false, facility: 0, code: 0 }],
    [0x40000000, { severity: 'success', reserved: true, customer: false, ntstatus: false, x: false, facility: 0, code: 0 }],
    [0x20000000, { severity: 'success', reserved: false, customer: true, ntstatus: false, x: false, facility: 0, code: 0 }],
    [0x10000000, { severity: 'success', reserved: false, customer: false, ntstatus: true, x: false, facility: 0, code: 0 }],
    [0x08000000, { severity: 'success', reserved: false, customer: false, ntstatus: false, x: true, facility: 0x800, code: 0 }],
    [0x00010000, { severity: 'success', reserved: false, customer: false, ntstatus: false, x: false, facility: 1, code: 0 }],
    [0x0fff0000, { severity: 'success', reserved: false, customer: false, ntstatus: false, x: true, facility: 0xfff, code: 0 }],
    [0x0000ffff, { severity: 'success', reserved: false, customer: false, ntstatus: false, x: false, facility: 0, code: 0xffff }],
    [0x7fffffff, { severity: 'success', reserved: true, customer: true, ntstatus: true, x: true, facility: 0xfff, code: 0xffff }],
  ])('hresultFields(%s)', (value, fields) => {
    expect(hresultFields(value)).toEqual(fields);
    expect(isFailure(value)).toBe(fields.severity === 'failure');
  });

  test('facilityOf takes bits 16–27, leaving out bit 28 (N) and above', () => {
    expect(facilityOf(0x887a0005)).toBe(2170);
    expect(facilityOf(0x9fff0000)).toBe(0xfff);
    expect(facilityOf(0x10000000)).toBe(0);
    expect(facilityOf(0x0000ffff)).toBe(0);
    expect(facilityOf(0x00010000)).toBe(1);
  });

  test('isFailure is bit 31 alone', () => {
    expect(isFailure(0x80000000)).toBe(true);
    expect(isFailure(0xffffffff)).toBe(true);
    expect(isFailure(0x7fffffff)).toBe(false);
    expect(isFailure(0)).toBe(false);
  });

  test('the constants are those of winerror.h', () => {
    expect(FACILITY_WIN32).toBe(7);
    expect(FACILITY_NT_BIT).toBe(0x10000000);
  });
});

describe('MAKE_HRESULT at the edges of its fields', () => {
  test.each([
    [0, 0, 0, 0],
    [1, 0, 0, 0x80000000],
    [0, 0x1fff, 0, 0x1fff0000],
    [1, 0x1fff, 0xffff, 0x9fffffff],
    [0, 0, 0xffff, 0x0000ffff],
    [1, 7, 5, 0x80070005],
  ] as const)('MAKE_HRESULT(%s, %s, %s) = %s', (sev, fac, code, hr) => {
    expect(makeHresult(sev, fac, code)).toBe(hr);
  });

  test.each([
    [-1, 0, 'facility -1 is out of range (0..8191)'],
    [0x2000, 0, 'facility 8192 is out of range (0..8191)'],
    [1.5, 0, 'facility 1.5 is out of range (0..8191)'],
    [Number.NaN, 0, 'facility NaN is out of range (0..8191)'],
    [0, -1, 'code -1 is out of range (0..65535)'],
    [0, 0x10000, 'code 65536 is out of range (0..65535)'],
    [0, 0.5, 'code 0.5 is out of range (0..65535)'],
    [0, Number.NaN, 'code NaN is out of range (0..65535)'],
  ])('MAKE_HRESULT(1, %s, %s) throws RangeError "%s"', (fac, code, message) => {
    expect(() => makeHresult(1, fac, code)).toThrow(new RangeError(message));
    expect(() => makeHresult(1, fac, code)).toThrow(RangeError);
  });
});

describe('HRESULT_FROM_WIN32, HRESULT_FROM_NT and their inverses at the edges', () => {
  test.each([
    [1, 0x80070001],
    [0xffff, 0x8007ffff],
    [0x10000, 0x80070000],
    [0x7fffffff, 0x8007ffff],
    [0x80000000, 0x80000000], // negative as an int: passes through
    [0xffffffff, 0xffffffff],
    [-1, 0xffffffff],
    [-2147024891, 0x80070005],
  ])('HRESULT_FROM_WIN32(%s) = %s', (win32, hr) => {
    expect(hresultFromWin32(win32)).toBe(hr);
  });

  test.each([
    [0, 0x10000000],
    [0x10000000, 0x10000000],
    [0xc0000005, 0xd0000005],
    [0xffffffff, 0xffffffff],
  ])('HRESULT_FROM_NT(%s) = %s', (nt, hr) => {
    expect(hresultFromNt(nt)).toBe(hr);
  });

  test.each([
    [0x80070000, 0],
    [0x8007ffff, 0xffff],
    [0x80070005, 5],
    [0x80060005, undefined],
    [0x80170005, undefined],
    [0x87070005, undefined],
    [0x90070005, undefined],
    [0x00070005, undefined],
    [0xffffffff, undefined],
  ])('win32FromHresult(%s) = %s', (hr, win32) => {
    expect(win32FromHresult(hr)).toBe(win32);
  });

  test.each([
    [0x10000000, 0],
    [0xd0000022, 0xc0000022],
    [0xffffffff, 0xefffffff],
    [0x1fffffff, 0x0fffffff],
    [0x0fffffff, undefined],
    [0xefffffff, undefined],
    [0, undefined],
  ])('ntstatusFromHresult(%s) = %s', (hr, nt) => {
    expect(ntstatusFromHresult(hr)).toBe(nt);
  });
});

describe('NTSTATUS fields at the edges', () => {
  test.each([
    [0x00000000, 'success', false, 0, 0],
    [0x3fffffff, 'success', true, 0xfff, 0xffff],
    [0x40000000, 'informational', false, 0, 0],
    [0x7fffffff, 'informational', true, 0xfff, 0xffff],
    [0x80000000, 'warning', false, 0, 0],
    [0xbfffffff, 'warning', true, 0xfff, 0xffff],
    [0xc0000000, 'error', false, 0, 0],
    [0xffffffff, 'error', true, 0xfff, 0xffff],
    [0x10000000, 'success', false, 0, 0], // N: reserved, in no field
    [0x00010000, 'success', false, 1, 0],
    [0x0000ffff, 'success', false, 0, 0xffff],
  ])('ntstatusFields(%s) is %s, customer %s, facility %s, code %s', (value, severity, customer, facility, code) => {
    expect(ntstatusFields(value)).toEqual({ severity, customer, facility, code });
  });
});
