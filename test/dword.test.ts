import { DwordParseError, hex32, parseDwordDetailed, toSigned } from '../src/core/dword';

describe('parseDword accepts what people type', () => {
  test.each([
    ['0x800700AA', 0x800700aa, 'hex'],
    ['0X800700aa', 0x800700aa, 'hex'],
    ['0x800700AAL', 0x800700aa, 'hex'],
    ['0x800700aaUL', 0x800700aa, 'hex'],
    ['800700AA', 0x800700aa, 'bare-hex'],
    ['c0000022', 0xc0000022, 'bare-hex'],
    ['DEADBEEF', 0xdeadbeef, 'bare-hex'],
    ['2147942570', 0x800700aa, 'decimal'],
    ['-2147024726', 0x800700aa, 'signed-decimal'],
    ['-2147483648', 0x80000000, 'signed-decimal'],
    ['-1', 0xffffffff, 'signed-decimal'],
    ['0', 0, 'decimal'],
    ['5', 5, 'decimal'],
    [' 170 ', 170, 'decimal'],
    ['0xFFFFFFFF', 0xffffffff, 'hex'],
    ['4294967295', 0xffffffff, 'decimal'],
  ])('%j → %d (%s)', (input, value, notation) => {
    expect(parseDwordDetailed(input)).toEqual({ value, notation });
  });
});

describe('parseDword rejects the rest with a typed error that names the input and says why', () => {
  test.each([
    ['', 'empty', /empty input/],
    ['   ', 'empty', /empty input/],
    ['0x', 'syntax', /no hex digits after 0x/],
    ['0xZZ', 'syntax', /not a hex number/],
    ['1.5', 'syntax', /not a whole number/],
    ['0x100000000', 'range', /out of range for a DWORD \(0\.\.0xFFFFFFFF/],
    ['4294967296', 'range', /out of range for a DWORD/],
    ['-2147483649', 'range', /out of range for a DWORD/],
    ['abc', 'syntax', /not a number/],
    ['face', 'syntax', /not a number/],
    ['12ab!', 'syntax', /not a number/],
    ['--5', 'syntax', /not a number/],
  ])('%j → %s', (input, reason, message) => {
    let error: unknown;
    try {
      parseDwordDetailed(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DwordParseError);
    const e = error as DwordParseError;
    expect(e.reason).toBe(reason);
    expect(e.input).toBe(input);
    expect(e.message).toContain(JSON.stringify(input));
    expect(e.message).toMatch(message);
  });
});

test('hex32 and toSigned', () => {
  expect(hex32(0x800700aa)).toBe('0x800700AA');
  expect(hex32(5)).toBe('0x00000005');
  expect(toSigned(0x800700aa)).toBe(-2147024726);
  expect(toSigned(5)).toBe(5);
});
