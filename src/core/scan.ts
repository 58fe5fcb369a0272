// Finding error codes in free text (build, deploy and cluster logs). Pure: text in, findings out.
//
// What counts (README, "What scan recognizes"):
// - 0x + exactly 8 hex digits (or 0xFFFFFFFF + 8, a sign-extended 64-bit HRESULT) with no
//   keyword: only a failure code with a name (its own, or the Win32 error or NTSTATUS it wraps).
// - After a keyword: 0x values and 8 bare hex digits that are named or plausible failures (any
//   value after hr=, HRESULT, NTSTATUS, MigrationFailureReason), signed decimals (-2147024891),
//   10-digit unsigned decimals (3221225477), any decimal after HRESULT / NTSTATUS /
//   MigrationFailureReason, and after an error keyword a small decimal that names a Win32 error.
// - Code names the database knows, spelt exactly: E_ACCESSDENIED, WSAECONNREFUSED, NERR_Success.
// Everything else — 16-digit addresses, 12-digit hex, GUIDs, hashes, colours, flags, timestamps,
// line numbers, byte counts, versions — is left alone.
import { codeByName, facilityNames, namesFor } from '../data/db';
import { ntstatusFromHresult, win32FromHresult } from './hresult';
import { MIGRATION_FAILURE_REASON } from './migration';

export type MatchForm = 'hex' | 'keyword-hex' | 'signed-decimal' | 'unsigned-decimal' | 'win32-decimal' | 'name';

export interface CodeMatch {
  /** Offset of the matched text in the string searched. */
  index: number;
  /** The matched text: the keyword and value, or the code or name alone. */
  text: string;
  value: number;
  form: MatchForm;
  /** For a name: the name. */
  name?: string;
}

// Keywords after which a value is an HRESULT/NTSTATUS whatever it looks like.
// Spaces inside keywords and separators are [ \t] only: no match crosses a line break.
const HR_KEYWORDS = String.raw`(?:hresult|hr|ntstatus|nt[ \t]?status|migrationfailurereason|exception[ \t]+code|error[ \t]+code|errorcode|error|err|win32[ \t]+error|system[ \t]+error|getlasterror\(\)|last[ \t]?error|status|exit[ \t]+code|exit[ \t]+status|errno|return[ \t]+code|returned|result|failed[ \t]+with)`;
// Error keywords: a small decimal after these is a Win32 error.
const WIN32_KEYWORD = /^(?:error code|errorcode|error|err|win32 error|system error|getlasterror\(\)|last ?error)$/i;
// Keywords that name the value an HRESULT or NTSTATUS: any value after them counts, success too.
const STRICT_HR_KEYWORD = /^(?:hresult|ntstatus|nt ?status|migrationfailurereason)$/i;
// "hr" counts any hex or negative value, but not a small decimal: "5 hr 30 min" is no code.
const HR = /^hr$/i;

// A keyword, a separator and a value: "hr=0x80004005", "HResult: -2147024891", "error 5".
// Sticky: it is tried only where SEEDS found the start of a keyword.
const KEYWORD_VALUE = new RegExp(
  String.raw`(?<![\w.])(${HR_KEYWORDS})(?:[ \t]{0,4}[:=#][ \t]{0,4}|[ \t]{1,4}(?:is[ \t]|of[ \t]|was[ \t]|=[ \t]{0,4})?|[ \t]{0,4}\([ \t]{0,4})\(?(0[xX](?:[fF]{8})?[0-9a-fA-F]{8}|[0-9a-fA-F]{8}|-\d{1,10}|\d{1,10})(?!\w|\.\w)`,
  'iy',
);
// One fast pass finds where to look: a word that starts a keyword, a 0x literal of 8 or 16 hex
// digits, or a code name without an underscore (WSAECONNREFUSED, NOERROR). Everything else in the
// text is skipped at regex speed; names with an underscore are found from it (nameMatches).
const SEEDS = /\b(?:err|hr|status|code|return|result|failed|migrationfailurereason|getlasterr|lasterr|ntstatus|(0x[0-9a-f]{8}(?:[0-9a-f]{8})?)(?![0-9a-z])|(wsa[a-z]+|noerror)\b)/gi;

// Identifier characters by code, as the name search tests them around every candidate.
const isIdentChar = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;

/** A value with a name of its own, in the seed's table, or of the Win32 error or NTSTATUS it wraps. */
function isNamed(value: number): boolean {
  const win32 = win32FromHresult(value);
  const nt = ntstatusFromHresult(value);
  return (
    MIGRATION_FAILURE_REASON.values.some((v) => v.value === value) ||
    namesFor('hresult', value).length > 0 ||
    namesFor('ntstatus', value).length > 0 ||
    (win32 !== undefined && namesFor('win32', win32).length > 0) ||
    (nt !== undefined && namesFor('ntstatus', nt).length > 0)
  );
}

/** A 0x literal with no keyword counts only as a failure code with a name: flags, masks and
 * handles (0x00000000, 0x80000000, 0xC0000000 as an access mask) do not. */
export function isNamedFailure(value: number): boolean {
  return value >>> 31 === 1 && isNamed(value);
}

