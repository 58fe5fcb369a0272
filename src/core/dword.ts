/** A DWORD: an unsigned 32-bit integer, 0..0xFFFFFFFF. */
export type Dword = number;

export const DWORD_MAX = 0xffffffff;

export type DwordParseReason = 'empty' | 'syntax' | 'range';

/** Thrown when text cannot be read as a DWORD; `input` is the text as given. */
export class DwordParseError extends Error {
  override readonly name = 'DwordParseError';
  constructor(
    readonly input: string,
    readonly reason: DwordParseReason,
    detail: string,
  ) {
    super(`${JSON.stringify(input.length > 80 ? input.slice(0, 64) + '…' : input)}: ${detail}`);
  }
}

/** How the text was read: a `0x` hex literal, bare hex digits, or decimal (signed or not). */
export type DwordNotation = 'hex' | 'bare-hex' | 'decimal' | 'signed-decimal';

export interface ParsedDword {
  value: Dword;
  notation: DwordNotation;
}

const RANGE = 'out of range for a DWORD (0..0xFFFFFFFF, or -2147483648..-1 as a signed 32-bit value)';
// C integer suffixes as headers and logs write them: 0x800700AAL, 5UL, 0x1u.
const SUFFIX = /(?:[uU](?:[lL]{1,2})?|[lL]{1,2}[uU]?)$/;

/**
 * Reads a DWORD the way people write one: `0x800700AA`, `0X800700aaL`, `800700AA` (bare hex,
 * recognised by its hex letters), `2147942570`, or a signed 32-bit decimal such as `-2147024726`.
 */
export function parseDwordDetailed(input: string): ParsedDword {
  const text = input.trim();
  if (text === '') throw new DwordParseError(input, 'empty', 'empty input; expected a number such as 0x800700AA');
  const hex = /^0[xX]/.test(text);
  const body = hex ? text.slice(2).replace(SUFFIX, '') : text.replace(SUFFIX, '');
  if (hex) {
    if (body === '') throw new DwordParseError(input, 'syntax', 'no hex digits after 0x');
    if (!/^[0-9a-fA-F]+$/.test(body)) throw new DwordParseError(input, 'syntax', 'not a hex number (digits 0-9, a-f after 0x)');
    return { value: checkRange(input, BigInt('0x' + body)), notation: 'hex' };
  }
  if (/^-?\d+$/.test(body)) {
    const n = BigInt(body);
    if (n < 0n) {
      if (n < -0x80000000n) throw new DwordParseError(input, 'range', RANGE);
      return { value: Number(n + 0x100000000n), notation: 'signed-decimal' };
    }
    return { value: checkRange(input, n), notation: 'decimal' };
  }
  // Bare hex needs a hex letter (else it is decimal) and a digit or all eight digits, so that a
  // word such as `abc` or `face` is not taken for a number.
  if (/^[0-9a-fA-F]+$/.test(body) && /[a-fA-F]/.test(body) && (/\d/.test(body) || body.length === 8)) {
    return { value: checkRange(input, BigInt('0x' + body)), notation: 'bare-hex' };
  }
  if (/^[+-]?\d*\.\d*$/.test(body)) throw new DwordParseError(input, 'syntax', 'not a whole number');
  throw new DwordParseError(input, 'syntax', 'not a number; expected hex (0x800700AA) or decimal (2147942570, -2147024726)');
}

export function parseDword(input: string): Dword {
  return parseDwordDetailed(input).value;
}

function checkRange(input: string, n: bigint): Dword {
  if (n > BigInt(DWORD_MAX)) throw new DwordParseError(input, 'range', RANGE);
  return Number(n);
}

export function isDword(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= DWORD_MAX;
}

/** `0x800700AA`: eight upper-case hex digits. */
// Two hex digits for every byte: hex32 runs for every value of a bulk decode.
const BYTE_HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).toUpperCase().padStart(2, '0'));

export function hex32(value: Dword): string {
  const v = value >>> 0;
  return `0x${BYTE_HEX[v >>> 24]}${BYTE_HEX[(v >>> 16) & 0xff]}${BYTE_HEX[(v >>> 8) & 0xff]}${BYTE_HEX[v & 0xff]}`;
}

/** The same 32 bits read as a signed integer, as .NET and PowerShell print an HResult. */
export function toSigned(value: Dword): number {
  return value | 0;
}
