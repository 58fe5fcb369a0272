import { DWORD_MAX, DwordParseError, hex32, isDword, parseDword, parseDwordDetailed, toSigned } from '../src/core/dword';

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

describe('parseDword: the edges of each notation', () => {
  test.each([
    // C suffixes in every spelling headers use, on hex and on decimal
    ['0x1u', 1, 'hex'],
    ['0x1U', 1, 'hex'],
    ['0x1l', 1, 'hex'],
    ['0x1LL', 1, 'hex'],
    ['0x1ULL', 1, 'hex'],
    ['0x1LU', 1, 'hex'],
    ['0x1llu', 1, 'hex'],
    ['5u', 5, 'decimal'],
    ['5UL', 5, 'decimal'],
    ['5ull', 5, 'decimal'],
    ['5L', 5, 'decimal'],
    ['5LLU', 5, 'decimal'],
    ['-5L', 0xfffffffb, 'signed-decimal'],
    ['800700AAL', 0x800700aa, 'bare-hex'],
    // leading zeros and the smallest and largest of each notation
    ['0x0', 0, 'hex'],
    ['0x00000000000000FF', 0xff, 'hex'],
    ['0000000005', 5, 'decimal'],
    ['-0', 0, 'decimal'],
    ['-2147483647', 0x80000001, 'signed-decimal'],
    ['\t0x10\n', 16, 'hex'],
    // bare hex: a hex letter and a digit, or eight letters
    ['1A', 0x1a, 'bare-hex'],
    ['a1', 0xa1, 'bare-hex'],
    ['FFFFFFFF', 0xffffffff, 'bare-hex'],
    ['abcdefab', 0xabcdefab, 'bare-hex'],
    ['0A', 0x0a, 'bare-hex'],
  ])('%j → %d (%s)', (input, value, notation) => {
    expect(parseDwordDetailed(input)).toEqual({ value, notation });
    expect(parseDword(input)).toBe(value);
  });

  test.each([
    ['0xL', 'syntax', 'no hex digits after 0x'],
    ['0XU', 'syntax', 'no hex digits after 0x'],
    ['0x 5', 'syntax', 'not a hex number (digits 0-9, a-f after 0x)'],
    ['0x5G', 'syntax', 'not a hex number (digits 0-9, a-f after 0x)'],
    ['0xG5', 'syntax', 'not a hex number (digits 0-9, a-f after 0x)'],
    ['0x-5', 'syntax', 'not a hex number (digits 0-9, a-f after 0x)'],
    ['0x1UUL', 'syntax', 'not a hex number (digits 0-9, a-f after 0x)'],
    ['0x1LLL', 'syntax', 'not a hex number (digits 0-9, a-f after 0x)'],
    ['0x1ULU', 'syntax', 'not a hex number (digits 0-9, a-f after 0x)'],
    ['0x1FFFFFFFF', 'range', 'out of range for a DWORD (0..0xFFFFFFFF, or -2147483648..-1 as a signed 32-bit value)'],
    ['1FFFFFFFF', 'range', 'out of range for a DWORD (0..0xFFFFFFFF, or -2147483648..-1 as a signed 32-bit value)'],
    ['99999999999999999999', 'range', 'out of range for a DWORD (0..0xFFFFFFFF, or -2147483648..-1 as a signed 32-bit value)'],
    ['-2147483649', 'range', 'out of range for a DWORD (0..0xFFFFFFFF, or -2147483648..-1 as a signed 32-bit value)'],
    ['abcdefa', 'syntax', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['abcdefabc', 'syntax', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['10x5', 'syntax', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['x5', 'syntax', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['5 5', 'syntax', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['+5', 'syntax', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['5-', 'syntax', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['1A!', 'syntax', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['!1A', 'syntax', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['1.2.3', 'syntax', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['x1.5', 'syntax', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['1.5x', 'syntax', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['u', 'syntax', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['L', 'syntax', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)'],
    ['.5', 'syntax', 'not a whole number'],
    ['5.', 'syntax', 'not a whole number'],
    ['+1.5', 'syntax', 'not a whole number'],
    ['-1.5', 'syntax', 'not a whole number'],
    ['.', 'syntax', 'not a whole number'],
  ])('%j is refused (%s): %s', (input, reason, detail) => {
    let error: unknown;
    try {
      parseDword(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DwordParseError);
    const e = error as DwordParseError;
    expect([e.name, e.reason, e.input, e.message]).toEqual(['DwordParseError', reason, input, `${JSON.stringify(input)}: ${detail}`]);
  });

  test('a long input is cut to its first 64 characters in the message, and kept whole in `input`', () => {
    const message = (input: string): string => {
      try {
        parseDword(input);
      } catch (e) {
        expect((e as DwordParseError).input).toBe(input);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    const why = 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)';
    expect(message('z'.repeat(81))).toBe(`"${'z'.repeat(64)}…": ${why}`);
    expect(message('z'.repeat(80))).toBe(`"${'z'.repeat(80)}": ${why}`);
  });

  test('the error is an Error whose name says what it is', () => {
    const e = new DwordParseError('q', 'syntax', 'why');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DwordParseError');
    expect(e.message).toBe('"q": why');
    expect(String(e)).toBe('DwordParseError: "q": why');
  });
});

describe('isDword', () => {
  test.each([
    [0, true],
    [1, true],
    [0xffff, true],
    [0x10000, true],
    [0xffffffff, true],
    [DWORD_MAX, true],
    [-1, false],
    [-0.5, false],
    [2 ** 32, false],
    [0xffffffff + 0.5, false],
    [1.5, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('isDword(%s) is %s', (n, ok) => {
    expect(isDword(n)).toBe(ok);
  });
  test('DWORD_MAX is 0xFFFFFFFF', () => {
    expect(DWORD_MAX).toBe(4294967295);
  });
});

describe('hex32 and toSigned at the edges', () => {
  test.each([
    [0, '0x00000000', 0],
    [0xff, '0x000000FF', 255],
    [0x100, '0x00000100', 256],
    [0xffff, '0x0000FFFF', 65535],
    [0x10000, '0x00010000', 65536],
    [0x12345678, '0x12345678', 0x12345678],
    [0x7fffffff, '0x7FFFFFFF', 2147483647],
    [0x80000000, '0x80000000', -2147483648],
    [0xabcdef01, '0xABCDEF01', -1412567295],
    [0xffffffff, '0xFFFFFFFF', -1],
  ])('%d → %s, signed %d', (v, hex, signed) => {
    expect(hex32(v)).toBe(hex);
    expect(toSigned(v)).toBe(signed);
  });
  test('hex32 reads a negative number as its 32 bits', () => {
    expect(hex32(-1)).toBe('0xFFFFFFFF');
    expect(hex32(-2147024726)).toBe('0x800700AA');
  });
});