/** After an error keyword: a named code, or a failure whose facility the headers name. */
export function isPlausibleFailure(value: number): boolean {
  if (isNamed(value)) return true;
  if (value >>> 31 === 0) return false;
  if (value >>> 30 === 3 && facilityNames('ntstatus', (value >>> 16) & 0xfff).length > 0) return true;
  return facilityNames('hresult', (value >>> 16) & 0xfff).length > 0;
}

function valueAfterKeyword(keyword: string, token: string): { value: number; form: MatchForm } | undefined {
  const kw = keyword.replace(/[ \t]+/g, ' ');
  const strict = STRICT_HR_KEYWORD.test(kw) || HR.test(kw);
  if (/^0[xX]/.test(token)) {
    // Sixteen digits reach here only as FFFFFFFF + 8 (sign-extended): keep the low 32 bits.
    const value = parseInt(token.slice(-8), 16);
    return strict || isPlausibleFailure(value) ? { value, form: 'keyword-hex' } : undefined;
  }
  if (/^[0-9a-fA-F]{8}$/.test(token) && /[a-fA-F]/.test(token)) {
    const value = parseInt(token, 16);
    return strict || isPlausibleFailure(value) ? { value, form: 'keyword-hex' } : undefined;
  }
  if (token.startsWith('-')) {
    const n = Number(token);
    // A negative 32-bit value: its top bit is set, as every failure HRESULT's is.
    if (n < -0x80000000 || n > -1) return undefined;
    const value = n + 0x100000000;
    return strict || token.length >= 10 || isPlausibleFailure(value) ? { value, form: 'signed-decimal' } : undefined;
  }
  const n = Number(token);
  if (token.length === 10 && n >= 0x80000000 && n <= 0xffffffff) return { value: n, form: 'unsigned-decimal' };
  if (STRICT_HR_KEYWORD.test(kw) && n <= 0xffffffff) return { value: n, form: 'unsigned-decimal' };
  if (/^[0-9a-fA-F]{8}$/.test(token)) {
    // Eight digits after an HRESULT or error keyword read as hex: "HRESULT 80070005".
    const value = parseInt(token, 16);
    if ((strict || /error|err/i.test(kw)) && isPlausibleFailure(value) && value >= 0x80000000) return { value, form: 'keyword-hex' };
  }
  if (WIN32_KEYWORD.test(kw) && n > 0 && n <= 0xffff && namesFor('win32', n).length > 0) return { value: n, form: 'win32-decimal' };
  return undefined;
}

/** Every code in `text`, in order; `from`/`to` limit where a match may start. */
export function findCodes(text: string, from = 0, to = text.length): CodeMatch[] {
  const found = seededMatches(text, from, to);
  const names = nameMatches(text, from, to);
  if (names.length > 0) {
    found.push(...names);
    found.sort((x, y) => x.index - y.index);
  }
  // A 0x value or name inside a keyword match ("hr=0x80004005") is that match, not another.
  const kept: CodeMatch[] = [];
  let end = -1;
  for (const m of found) {
    if (m.index < end) continue;
    kept.push(m);
    end = m.index + m.text.length;
  }
  return kept;
}

function seededMatches(text: string, from: number, to: number): CodeMatch[] {
  const found: CodeMatch[] = [];
  const seeds = new RegExp(SEEDS.source, SEEDS.flags);
  const kv = new RegExp(KEYWORD_VALUE.source, KEYWORD_VALUE.flags);
  let done = from; // no match may start before this: it was looked at already
  seeds.lastIndex = from;
  for (let s = seeds.exec(text); s !== null && s.index < to; s = seeds.exec(text)) {
    const p = s.index;
    const hex = s[1];
    const bareName = s[2];
    if (bareName !== undefined) {
      const entry = codeByName(bareName);
      if (p >= done && entry?.name === bareName) found.push({ index: p, text: bareName, value: entry.value, form: 'name', name: bareName });
      continue;
    }
    if (hex !== undefined) {
      const before = text.charCodeAt(p - 1);
      if (p < done || before === 46 || before === 45 || before === 35) continue; // . - #
      const digits = hex.slice(2);
      if (digits.length === 16 && !/^[fF]{8}/.test(digits)) continue;
      const value = parseInt(digits.slice(-8), 16);
      if (isNamedFailure(value)) found.push({ index: p, text: hex, value, form: 'hex' });
      done = p + hex.length;
      continue;
    }
    // The keyword starts here, or one word earlier ("win32 error", "exit code", "nt status").
    const prev = /[A-Za-z0-9]+[ \t]+$/.exec(text.slice(Math.max(from, p - 16), p));
    for (const start of prev ? [p - prev[0].length, p] : [p]) {
      if (start < done) continue;
      kv.lastIndex = start;
      const m = kv.exec(text);
      if (!m) continue;
      const [whole, keyword = '', token = ''] = m;
      const v = valueAfterKeyword(keyword, token);
      if (!v) continue;
      found.push({ index: start, text: whole, ...v });
      done = start + whole.length;
      seeds.lastIndex = Math.max(seeds.lastIndex, done);
      break;
    }
  }
  return found;
}

