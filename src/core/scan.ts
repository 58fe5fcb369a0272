// Finding error codes in free text (build, deploy, crash and cluster logs). Pure: text in,
// findings out.
//
// Every candidate — 0x hex of any width, bare 8-digit hex, negative hex, signed and unsigned
// decimals, code names (also inside paths such as Wsl/CallMsi/E_ABORT) — is weighed on what
// surrounds it: the keyword before it (on its line, or ending the line before), what follows it,
// the dialect of its line, and its value. The evidence adds up to a score; the score to a
// confidence. The tables and weights are in scanrules.ts; README "What scan recognizes" explains.
import { allCodes, type CodeKind, codeByName, facilityNames } from '../data/db';
import { MIGRATION_FAILURE_REASON } from './migration';
import { Prefilter } from './prefilter';
import {
  AGAINST_AFTER,
  AGAINST_BEFORE,
  CONFIDENCE,
  ERRNO_AFTER,
  KEYWORD_SUFFIX_AGAINST,
  KEYWORDS,
  type KeywordClass,
  type KeywordRule,
  POSIX_DIALECT,
  WEIGHTS,
  WINDOWS_DIALECT,
} from './scanrules';

export type Confidence = 'high' | 'medium' | 'low';

export interface ScanOptions {
  /**
   * Windows' own message text for a value, where the user's message files have it: the same
   * text right after a value speaks for it ("0x2 The system cannot find the file specified.").
   */
  messageText?: (value: number) => string | undefined;
  /** Findings below this confidence are not wanted: less work is spent on them (default low). */
  minConfidence?: Confidence;
  /**
   * The text has one byte a character (UTF-8 or ASCII read as latin1): the compiled first pass can
   * read it, and is used when low findings are not wanted and no message text is.
   */
  oneByte?: boolean;
}

export type MatchForm = 'hex' | 'bare-hex' | 'negative-hex' | 'signed-decimal' | 'unsigned-decimal' | 'name';

export interface CodeMatch {
  /** Offset of the matched text in the string searched. */
  index: number;
  /** The matched text: the keyword and value, or the value or name alone. */
  text: string;
  value: number;
  /** What the value is here: "NTSTATUS 259" is an NTSTATUS, "WinError 5" a Win32 error. */
  kind: CodeKind;
  form: MatchForm;
  confidence: Confidence;
  score: number;
  /** The evidence, shortest first: "keyword hr", "named failure", "POSIX text after". */
  why: string[];
  /** For a name: the name. */
  name?: string;
}

// ---- Values: precomputed sets, so "is this value named" is one lookup ----

interface Tables {
  hresult: Set<number>;
  win32: Set<number>;
  ntstatus: Set<number>;
  hresultFacilities: Set<number>;
  ntFacilities: Set<number>;
}
let tables: Tables | undefined;

function named(): Tables {
  if (tables) return tables;
  const t: Tables = { hresult: new Set(), win32: new Set(), ntstatus: new Set(), hresultFacilities: new Set(), ntFacilities: new Set() };
  for (const e of allCodes()) t[e.kind].add(e.value);
  for (const v of MIGRATION_FAILURE_REASON.values) t.hresult.add(v.value);
  for (let f = 0; f < 0x1000; f++) {
    if (facilityNames('hresult', f).length > 0) t.hresultFacilities.add(f);
    if (facilityNames('ntstatus', f).length > 0) t.ntFacilities.add(f);
  }
  return (tables = t);
}

/** A name for the value as an HRESULT: its own, or that of the Win32 error or NTSTATUS it wraps. */
function hresultNamed(t: Tables, v: number): boolean {
  if (t.hresult.has(v)) return true;
  if ((v & 0xffff0000) >>> 0 === 0x80070000) return t.win32.has(v & 0xffff);
  if ((v & 0x10000000) !== 0 && v >>> 31 === 1) return t.ntstatus.has((v & ~0x10000000) >>> 0);
  return false;
}

/** Flags and masks: one or two high bits and nothing else (0x80000000, 0xC0000000, 0xFFFFFFFF). */
function maskLike(v: number): boolean {
  return (v & 0xffff) === 0 && (v & 0x0fff0000) === 0 ? v !== 0 : v === 0xffffffff || v === 0x7fffffff;
}

/**
 * The reading to put first when decoding a finding: its kind, except for an HRESULT that wraps a
 * Win32 error, where decode's own order names the Win32 error (ERROR_FILE_NOT_FOUND for
 * 0x80070002, not a component header's alias).
 */
export function preferredKind(f: { value: number; kind: CodeKind; form?: MatchForm }): CodeKind | undefined {
  return f.kind === 'hresult' && f.form !== 'name' && (f.value & 0xffff0000) >>> 0 === 0x80070000 ? undefined : f.kind;
}

