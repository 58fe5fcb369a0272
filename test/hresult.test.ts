import { hresultFields, hresultFromNt, hresultFromWin32, makeHresult, ntstatusFromHresult, win32FromHresult } from '../src/core/hresult';
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
