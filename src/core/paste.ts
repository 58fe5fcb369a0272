// What people paste into decode: a value as a log or a debugger wrote it, or a code's name.
//   hr=0x80070005   HRESULT: 0x80070005   (0x80070005).   0x80070005,   "0x80070005"
//   0xFFFFFFFF80070005 (sign-extended to 64 bits)   0n5 (WinDbg decimal)   -0x7ff8ffa9
//   E_FAIL   STATUS_ACCESS_VIOLATION   ERROR_ACCESS_DENIED   e_accessdenied
// Pure: text in, a DWORD and how it was written out, or the strict parser's error.
import { type CodeKind, codeByName } from '../data/db';
import { DwordParseError, type DwordNotation, parseDwordDetailed } from './dword';
import { MIGRATION_FAILURE_REASON } from './migration';

export type InputNotation = DwordNotation | 'name' | 'windbg-decimal' | 'negative-hex' | 'sign-extended';

export interface PastedValue {
  value: number;
  notation: InputNotation;
  /** What the text says the value is: a name's kind, or the keyword before it (hr=, NTSTATUS). */
  kind?: CodeKind;
  /** For a name: the name as the headers spell it. */
  name?: string;
}

// Brackets, quotes and sentence punctuation around a pasted value.
const WRAPPED = /^[([{<"'`]+|[)\]}>"'`.,;:!]+$/g;
// A keyword and separator before the value: "hr=", "HRESULT: ", "error code = ", "NTSTATUS ".
const KEYWORD = /^([A-Za-z][A-Za-z0-9_]*(?:[ \t][A-Za-z][A-Za-z0-9_]*){0,2})[ \t]*(?:[:=#][ \t]*|[ \t]+(?=[-0-9]))/;
const KIND_OF: Record<string, CodeKind> = { hr: 'hresult', hresult: 'hresult', hres: 'hresult', ntstatus: 'ntstatus', 'nt status': 'ntstatus', status: 'ntstatus', winerror: 'win32', 'win32 error': 'win32', 'system error': 'win32', getlasterror: 'win32', lasterror: 'win32' };

/**
 * A word that only says what the next one is ("HRESULT:", "hr=", "NTSTATUS"), as a shell splits
 * `mfr decode HRESULT: 0x80070005` into two arguments.
 */
export function isKeywordToken(token: string): boolean {
  const m = /^([A-Za-z][A-Za-z0-9_]*)[ \t]*[:=#]?$/.exec(token.trim());
  return m !== null && (m[1] ?? '').toLowerCase() in KEYWORD_TOKENS;
}
const KEYWORD_TOKENS: Record<string, true> = { hr: true, hresult: true, hres: true, ntstatus: true, status: true, winerror: true, error: true, err: true, code: true, errorcode: true, gle: true, getlasterror: true, lasterror: true, exitcode: true };

/** Reads pasted text as a DWORD, or a code name; throws the strict parser's DwordParseError. */
export function readPasted(input: string): PastedValue {
  const text = input.trim();
  try {
    return { ...parseDwordDetailed(text) };
  } catch (strict) {
    const bare = text.replace(WRAPPED, '');
    const k = KEYWORD.exec(bare);
    const token = (k ? bare.slice(k[0].length) : bare).replace(WRAPPED, '');
    const kind = k ? KIND_OF[(k[1] ?? '').toLowerCase().replace(/[ \t]+/g, ' ')] : undefined;
    const read = token !== text ? loose(token) : loose(text);
    if (read) return kind && read.notation !== 'name' ? { ...read, kind } : read;
    throw strict;
  }
}

function loose(token: string): PastedValue | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^0n(\d+)$/i.exec(token))) return fromBig(BigInt(m[1] ?? '0'), 'windbg-decimal');
  if ((m = /^-0x([0-9a-f]{1,8})$/i.exec(token))) {
    const n = parseInt(m[1] ?? '0', 16);
    return n >= 1 && n <= 0x80000000 ? { value: 0x100000000 - n, notation: 'negative-hex' } : undefined;
  }
  // 64 bits as a debugger prints a sign-extended (or zero-extended) 32-bit value.
  if ((m = /^0x(ffffffff|00000000)([0-9a-f]{8})$/i.exec(token))) {
    const low = parseInt(m[2] ?? '0', 16);
    const high = (m[1] ?? '').toLowerCase() === 'ffffffff';
    return high === low >= 0x80000000 ? { value: low, notation: 'sign-extended' } : undefined;
  }
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(token)) return fromName(token);
  try {
    return parseDwordDetailed(token);
  } catch (e) {
    if (e instanceof DwordParseError) return undefined;
    throw e;
  }
}

function fromBig(n: bigint, notation: InputNotation): PastedValue | undefined {
  return n <= 0xffffffffn ? { value: Number(n), notation } : undefined;
}

/** A code's name, any case: the seed's table (E_BUSY), then the headers'. */
function fromName(token: string): PastedValue | undefined {
  const seed = MIGRATION_FAILURE_REASON.values.find((v) => v.name.toUpperCase() === token.toUpperCase());
  if (seed) return { value: seed.value, notation: 'name', kind: 'hresult', name: seed.name };
  const entry = codeByName(token);
  return entry ? { value: entry.value, notation: 'name', kind: entry.kind, name: entry.name } : undefined;
}