/** What a value is, given what the keyword says: its kind, and how much its value speaks for it. */
function weighValue(v: number, rule: KeywordRule | undefined, small: boolean, hexForm: boolean, why: string[]): { kind: CodeKind; score: number } | undefined {
  const t = named();
  if (small) {
    // A small decimal is a Win32 error after an error keyword, an HRESULT or NTSTATUS after theirs.
    if (rule?.kind) {
      const isNamed = rule.kind === 'hresult' ? hresultNamed(t, v) : t.ntstatus.has(v);
      if (isNamed) why.push(`named ${rule.kind}`);
      return { kind: rule.kind, score: isNamed ? WEIGHTS.namedWin32 : 0 };
    }
    if (v === 0 || !t.win32.has(v)) return undefined;
    if (rule?.win32) {
      why.push('named win32 error');
      if (!rule.windowsOnly && v >= 400 && v <= 599) {
        why.push('or an HTTP status');
        return { kind: 'win32', score: WEIGHTS.namedWin32 + WEIGHTS.httpStatus };
      }
      return { kind: 'win32', score: WEIGHTS.namedWin32 };
    }
    // An exit status no POSIX program can have (they end at 255) is a Win32 error: msiexec's 1603.
    if (rule?.exitWin32 && (v >= 256 || hexForm)) {
      why.push(v >= 256 ? 'an exit status beyond 255, a named win32 error' : 'named win32 error');
      return { kind: 'win32', score: WEIGHTS.namedWin32 + (v >= 256 ? WEIGHTS.beyondPosixExit : 0) };
    }
    return undefined;
  }
  let kind: CodeKind;
  // Values named both ways (0xC035000B) read as NTSTATUS: that is what the 0xC prefix says.
  if (rule?.kind) kind = rule.kind;
  else if (t.ntstatus.has(v) && (v >>> 30 === 3 || !hresultNamed(t, v))) kind = 'ntstatus';
  else if (v >>> 30 === 3 && !hresultNamed(t, v) && t.ntFacilities.has((v >>> 16) & 0xfff)) kind = 'ntstatus';
  else if (t.win32.has(v) && !hresultNamed(t, v)) kind = 'win32'; // SetupAPI's 0xE0000xxx
  else kind = 'hresult';
  const isNamed = kind === 'ntstatus' ? t.ntstatus.has(v) : kind === 'win32' ? t.win32.has(v) : hresultNamed(t, v);
  const failure = v >>> 31 === 1;
  let score = 0;
  if (maskLike(v)) {
    score += WEIGHTS.maskLike;
    why.push('looks like a mask');
  } else if (isNamed && failure) {
    score += WEIGHTS.namedFailure;
    why.push(`named ${kind} failure`);
  } else if (isNamed) {
    why.push(`named ${kind}`);
  } else if (failure && (kind === 'ntstatus' ? t.ntFacilities : t.hresultFacilities).has((v >>> 16) & 0xfff)) {
    score += WEIGHTS.knownFacility;
    why.push('failure of a known facility');
  }
  // Success and unnamed values count only where the keyword says what they are.
  if (!failure && !rule?.kind) return undefined;
  return { kind, score };
}

// ---- Candidates: one regex finds them all, at regex speed ----

// The regex is case-sensitive (faster, and names are spelt exactly); keywords match any case.
const KEYWORD_OF = new Map<string, KeywordClass>();
for (const [cls, rule] of Object.entries(KEYWORDS) as [KeywordClass, KeywordRule][]) {
  for (const w of rule.words) KEYWORD_OF.set(w.replace(/ /g, ''), cls);
}

/**
 * The keywords as one regex, factored as a trie ("e(?:rr(?:or)?|xit)"): the regex engine then
 * decides at each character with one look at it, not one per keyword. Longer words are tried
 * first; a space in a word is an optional space, tab or underscore.
 */
function trieSource(words: string[]): string {
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = { end: false, next: new Map() };
  for (const w of words) {
    let n = root;
    for (const ch of w) {
      let c = n.next.get(ch);
      if (!c) n.next.set(ch, (c = { end: false, next: new Map() }));
      n = c;
    }
    n.end = true;
  }
  const atom = (ch: string): string =>
    /[a-z]/.test(ch) ? `[${ch}${ch.toUpperCase()}]` : ch === ' ' ? '[ \\t_]?' : ch.replace(/[()[\]\\.*+?^$|{}]/g, '\\$&');
  const emit = (n: Node): string => {
    const branches = [...n.next].map(([ch, c]) => atom(ch) + emit(c));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
    return n.end ? `(?:${body})?` : body;
  };
  return emit(root);
}
const KEYWORD_SOURCE = trieSource(Object.values(KEYWORDS).flatMap((r) => r.words));

const HEX = '[0-9a-fA-F]';
const VALUE_TOKEN = String.raw`-?0[xX]${HEX}{1,16}(?:[uU]?[lL])?|-?${HEX}{8}|-?\d{1,10}`;
const VALUE = String.raw`(${VALUE_TOKEN})(?![\w]|\.\d)`;
// The keyword in an identifier that ends with one: "Error" + "Code", "Status" + "".
const KEYWORD_SPLIT = /^(ErrorCode|ExitCode|ReturnCode|HResult|Error|Status|Result)([A-Za-z]*)$/;
// Between keyword and value: quotes, brackets, ":", "=", "is", "was", "of".
const SEP = String.raw`["')\]]?[ \t]{0,3}(?:(?:[:=#]{1,2}|=>|->)[ \t]{0,3}|(?:is|was|of)[ \t]{1,3})?["'(<\[{]?[ \t]{0,2}`;

const LINE_VALUE = String.raw`-?0[xX]${HEX}{1,8}|-?\d{1,10})(?![\w.]`;

