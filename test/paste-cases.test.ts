// What people paste into decode, read in process: keywords, punctuation, debugger notations, names.
import { DwordParseError } from '../src/core/dword';
import { isKeywordToken, readPasted } from '../src/core/paste';

describe('readPasted: a value with its keyword', () => {
  test.each([
    ['hr=5', 'hresult'],
    ['HRESULT: 5', 'hresult'],
    ['hres=5', 'hresult'],
    ['NTSTATUS 5', 'ntstatus'],
    ['nt status: 5', 'ntstatus'],
    ['NT\tStatus: 5', 'ntstatus'],
    ['status=5', 'ntstatus'],
    ['WinError: 5', 'win32'],
    ['win32 error 5', 'win32'],
    ['System Error 5', 'win32'],
    ['GetLastError 5', 'win32'],
    ['lasterror=5', 'win32'],
  ])('%j is 5, and the keyword says it is %s', (text, kind) => {
    expect(readPasted(text)).toEqual({ value: 5, notation: 'decimal', kind });
  });

  test.each([
    ['hr = 5', { value: 5, notation: 'decimal', kind: 'hresult' }],
    ['hr # 5', { value: 5, notation: 'decimal', kind: 'hresult' }],
    ['hr:\t5', { value: 5, notation: 'decimal', kind: 'hresult' }],
    ['hr:5.', { value: 5, notation: 'decimal', kind: 'hresult' }],
    ['{hr=5}', { value: 5, notation: 'decimal', kind: 'hresult' }],
    ['hr=(0x5)', { value: 5, notation: 'hex', kind: 'hresult' }],
    ['HRESULT: "0x80070005".', { value: 0x80070005, notation: 'hex', kind: 'hresult' }],
    ['NTSTATUS -1073741819', { value: 0xc0000005, notation: 'signed-decimal', kind: 'ntstatus' }],
    ['hr=0x80070005', { value: 0x80070005, notation: 'hex', kind: 'hresult' }],
    ['hr=80070005', { value: 80070005, notation: 'decimal', kind: 'hresult' }],
    ['hr=-0x1', { value: 0xffffffff, notation: 'negative-hex', kind: 'hresult' }],
    ['hr=0xFFFFFFFF80000000', { value: 0x80000000, notation: 'sign-extended', kind: 'hresult' }],
    ['status=0n5', { value: 5, notation: 'windbg-decimal', kind: 'ntstatus' }],
    // A keyword the table does not know still comes off, and says nothing of the kind.
    ['error = 5', { value: 5, notation: 'decimal' }],
    ['error code: 0x5', { value: 5, notation: 'hex' }],
    ['one two three 5', { value: 5, notation: 'decimal' }],
  ])('%j', (text, read) => {
    expect(readPasted(text)).toEqual(read);
  });

  test('a name keeps its own kind and name, whatever the keyword before it says', () => {
    expect(readPasted('hr=E_FAIL')).toEqual({ value: 0x80004005, notation: 'name', kind: 'hresult', name: 'E_FAIL' });
    expect(readPasted('NTSTATUS: E_FAIL')).toEqual({ value: 0x80004005, notation: 'name', kind: 'hresult', name: 'E_FAIL' });
    expect(readPasted('hr=ERROR_ACCESS_DENIED')).toEqual({ value: 5, notation: 'name', kind: 'win32', name: 'ERROR_ACCESS_DENIED' });
  });
});

describe('readPasted: punctuation around the value', () => {
  test.each(['(0x5)', '[0x5]', '{0x5}', '<0x5>', '"0x5"', "'0x5'", '`0x5`', '0x5.', '0x5,', '0x5;', '0x5:', '0x5!', '((0x5)).', '  (0x5)  '])('%j is 0x5', (text) => {
    expect(readPasted(text)).toEqual({ value: 5, notation: 'hex' });
  });
});