// Names with an underscore are found from it, widened to the identifier and looked up with their
// exact spelling.
function nameMatches(text: string, from: number, to: number): CodeMatch[] {
  const found: CodeMatch[] = [];
  for (let u = text.indexOf('_', from); u >= 0 && u < to + 128; u = text.indexOf('_', u + 1)) {
    let a = u;
    while (a > 0 && isIdentChar(text.charCodeAt(a - 1))) a--;
    let b = u + 1;
    while (b < text.length && isIdentChar(text.charCodeAt(b))) b++;
    u = b;
    const first = text.charCodeAt(a);
    if (a < from || a >= to || first < 65 || first > 90 || b - a < 4) continue; // names start with A-Z
    const ident = text.slice(a, b);
    const seed = MIGRATION_FAILURE_REASON.values.find((v) => v.name === ident);
    const entry = seed ? undefined : codeByName(ident);
    if (seed || (entry && entry.name === ident)) {
      found.push({ index: a, text: ident, value: seed?.value ?? entry?.value ?? 0, form: 'name', name: ident });
    }
  }
  return found;
}

export interface Finding extends CodeMatch {
  /** 1-based line number. */
  line: number;
  /** 1-based column of the match in its line, in characters of the text given. */
  column: number;
  /** The line (or, for a very long line, an excerpt around the match), without its line break. */
  lineText: string;
}

/** Text longer than this with no line break is searched in pieces, overlapping by OVERLAP. */
export const MAX_LINE = 1 << 20;
const OVERLAP = 512;
const SHOWN = 400;

/**
 * Finds codes in text that arrives in chunks of any size: a code split across two chunks is still
 * found, line numbers run on, and memory stays bounded however long a line is.
 */
export class TextScanner {
  private carry = '';
  private line = 1;
  /** Column (0-based) of carry[0] in its line: non-zero after a long line was cut. */
  private carryColumn = 0;
  /** Matches starting before this offset of the carried text were reported already. */
  private skip = 0;

  push(chunk: string): Finding[] {
    const text = this.carry + chunk;
    const lastBreak = text.lastIndexOf('\n');
    if (lastBreak >= 0) return this.take(text, lastBreak + 1, true);
    if (text.length > MAX_LINE) return this.take(text, text.length - OVERLAP, false);
    this.carry = text;
    return [];
  }

  end(): Finding[] {
    const text = this.carry;
    this.carry = '';
    return text ? this.take(text, text.length, true) : [];
  }

  /** Reports matches that start before `end`, and keeps the rest of the text for later. */
  private take(text: string, end: number, wholeLines: boolean): Finding[] {
    const matches = findCodes(text, 0, end);
    const found: Finding[] = [];
    let line = this.line;
    let counted = 0;
    const skip = this.skip;
    for (const m of matches) {
      if (m.index < skip) continue; // part of a match reported before the cut of a long line
      for (let i = text.indexOf('\n', counted); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++, (counted = i + 1);
      const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
      let lineEnd = text.indexOf('\n', m.index);
      if (lineEnd < 0) lineEnd = text.length;
      // A code and its name side by side, "0x80070005 (E_ACCESSDENIED)", are one finding.
      const previous = found[found.length - 1];
      if (previous && previous.line === line && previous.value === m.value && (previous.form === 'name') !== (m.form === 'name')) {
        if (/^[ \t(]*$/.test(text.slice(previous.index + previous.text.length, m.index))) continue;
      }
      const column = (lineStart === 0 ? this.carryColumn : 0) + (m.index - lineStart) + 1;
      found.push({ ...m, line, column, lineText: excerpt(text, lineStart, lineEnd, m.index, m.text.length) });
    }
    for (let i = text.indexOf('\n', counted); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++, (counted = i + 1);
    this.line = line;
    // A match that started before the cut may run past it: its tail is not to be found again.
    this.skip = found.reduce((most, f) => Math.max(most, f.index + f.text.length - end), 0);
    if (wholeLines) {
      this.carry = text.slice(end);
      this.carryColumn = 0;
    } else {
      const lineStart = text.lastIndexOf('\n', end - 1) + 1;
      this.carryColumn = (lineStart === 0 ? this.carryColumn : 0) + (end - lineStart);
      this.carry = text.slice(end);
    }
    return found;
  }
}

function excerpt(text: string, start: number, end: number, at: number, length: number): string {
  let e = end;
  if (e > start && text.charCodeAt(e - 1) === 13) e--; // CRLF
  if (e - start <= SHOWN) return text.slice(start, e);
  // Edges move off 0x80–0xBF, so that UTF-8 carried a byte a character is not cut mid-character.
  const isTail = (i: number): boolean => text.charCodeAt(i) >= 0x80 && text.charCodeAt(i) < 0xc0;
  let from = Math.max(start, at - 100);
  while (from > start && from < at && isTail(from)) from++;
  let to = Math.min(e, Math.max(at + length, from + SHOWN));
  while (to < e && to > at + length && isTail(to)) to--;
  // ASCII dots: UTF-8 input is carried one byte a character until it is shown.
  return (from > start ? '...' : '') + text.slice(from, to) + (to < e ? '...' : '');
}