/** The forms of a candidate, each one alternative of the one regex. */
const CANDIDATE_PARTS: readonly string[] = [
    // 1 keyword, 2 letters it runs on with, 3 value
    String.raw`\b(${KEYWORD_SOURCE})([A-Za-z]{0,16})${SEP}${VALUE}`,
    // 4 0x + 8 digits with the top bit set (or sign-extended to 16): failures only, no keyword
    String.raw`\b0[xX]((?:[fF]{8})?[89a-fA-F]${HEX}{7})(?:[uU]?[lL])?(?![\w-])`,
    // 5 a short 0x value in brackets: "... the file specified. (0x2)", "[0x520]"
    String.raw`[(\[]0[xX]((?:0000)?${HEX}{1,4})[)\]]`,
    // 6 negative hex or a negative 10-digit decimal: "(-7ff8ffa9)", "-2147024891"
    String.raw`-((?:0[xX])?[0-7]${HEX}{7}|[12]\d{9})(?![\w-])`,
    // 7 bare 8 hex digits with the top bit set: "800705AA Insufficient...", "P7: c0000005"
    String.raw`\b([89a-fA-F]${HEX}{7})(?![\w-])`,
    // 8 a code name: E_ABORT, ERROR_ACCESS_DENIED, NERR_Success, WSAECONNREFUSED, NOERROR
    String.raw`\b([A-Z][A-Z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9]|WSA[A-Z]{3,}|NOERROR)\b`,
    // 9 a value starting a line, after ":" or "=" ending the line before ("HResult:")
    String.raw`[:=][ \t]*\r?\n[ \t]*(${LINE_VALUE})`,
    // 10 the WIL trace format: "LogHr(1) tid(13d8) 80D02013": an HRESULT
    String.raw`\btid\(${HEX}{1,8}\)[ \t]+(${HEX}{8})(?![\w-])`,
    // 11 a keyword ending an identifier, assigned a value: "RollbackErrorCode = ", "HypercallStatus:"
    String.raw`[a-z]((?:Error|ErrorCode|Status|HResult|Result|ExitCode|ReturnCode)[A-Za-z]{0,16})[ \t]*[:=][ \t]*["']?(${VALUE_TOKEN})(?![\w]|\.\d)`,
];
const CANDIDATES = new RegExp(CANDIDATE_PARTS.join('|'), 'g');
/** Characters per token below which a text counts as dense with codes. */
const DENSE = 400;
// The same, tried at one place: where the first pass says a match could start.
const STICKY = new RegExp(CANDIDATE_PARTS.join('|'), 'y');

let prefilter: Prefilter | undefined;
function firstPass(): Prefilter {
  if (prefilter) return prefilter;
  const t = named();
  const values: number[] = [...t.hresult, ...t.ntstatus, ...t.win32];
  for (const w of t.win32) if (w < 0x10000) values.push((0x80070000 | w) >>> 0);
  for (const n of t.ntstatus) if (n >>> 31 === 1) values.push((n | 0x10000000) >>> 0);
  const stems = Object.values(KEYWORDS).flatMap((r) => r.words.flatMap((w) => [w.replace(/[ ()]/g, ''), ...w.replace(/[()]/g, '').split(' ')]));
  return (prefilter = new Prefilter({ hresultFacilities: t.hresultFacilities, ntFacilities: t.ntFacilities, namedValues: values, stems }));
}

/**
 * Where a match covering the token at p could start, in order: the starts of up to four words
 * before it on its line (keywords of several words, "tid(…)"), the parts of a camel-case word
 * ("RollbackErrorCode"), a ":" or "=" ending the line before, a bracket or sign, the token.
 */