describe('readPasted: debugger notations', () => {
  test.each([
    ['0n5', 5, 'windbg-decimal'],
    ['0N5', 5, 'windbg-decimal'],
    ['0n0', 0, 'windbg-decimal'],
    ['0n4294967295', 0xffffffff, 'windbg-decimal'],
    ['-0x1', 0xffffffff, 'negative-hex'],
    ['-0X7FF8FFA9', 0x80070057, 'negative-hex'],
    ['-0x80000000', 0x80000000, 'negative-hex'],
    ['-0x00000001', 0xffffffff, 'negative-hex'],
    ['0xFFFFFFFF80000000', 0x80000000, 'sign-extended'],
    ['0xffffffffc0000005', 0xc0000005, 'sign-extended'],
    ['0xFFFFFFFFFFFFFFFF', 0xffffffff, 'sign-extended'],
    ['(0x000000007FFFFFFF)', 0x7fffffff, 'sign-extended'],
    ['(0x0000000000000000)', 0, 'sign-extended'],
  ])('%j is %d (%s)', (text, value, notation) => {
    expect(readPasted(text)).toEqual({ value, notation });
  });

  test.each([
    ['0n4294967296', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['0n', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['0n5x', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['x0n5', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['-0x0', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['-0x80000001', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['-0x123456789', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['-0x', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['-0xG', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['x0xFFFFFFFF80000000', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['x-0x1', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['-0x1x', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['0xFFFFFFFF7FFFFFFF', 'out of range for a DWORD (0..0xFFFFFFFF, or -2147483648..-1 as a signed 32-bit value)'],
    ['0xFFFFFFFE80000000', 'out of range for a DWORD (0..0xFFFFFFFF, or -2147483648..-1 as a signed 32-bit value)'],
    ['0xFFFFFFFF8000000', 'out of range for a DWORD (0..0xFFFFFFFF, or -2147483648..-1 as a signed 32-bit value)'],
    ['(0xFFFFFFFF800000000)', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['(0xFFFFFFFF8000000G)', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['hr=', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['HRESULT:', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['one two three four 5', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['hr=0xZZ', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['0xZZ', 'not a hex number (digits 0-9, a-f after 0x)'],
  ])('%j is refused with the strict parser\'s error: %s', (text, detail) => {
    let error: unknown;
    try {
      readPasted(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DwordParseError);
    expect((error as DwordParseError).message).toBe(`${JSON.stringify(text)}: ${detail}`);
  });
});

describe('readPasted: names', () => {
  test.each([
    ['E_BUSY', 0x800700aa, 'hresult', 'E_BUSY'],
    ['e_busy', 0x800700aa, 'hresult', 'E_BUSY'],
    ['s_ok', 0, 'hresult', 'S_OK'],
    ['E_FAIL', 0x80004005, 'hresult', 'E_FAIL'],
    ['e_accessdenied', 0x80070005, 'hresult', 'E_ACCESSDENIED'],
    ['STATUS_ACCESS_VIOLATION', 0xc0000005, 'ntstatus', 'STATUS_ACCESS_VIOLATION'],
    ['ERROR_ACCESS_DENIED', 5, 'win32', 'ERROR_ACCESS_DENIED'],
    ['(E_FAIL).', 0x80004005, 'hresult', 'E_FAIL'],
  ])('%j is %s, %s %s', (text, value, kind, name) => {
    expect(readPasted(text)).toEqual({ value, notation: 'name', kind, name });
  });

  test.each(['bogus', 'E_NO_SUCH_CODE_AT_ALL', '_'])('%j names no code: the strict parser\'s error', (text) => {
    expect(() => readPasted(text)).toThrow(new DwordParseError(text, 'syntax', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'));
  });
});

describe('readPasted: what the strict parser reads is taken as it reads it', () => {
  test.each([
    ['0x80070005', 0x80070005, 'hex'],
    [' 80070005 ', 80070005, 'decimal'],
    ['DEADBEEF', 0xdeadbeef, 'bare-hex'],
    ['-1', 0xffffffff, 'signed-decimal'],
    ['0x00000000C0000005', 0xc0000005, 'hex'],
  ])('%j is %d (%s)', (text, value, notation) => {
    expect(readPasted(text)).toEqual({ value, notation });
  });
});

describe('isKeywordToken', () => {
  test.each(['hr', 'HR=', 'HRESULT:', 'hres', 'NTSTATUS', 'status#', 'winerror', 'error', 'err', 'Code:', 'ErrorCode', 'gle', 'GetLastError', 'lasterror', 'exitcode', ' error : ', 'hr\t='])('%j is a keyword', (token) => {
    expect(isKeywordToken(token)).toBe(true);
  });
  test.each(['', ':', 'foo', 'foo:', 'hr==', 'hr:5', 'xhr', 'hrx', '5hr', 'hr.', 'nt status', 'error code', '_hr', 'hr:x'])('%j is not', (token) => {
    expect(isKeywordToken(token)).toBe(false);
  });
});