function startsFor(text: string, p: number, done: number): number[] {
  const starts: number[] = [];
  const limit = Math.max(done, p - 64);
  let j = p;
  for (let words = 0; words < 4 && j > limit; words++) {
    while (j > limit && !isIdentChar(text.charCodeAt(j - 1)) && text.charCodeAt(j - 1) !== 10) j--;
    if (j <= limit || text.charCodeAt(j - 1) === 10) break;
    const e = j;
    while (j > limit && isIdentChar(text.charCodeAt(j - 1))) j--;
    for (let k = e - 1; k > j; k--) {
      const c = text.charCodeAt(k);
      const b = text.charCodeAt(k - 1);
      if (c >= 65 && c <= 90 && b >= 97 && b <= 122) starts.push(k - 1);
    }
    starts.push(j);
  }
  // A value starting a line (after blanks and a sign): the line before may end with ":" or "=".
  let k = p;
  if (k > 0 && text.charCodeAt(k - 1) === 45) k--;
  while (k > 0 && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--;
  if (k > 0 && text.charCodeAt(k - 1) === 10) {
    let e = k - 1;
    if (e > 0 && text.charCodeAt(e - 1) === 13) e--;
    while (e > 0 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
    const c = text.charCodeAt(e - 1);
    if (e > 0 && (c === 58 || c === 61) && e - 1 >= done) starts.push(e - 1);
  }
  const b = text.charCodeAt(p - 1);
  if (p > done && (b === 40 || b === 91 || b === 45)) starts.push(p - 1);
  starts.push(p);
  return starts.sort((x, y) => x - y);
}
// The same at the start of a text, when the text before it ended with ":" or "=".
const FIRST_VALUE = new RegExp(String.raw`[ \t]*(${LINE_VALUE})`, 'y');

// A keyword ending a line ("HResult:"), whose value is on the next.
const TRAILING_KEYWORD = new RegExp(String.raw`(?:^|[^\w])(${KEYWORD_SOURCE})[ \t]*[:=][ \t]*\r?$`);
// Right after a value: its name, "0x80070005 (E_ACCESSDENIED)".
const NAME_AFTER = /[ \t]*[(\[]?[ \t]*([A-Z][A-Za-z0-9_]{2,})/y;
// Text that reads as a sentence after a bare value: "800705AA Insufficient system resources".
const SENTENCE_AFTER = /[ \t:-]+[A-Z][a-z]+ [a-z]/y;
// A short bracketed value after a sentence: Windows' "<message>. (0x2)".
const MESSAGE_BEFORE = /[a-z]{2}[.!]?[ \t]*$/;

/** How much of a very long line counts as the line around a candidate, each way. */
const WINDOW = 1024;
/** How far back "Windows talking nearby" looks, in characters. */
const NEARBY = 4096;
const WINDOWS_DIALECT_ANYWHERE = new RegExp(WINDOWS_DIALECT.source, 'im');

const SUCCESS_NAMES = new Set(['S_OK', 'S_FALSE', 'NO_ERROR', 'NOERROR', 'ERROR_SUCCESS', 'NERR_Success', 'STATUS_SUCCESS', 'SEC_E_OK']);

/** The line around offset `at`, looked at once per line and only when a candidate needs it. */
class LineContext {
  start = -1;
  end = -1;
  private windows: boolean | undefined;
  private posix: boolean | undefined;
  private nearby: boolean | undefined;
  /**
   * `before`: the text before `text` (the end of the lines before it), or null mid-line.
   * `strongAt`: where the last finding of medium or high confidence was (negative: before `text`).
   */
  constructor(
    private readonly text: string,
    readonly before: string | null,
    public strongAt: number,
    readonly messageText?: (value: number) => string | undefined,
    /** Scores below this are dropped early: low's, or medium's (a medium finding is evidence for its neighbours, so it is always weighed in full). */
    readonly floor: number = CONFIDENCE.low,
  ) {}
  at(i: number): this {
    if (i >= this.start && i < this.end) return this;
    // A line, or of a very long line the WINDOW characters around i: the dialect is local.
    const t = this.text;
    let a = i;
    while (a > 0 && a > i - WINDOW && t.charCodeAt(a - 1) !== 10) a--;
    let b = i;
    while (b < t.length && b < i + WINDOW && t.charCodeAt(b) !== 10) b++;
    this.start = a;
    this.end = b;
    this.windows = this.posix = this.nearby = undefined;
    return this;
  }
  line(): string {
    return this.text.slice(this.start, this.end);
  }
  isWindows(): boolean {
    return (this.windows ??= WINDOWS_DIALECT.test(this.line()));
  }
  isPosix(): boolean {
    return (this.posix ??= POSIX_DIALECT.test(this.line()));
  }
  /**
   * Whether Windows spoke in the lines just before this one (NEARBY characters, this file): its
   * dialect, or a code found with confidence.
   */
  windowsNearby(): boolean {
    if (this.nearby !== undefined) return this.nearby;
    if (this.start - this.strongAt <= NEARBY) return (this.nearby = true);
    const from = Math.max(0, this.start - NEARBY);
    const window = (from === 0 && this.before ? this.before.slice(-(NEARBY - this.start)) : '') + this.text.slice(from, this.start);
    return (this.nearby = WINDOWS_DIALECT_ANYWHERE.test(window));
  }
}

const isIdentChar = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;

function confidenceOf(score: number): Confidence | undefined {
  return score >= CONFIDENCE.high ? 'high' : score >= CONFIDENCE.medium ? 'medium' : score >= CONFIDENCE.low ? 'low' : undefined;
}

/**
 * Every code in `text`, in order; `from`/`to` limit where a match may start. `before` is the text
 * before `text` (whole lines, for a keyword that ends the last of them and for the dialect nearby),
 * or null when `text` starts inside a line. Findings below `low` are dropped.
 */
export function findCodes(text: string, from = 0, to = text.length, before: string | null = '', strongAgo = Infinity, options: ScanOptions = {}): CodeMatch[] {
  const found: CodeMatch[] = [];
  const re = CANDIDATES; // one object: V8 compiles a regex to machine code once it is hot
  const floor = options.minConfidence === undefined || options.minConfidence === 'low' ? CONFIDENCE.low : CONFIDENCE.medium;
  const ctx = new LineContext(text, before, -strongAgo, options.messageText, floor);
  const push = (f: CodeMatch): void => {
    found.push(f);
    if (f.confidence !== 'low') ctx.strongAt = f.index;
  };
  re.lastIndex = from;
  if (from === 0 && before && /[:=][ \t]*\r?\n$/.test(before)) {
    FIRST_VALUE.lastIndex = 0;
    const m = FIRST_VALUE.exec(text);
    const token = m?.[1];
    if (m && token) {
      const f = continuation(text, re, ctx, token, m[0].length - token.length, before.slice(-66).split('\n').slice(-2)[0] ?? '');
      if (f) push(f);
      re.lastIndex = f ? f.index + f.text.length : from;
    }
  }
  /** Weighs a match and keeps what it finds; false when it found nothing. */
  const take = (m: RegExpExecArray, rx: RegExp): boolean => {
    const f = weigh(text, m, rx, ctx);
    if (!f) return false;
    // A name beside its value ("E_ACCESSDENIED 0x80070005") is one finding.
    const prev = found[found.length - 1];
    if (prev && prev.value === f.value && (prev.form === 'name') !== (f.form === 'name') && /^[ \t(\[]*$/.test(text.slice(prev.index + prev.text.length, f.index))) {
      if (prev.form === 'name' && f.score > prev.score) found[found.length - 1] = match(f.index, f.text, f.value, f.kind, f.form, f.confidence, f.score, [...f.why, 'name beside it'], undefined);
      return true;
    }
    const rule = lastRule;
    lastRule = undefined;
    push(f);
    // More values after a keyword's, in one list: "ErrorCode = '0x80004005 : c0000135'".
    for (let end = f.index + f.text.length, next: RegExpExecArray | null; rule; ) {
      LIST_NEXT.lastIndex = end;
      if (!(next = LIST_NEXT.exec(text)) || next.index >= to) break;
      const token = next[1] ?? '';
      const at = next.index + next[0].length - token.length;
      const g = valueToken(text, rx, ctx, token, at, at, rule, ['in a list after a keyword'], rule.score, !!rule.hexDigits);
      if (!g) break;
      push(g);
      end = at + token.length;
      rx.lastIndex = Math.max(rx.lastIndex, end);
    }
    return true;
  };
  if (options.oneByte && floor > CONFIDENCE.low && !options.messageText) {
    // The compiled first pass names the tokens worth a look; the same regex, made sticky, is tried
    // where a match covering each could start. The findings are those of the whole-text search.
    const sticky = STICKY;
    let done = re.lastIndex;
    const tokens = firstPass().tokens(text, from);
    // Where codes are dense, one whole-text search is cheaper than a few tries per token.
    if (tokens.length * DENSE > text.length - from) {
      for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) take(m, re);
      return found;
    }
    for (const p of tokens) {
      if (p < done) continue;
      if (p >= to + 128) break;
      for (const start of startsFor(text, p, done)) {
        if (start < done) continue; // inside a match weighed already, as the whole-text search skips it
        sticky.lastIndex = start;
        const m = sticky.exec(text);
        if (!m || m.index + m[0].length <= p) continue; // stops short of the token: not its match
        if (m.index >= to) break;
        const found1 = take(m, sticky);
        done = Math.max(done, sticky.lastIndex);
        if (found1) break;
      }
    }
    return found;
  }
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) take(m, re);
  return found;
}

// The next value of a list: "0x80004005 : c0000135", "0x80070005, 0x80070006".
const LIST_NEXT = new RegExp(String.raw`[ \t]*[:,;/][ \t]*(${VALUE_TOKEN})(?![\w]|\.\d)`, 'y');
/** The keyword rule behind the last value weighed, for the values listed after it. */
let lastRule: KeywordRule | undefined;

function weigh(text: string, m: RegExpExecArray, re: RegExp, ctx: LineContext): CodeMatch | undefined {
  lastRule = undefined;
  const why: string[] = [];
  let score = 0;
  let rule: KeywordRule | undefined;
  let token: string;
  let valueAt: number;
  let value: number;
  let start = m.index;
  let hexDigits = false;

  if (m[11] !== undefined) {
    // A keyword ending an identifier: the keyword is the last part of it.
    const ident = m[11];
    const kw = KEYWORD_SPLIT.exec(ident);
    const cls = kw ? KEYWORD_OF.get((kw[1] ?? '').toLowerCase()) : undefined;
    if (!kw || !cls || (kw[2] && KEYWORD_SUFFIX_AGAINST.test(kw[2]))) return undefined;
    rule = KEYWORDS[cls];
    score += rule.score;
    why.push(`after "${ident}"`);
    token = m[12] ?? '';
    valueAt = m.index + m[0].length - token.length;
    start = m.index + 1;
    hexDigits = !!rule.hexDigits;
  } else if (m[1] !== undefined) {
    // keyword + value
    const cls = KEYWORD_OF.get(m[1].toLowerCase().replace(/[ \t_]/g, ''));
    const suffix = m[2] ?? '';
    if (!cls || (suffix && KEYWORD_SUFFIX_AGAINST.test(suffix))) return retryValue(m, re);
    if (text.charCodeAt(m.index - 1) === 95) return retryValue(m, re); // my_error 5
    rule = KEYWORDS[cls];
    // "failed = 1" is a count; the verb is followed by its code: "FAILED 1062:", "failed (1450)".
    if (cls === 'failed' && /=/.test(m[0].slice(m[1].length))) return retryValue(m, re);
    score += rule.score;
    why.push(`after "${m[1]}${suffix}"`);
    token = m[3] ?? '';
    valueAt = m.index + m[0].length - token.length;
    hexDigits = !!rule.hexDigits;
  } else if (m[4] !== undefined) {
    token = m[4];
    valueAt = m.index + 2;
    const before = text.charCodeAt(m.index - 1);
    if (before === 46 || before === 35 || before === 45) return undefined; // . # -
    value = parseInt(token.slice(-8), 16);
    return finish(text, re, ctx, { start, end: m.index + m[0].length, value, form: 'hex', score: WEIGHTS.hex8, why: ['0x and 8 digits'], rule, small: false });
  } else if (m[5] !== undefined) {
    value = parseInt(m[5], 16);
    const t = named();
    ctx.at(m.index);
    if (!t.win32.has(value) || !MESSAGE_BEFORE.test(text.slice(Math.max(ctx.start, m.index - 40), m.index))) return undefined;
    return finish(text, re, ctx, {
      start: m.index + 1,
      end: m.index + m[0].length - 1,
      value,
      form: 'hex',
      score: WEIGHTS.messageShaped,
      why: ['after a message, in brackets'],
      rule: KEYWORDS.error,
      small: true,
    });
  } else if (m[6] !== undefined) {
    const before = text.charCodeAt(m.index - 1);
    if ((before >= 48 && before <= 57) || (before >= 65 && before <= 90) || (before >= 97 && before <= 122) || before === 45 || before === 95) return undefined;
    token = '-' + m[6];
    return valueToken(text, re, ctx, token, m.index, m.index, undefined, [], 0, false);
  } else if (m[7] !== undefined) {
    const before = text.charCodeAt(m.index - 1);
    if (before === 45 || before === 46 || before === 35) return undefined; // part of a GUID, a version, a colour
    token = m[7];
    value = parseInt(token, 16);
    let s = WEIGHTS.bareHex;
    const w = ['8 hex digits'];
    if (/[a-fA-F]/.test(token)) (s += WEIGHTS.bareHexLetters), w.push('with a hex letter');
    SENTENCE_AFTER.lastIndex = m.index + token.length;
    if (SENTENCE_AFTER.test(text)) (s += WEIGHTS.sentenceAfter), w.push('a sentence after it');
    return finish(text, re, ctx, { start, end: m.index + token.length, value, form: 'bare-hex', score: s, why: w, rule, small: false });
  } else if (m[10] !== undefined) {
    token = m[10];
    rule = KEYWORDS.hresult;
    return valueToken(text, re, ctx, token, m.index + m[0].length - token.length, m.index + m[0].length - token.length, rule, ['a WIL trace line (tid)'], rule.score, true);
  } else if (m[8] !== undefined) {
    return nameFinding(m[8], m.index, ctx);
  } else {
    // ":" or "=" ending a line, and a value starting the next: "HResult:\n  -2147024891".
    token = m[9] ?? '';
    valueAt = m.index + m[0].length - token.length;
    const lineStart = text.lastIndexOf('\n', valueAt - 1) + 1;
    const prevStart = text.lastIndexOf('\n', m.index - 1) + 1;
    return continuation(text, re, ctx, token, valueAt, text.slice(Math.max(prevStart, m.index - 64), lineStart - 1));
  }
  return valueToken(text, re, ctx, token, valueAt, start, rule, why, score, hexDigits);
}

/** A value at the start of a line, after a keyword that ends the line before. */
function continuation(text: string, re: RegExp, ctx: LineContext, token: string, valueAt: number, prevLine: string): CodeMatch | undefined {
  const k = TRAILING_KEYWORD.exec(prevLine);
  const cls = k ? KEYWORD_OF.get((k[1] ?? '').toLowerCase().replace(/[ \t_]/g, '')) : undefined;
  if (!cls) {
    re.lastIndex = valueAt; // not a continuation: the value may still be a code of its own
    return undefined;
  }
  const rule = KEYWORDS[cls];
  return valueToken(text, re, ctx, token, valueAt, valueAt, rule, [`after "${k?.[1]}" ending the line before`], rule.score, !!rule.hexDigits);
}

/** A value token after a keyword (or a negative value alone): its reading and form. */
function valueToken(
  text: string,
  re: RegExp,
  ctx: LineContext,
  token: string,
  valueAt: number,
  start: number,
  rule: KeywordRule | undefined,
  why: string[],
  score: number,
  hexDigits: boolean,
): CodeMatch | undefined {
  // One pass over the token's characters, no regex: this runs for every candidate.
  const neg = token.charCodeAt(0) === 45;
  let a = neg ? 1 : 0;
  let b = token.length;
  const prefixed = token.charCodeAt(a) === 48 && (token.charCodeAt(a + 1) | 32) === 120; // 0x
  if (prefixed) {
    a += 2;
    while (b > a && ((token.charCodeAt(b - 1) | 32) === 108 || (token.charCodeAt(b - 1) | 32) === 117)) b--; // L, UL suffixes
  }
  let letters = 0;
  for (let i = a; i < b; i++) if (token.charCodeAt(i) > 57) letters++;
  const digits = b - a;
  let value: number;
  let form: MatchForm;
  let small = false;
  if (prefixed || (digits === 8 && (letters > 0 || hexDigits || hexReadingNamed(token, a, neg)))) {
    if (digits > 16 || (digits > 8 && !isSignExtension(token, a))) return undefined; // an address
    const n = parseInt(token.slice(Math.max(a, b - 8), b), 16);
    if (neg) {
      if (n === 0 || n > 0x80000000) return undefined;
      value = (0x100000000 - n) >>> 0;
      form = 'negative-hex';
      score += WEIGHTS.negativeHex;
      why.push('negative hex');
    } else if (prefixed) {
      value = n;
      form = 'hex';
      small = value < 0x10000;
      if (digits >= 8) (score += WEIGHTS.hex8), why.push('0x and 8 digits');
      else score += WEIGHTS.hexShort;
    } else {
      value = n;
      form = 'bare-hex';
      small = value < 0x10000;
      score += WEIGHTS.bareHex;
      why.push('8 hex digits');
    }
  } else if (letters === 0) {
    const n = Number(token.slice(a, b));
    if (neg) {
      if (n < 1 || n > 0x80000000) return undefined;
      value = (0x100000000 - n) >>> 0;
      form = 'signed-decimal';
      if (digits >= 9) (score += WEIGHTS.bigDecimal), why.push('a 32-bit negative number');
      else if (!rule?.kind) return undefined; // "-1", "-11": exit codes and offsets
    } else {
      if (n > 0xffffffff) return undefined;
      value = n;
      form = 'unsigned-decimal';
      if (n >= 0x80000000) (score += WEIGHTS.bigDecimal), why.push('a number only a 32-bit code makes');
      else if (n < 0x10000) small = true;
      else if (!rule?.kind) return undefined;
    }
  } else return undefined;
  if (!rule && form !== 'signed-decimal' && form !== 'negative-hex') return undefined;
  const end = valueAt + token.length;
  lastRule = rule;
  return finish(text, re, ctx, { start, end, value, form, score, why, rule, small });
}

/** 0xFFFFFFFF followed by 8 more digits: a sign-extended 32-bit value. */
function isSignExtension(token: string, a: number): boolean {
  for (let i = a; i < a + 8; i++) if ((token.charCodeAt(i) | 32) !== 102) return false;
  return true;
}

// "resultMapped=80070643": eight digits read as hex when that reading names a failure.
function hexReadingNamed(token: string, a: number, neg: boolean): boolean {
  if (neg) return false;
  const v = parseInt(token.slice(a, a + 8), 16);
  return v >>> 31 === 1 && hresultNamed(named(), v);
}

interface Pending {
  start: number;
  end: number;
  value: number;
  form: MatchForm;
  score: number;
  why: string[];
  rule: KeywordRule | undefined;
  small: boolean;
}

/** Weighs the value and its surroundings, and makes the finding if the evidence is enough. */
function finish(text: string, re: RegExp, ctx: LineContext, p: Pending): CodeMatch | undefined {
  const why = p.why;
  const v = weighValue(p.value, p.rule, p.small, p.form !== 'unsigned-decimal' && p.form !== 'signed-decimal', why);
  if (!v) return undefined;
  let score = p.score + v.score;
  // Cheap checks first, and out as soon as no evidence left could lift the score to the floor:
  // most candidates in noise (thread ids, masks) end here, before their line is looked at.
  const floor = ctx.floor;
  const lineBonus = WEIGHTS.windowsLine + (p.small ? WEIGHTS.windowsNearby : 0);
  if (score + WEIGHTS.nameBeside + WEIGHTS.messageAfter + lineBonus < floor) return undefined;
  ctx.at(p.start);
  if (!p.rule && AGAINST_BEFORE.test(text.slice(Math.max(ctx.start, p.start - 24), p.start))) {
    score += WEIGHTS.againstBefore;
    why.push('a flag, address or id');
    if (score + WEIGHTS.nameBeside + WEIGHTS.messageAfter + lineBonus < floor) return undefined;
  }
  const end = p.end;
  NAME_AFTER.lastIndex = end;
  const nm = NAME_AFTER.exec(text);
  if (nm && couldBeName(nm[1] ?? '') && codeByName(nm[1] ?? '')?.name === nm[1] && nameValue(nm[1] ?? '') === p.value) {
    score += WEIGHTS.nameBeside;
    why.push(`${nm[1]} beside it`);
    re.lastIndex = Math.max(re.lastIndex, NAME_AFTER.lastIndex);
  } else if (p.small && (AGAINST_AFTER.test(text.slice(end, end + 40)) || ERRNO_AFTER.test(text.slice(end, end + 20)))) {
    score += WEIGHTS.againstAfter;
    why.push('POSIX or HTTP text after it');
  } else if (ctx.messageText && messageFollows(text, end, ctx.messageText(p.value))) {
    score += WEIGHTS.messageAfter;
    why.push("Windows' message text after it");
  }
  if (score + lineBonus < floor) return undefined;
  // The dialect speaks only for or against a weak value: a small number could be anyone's.
  // A finding already of high confidence needs no more evidence: its line is not looked at.
  if (score >= CONFIDENCE.high && !p.small) {
    // nothing to add
  } else if (ctx.isWindows()) (score += WEIGHTS.windowsLine), why.push('Windows talking');
  else if (p.small && ctx.isPosix()) (score += WEIGHTS.posixLine), why.push('a POSIX tool talking');
  else if (p.small && ctx.windowsNearby()) (score += WEIGHTS.windowsNearby), why.push('Windows talking nearby');
  const confidence = confidenceOf(score);
  if (!confidence || score < floor) return undefined;
  return match(p.start, text.slice(p.start, end), p.value, v.kind, p.form, confidence, score, why, undefined);
}

/** Code names have an underscore, or are Winsock's WSA… and NOERROR. */
const couldBeName = (w: string): boolean => w.includes('_') || w.startsWith('WSA') || w === 'NOERROR';

/** The value of a code name as spelt in the headers or the seed's table (E_BUSY), any case. */
export function valueOfName(name: string): number | undefined {
  return MIGRATION_FAILURE_REASON.values.find((v) => v.name.toUpperCase() === name.toUpperCase())?.value ?? codeByName(name)?.value;
}

/** Whether `message`'s first words follow `end`, past brackets, colons and dashes. */
function messageFollows(text: string, end: number, message: string | undefined): boolean {
  if (!message) return false;
  const words = message.trim().slice(0, 24).toLowerCase();
  const after = /^[\s)\]'":,-]*/.exec(text.slice(end, end + 8))?.[0].length ?? 0;
  return words.length >= 8 && text.slice(end + after, end + after + words.length).toLowerCase() === words;
}

function nameValue(name: string): number | undefined {
  return MIGRATION_FAILURE_REASON.values.find((v) => v.name === name)?.value ?? codeByName(name)?.value;
}

/** A finding, made in one shape (line, column and lineText are filled in by TextScanner). */
function match(index: number, text: string, value: number, kind: CodeKind, form: MatchForm, confidence: Confidence, score: number, why: string[], name: string | undefined): CodeMatch {
  const m: CodeMatch & { line: number; column: number; lineText: string } = { index, text, value, kind, form, confidence, score, why, name, line: 0, column: 0, lineText: '' };
  return m;
}

function nameFinding(name: string, at: number, ctx: LineContext): CodeMatch | undefined {
  const seed = MIGRATION_FAILURE_REASON.values.find((v) => v.name === name);
  const entry = seed ? undefined : codeByName(name);
  if (!seed && entry?.name !== name) return undefined;
  const value = seed?.value ?? entry?.value ?? 0;
  const kind: CodeKind = seed ? 'hresult' : (entry?.kind ?? 'hresult');
  const why = ['a code name'];
  let score = 5;
  if (SUCCESS_NAMES.has(name)) (score = 2), why.push('a success code');
  ctx.at(at);
  if (ctx.isWindows()) (score += WEIGHTS.windowsLine), why.push('Windows talking');
  else if (ctx.isPosix()) (score += WEIGHTS.posixLine), why.push('a POSIX tool talking');
  const confidence = confidenceOf(score);
  if (!confidence) return undefined;
  return match(at, name, value, kind, 'name', confidence, score, why, name);
}

/** A keyword whose run-on letters make it something else: look again from its value. */
function retryValue(m: RegExpExecArray, re: RegExp): undefined {
  re.lastIndex = m.index + (m[1]?.length ?? 1);
  return undefined;
}

// ---- Streaming ----

export interface Finding extends CodeMatch {
  /** 1-based line number. */
  line: number;
  /** 1-based column of the match in its line, in characters of the text given. */
  column: number;
  /** The line (or, for a very long line, an excerpt around the match), without its line break. */
  lineText: string;
}

/** Text longer than this with no line break is searched in pieces, overlapping by OVERLAP. */
export const MAX_LINE = 1 << 14;
const OVERLAP = 512;
const SHOWN = 400;

/**
 * Finds codes in text that arrives in chunks of any size: a code split across two chunks is still
 * found, line numbers run on, and memory stays bounded however long a line is. Work is linear in
 * the text: line bounds are found once per line, never once per finding.
 */
export class TextScanner {
  constructor(private readonly options: ScanOptions = {}) {}
  private carry = '';
  private line = 1;
  /** Column (0-based) of carry[0] in its line: non-zero after a long line was cut. */
  private carryColumn = 0;
  /** Matches starting before this offset of the carried text were reported already. */
  private skip = 0;
  /** The end of the text before the carried text (whole lines), or null when it starts mid-line. */
  private before: string | null = '';
  /** Characters from the last finding of medium or high confidence to the carried text. */
  private strongAgo = Infinity;

  push(chunk: string): Finding[] {
    // Pieces of a long line wait in a list: joined once, not copied again with every chunk.
    const lastBreak = chunk.lastIndexOf('\n');
    if (lastBreak < 0) {
      this.waiting.push(chunk);
      this.waitingLength += chunk.length;
      if (this.carry.length + this.waitingLength <= MAX_LINE) return [];
      const text = this.joined();
      return this.take(text, text.length - OVERLAP, false);
    }
    const text = this.joined() + chunk;
    return this.take(text, text.length - chunk.length + lastBreak + 1, true);
  }

  end(): Finding[] {
    const text = this.joined();
    this.carry = '';
    return text ? this.take(text, text.length, true) : [];
  }

  private waiting: string[] = [];
  private waitingLength = 0;

  private joined(): string {
    if (this.waiting.length === 0) return this.carry;
    const text = this.carry + this.waiting.join('');
    this.waiting = [];
    this.waitingLength = 0;
    return text;
  }

  /** Reports matches that start before `end`, and keeps the rest of the text for later. */
  private take(text: string, end: number, wholeLines: boolean): Finding[] {
    const matches = findCodes(text, 0, end, this.before, this.strongAgo, this.options);
    const found: Finding[] = [];
    let line = this.line;
    let counted = 0;
    let lineStart = 0;
    let lineEnd = -1;
    let lineText = '';
    const skip = this.skip;
    for (const m of matches) {
      if (m.index < skip) continue; // part of a match reported before the cut of a long line
      if (m.index >= lineEnd) {
        for (let i = text.indexOf('\n', counted); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++, (counted = i + 1);
        lineStart = counted;
        lineEnd = text.indexOf('\n', m.index);
        if (lineEnd < 0) lineEnd = text.length;
        lineText = excerpt(text, lineStart, lineEnd, m.index, m.text.length);
      }
      const f = m as Finding;
      f.line = line;
      f.column = (lineStart === 0 ? this.carryColumn : 0) + (m.index - lineStart) + 1;
      f.lineText = lineText;
      found.push(f);
    }
    for (let i = text.indexOf('\n', counted); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++, (counted = i + 1);
    this.line = line;
    let strong = -1;
    for (const m of matches) if (m.confidence !== 'low') strong = m.index;
    this.strongAgo = strong >= 0 ? end - strong : this.strongAgo + end;
    // A match that started before the cut may run past it: its tail is not to be found again.
    this.skip = found.reduce((most, f) => Math.max(most, f.index + f.text.length - end), 0);
    if (wholeLines) {
      this.before = end >= NEARBY || this.before === null ? text.slice(Math.max(0, end - NEARBY), end) : (this.before + text.slice(0, end)).slice(-NEARBY);
      this.carry = text.slice(end);
      this.carryColumn = 0;
    } else {
      const ls = text.lastIndexOf('\n', end - 1) + 1;
      this.carryColumn = (ls === 0 ? this.carryColumn : 0) + (end - ls);
      this.carry = text.slice(end);
      this.before = null;
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
