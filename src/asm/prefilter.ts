// scan's first pass, compiled to WebAssembly (AssemblyScript): one walk over the bytes of a log
// finds the few tokens that could be a code found with at least medium confidence, so that the
// regex-based weighing in src/core/scan.ts runs only there. It keeps a token when:
// - it is a value after a word that starts with a keyword stem (or a part of a camel-case word
//   that does), past separators: "error 5", "hr=0x80004005", "RollbackErrorCode = 0xC19…";
// - it is a 0x value or 8 bare hex digits whose value is a named failure or of a known facility
//   (flags and masks are not), or 8 hex digits after "…) " (the WIL trace format);
// - it is a short 0x value in brackets, a negative hex value, a negative 9- or 10-digit number;
// - it is a value starting a line after a line that ended with ":" or "=";
// - it is a word that could be a code name (upper-case with an underscore, WSA…, NOERROR).
// It may keep more than is found (the weighing decides); it must never drop what would be.
//
// Memory, set up by the host: a table area (facility bitmaps, named values, keyword stems), the
// text, and the output: one i32 offset per kept token.

let hrFacilities: usize = 0; // 4096 bits
let ntFacilities: usize = 0; // 4096 bits
let named: usize = 0; // sorted u32 values
let namedCount: i32 = 0;
let stems: usize = 0; // per first letter a-z: u16 start, u16 end into stemBytes
let stemBytes: usize = 0; // stems, each: u8 length, bytes (lower case)
// The first two letters of every stem, as 26 × 26 bits: most words are rejected with one look.
const PAIRS = memory.data(96);
// A bit per hash of every named value (2^20 bits): most values are known unnamed with one look.
let namedBits: usize = 0;

// Character classes, one byte each: what a word is made of, looked up instead of compared.
const DIGIT: u8 = 1;
const HEXLETTER: u8 = 2;
const LETTER: u8 = 4;
const UNDERSCORE: u8 = 8;
const CLS = memory.data(256);
for (let c: u32 = 0; c < 256; c++) {
  let k: u8 = 0;
  if (c - 48 < 10) k = DIGIT;
  else if ((c | 32) - 97 < 6) k = HEXLETTER;
  else if ((c | 32) - 97 < 26) k = LETTER;
  else if (c == 95) k = UNDERSCORE;
  store<u8>(CLS + c, k);
}
@inline function cls(c: u32): u32 {
  return <u32>load<u8>(CLS + c);
}

/** `bits` points to 2^17 bytes the host has zeroed, for the named values' hash bits. */
export function setTables(hrFac: usize, ntFac: usize, values: usize, count: i32, stemIndex: usize, stemData: usize, bits: usize): void {
  hrFacilities = hrFac;
  ntFacilities = ntFac;
  named = values;
  namedCount = count;
  stems = stemIndex;
  stemBytes = stemData;
  namedBits = bits;
  for (let i = 0; i < count; i++) {
    const h = hash(load<u32>(values + (<usize>i << 2)));
    store<u8>(bits + (h >>> 3), <u8>(<u32>load<u8>(bits + (h >>> 3)) | (<u32>1 << (h & 7))));
  }
  for (let i: usize = 0; i < 96; i++) store<u8>(PAIRS + i, 0);
  for (let letter: usize = 0; letter < 26; letter++) {
    let q = stemData + <usize>load<u16>(stemIndex + (letter << 2));
    const stop = stemData + <usize>load<u16>(stemIndex + (letter << 2) + 2);
    while (q < stop) {
      const n = <usize>load<u8>(q);
      const second = n > 1 ? <u32>load<u8>(q + 2) - 97 : 26;
      if (second < 26) {
        const b = <u32>letter * 26 + second;
        store<u8>(PAIRS + (b >>> 3), <u8>(<u32>load<u8>(PAIRS + (b >>> 3)) | (<u32>1 << (b & 7))));
      }
      q += 1 + n;
    }
  }
}

@inline function hash(v: u32): u32 {
  return (v * 2654435761) >>> 12;
}

@inline function at(p: usize): u32 {
  return <u32>load<u8>(p);
}
@inline function isDigit(c: u32): bool {
  return c - 48 < 10;
}
@inline function isLetter(c: u32): bool {
  return (c | 32) - 97 < 26;
}
@inline function isHex(c: u32): bool {
  return c - 48 < 10 || (c | 32) - 97 < 6;
}
@inline function isIdent(c: u32): bool {
  return c - 48 < 10 || (c | 32) - 97 < 26 || c == 95;
}
@inline function isUpper(c: u32): bool {
  return c - 65 < 26;
}
@inline function isLower(c: u32): bool {
  return c - 97 < 26;
}
@inline function hexValue(c: u32): u32 {
  return c - 48 < 10 ? c - 48 : (c | 32) - 87;
}

function isNamed(v: u32): bool {
  const h = hash(v);
  if ((load<u8>(namedBits + (h >>> 3)) & (1 << (h & 7))) == 0) return false;
  let lo: i32 = 0;
  let hi: i32 = namedCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = load<u32>(named + (<usize>mid << 2));
    if (x < v) lo = mid + 1;
    else hi = mid;
  }
  return lo < namedCount && load<u32>(named + (<usize>lo << 2)) == v;
}

@inline function bit(map: usize, i: u32): bool {
  return (load<u8>(map + (i >>> 3)) & (1 << (i & 7))) != 0;
}

/** A failure value that, with no keyword, could still be reported: named, or of a known facility. */
function plausible(v: u32): bool {
  if (v >>> 31 == 0) return false;
  // Flags and masks: one or two high bits and nothing else, or all bits.
  if ((v & 0xffff) == 0 && (v & 0x0fff0000) == 0) return false;
  if (v == 0xffffffff) return false;
  const facility = (v >>> 16) & 0xfff;
  if (bit(hrFacilities, facility) || (v >>> 30 == 3 && bit(ntFacilities, facility))) return true;
  return isNamed(v);
}

/** Whether a keyword stem starts at p (case-insensitively), within [p, end). */
function stemAt(p: usize, end: usize): bool {
  const first = at(p) | 32;
  if (first - 97 >= 26) return false;
  if (p + 1 < end) {
    const second = (at(p + 1) | 32) - 97;
    if (second < 26) {
      const b = (first - 97) * 26 + second;
      if ((load<u8>(PAIRS + (b >>> 3)) & (1 << (b & 7))) == 0) return false;
    }
  }
  const slot = stems + ((<usize>(first - 97)) << 2);
  let q = stemBytes + <usize>load<u16>(slot);
  const stop = stemBytes + <usize>load<u16>(slot + 2);
  while (q < stop) {
    const n = <usize>load<u8>(q);
    if (p + n <= end) {
      let i: usize = 0;
      while (i < n && (at(p + i) | 32) == at(q + 1 + i)) i++;
      if (i == n) return true;
    }
    q += 1 + n;
  }
  return false;
}

/** A keyword right before the value starting at s: past separators, a word with a keyword stem. */
function keywordBefore(text: usize, s: usize): bool {
  let j = s;
  if (j > text && at(j - 1) == 45) j--; // -
  let skipped = 0;
  let words = 0;
  while (j > text && skipped < 12) {
    const c = at(j - 1);
    if (c == 32 || c == 9 || c == 58 || c == 61 || c == 35 || c == 40 || c == 60 || c == 91 || c == 34 || c == 39 || c == 123 || c == 62 || c == 45) {
      j--;
      skipped++;
      continue;
    }
    if (c == 41 && j - 1 > text && at(j - 2) == 40) {
      j -= 2; // GetLastError()
      continue;
    }
    if (c == 41) {
      j--; // substatus): 0x35
      skipped++;
      continue;
    }
    // The word ending at j: a keyword ends with a letter and starts with one.
    if (!isLetter(c)) return false;
    const e = j;
    let w = j;
    while (w > text && isIdent(at(w - 1))) w--;
    if (isLetter(at(w)) && stemAt(w, e)) return true;
    for (let k = w + 1; k < e; k++) if (isUpper(at(k)) && isLower(at(k - 1)) && stemAt(k, e)) return true;
    // "exit code is 5": one small word may stand between.
    const n = e - w;
    if (words == 0 && (n == 2 || n == 3) && isLetter(at(w))) {
      words++;
      j = w;
      continue;
    }
    return false;
  }
  return false;
}

/** Whether the line before the one starting at ls ends with ":" or "=" (spaces aside). */
function continues(text: usize, ls: usize): bool {
  let j = ls;
  if (j > text && at(j - 1) == 10) j--;
  if (j > text && at(j - 1) == 13) j--;
  while (j > text && (at(j - 1) == 32 || at(j - 1) == 9)) j--;
  return j > text && (at(j - 1) == 58 || at(j - 1) == 61);
}

/**
 * Walks text[0, len) and writes the offset of every kept token to out; returns how many. Tokens
 * starting before `from` are not kept (they were seen in an earlier piece).
 */
export function scan(text: usize, len: i32, from: i32, out: usize): i32 {
  const end = text + <usize>len;
  let p = text;
  let count = 0;
  let lineStart = text;
  while (p < end) {
    // Between words: only line breaks matter.
    let c = at(p);
    while (cls(c) == 0) {
      if (c == 10) lineStart = p + 1;
      if (++p >= end) return count;
      c = at(p);
    }
    // A word [s, e): letters, digits, underscores, and which of them it has.
    const s = p;
    let kinds: u32 = 0;
    while (p < end) {
      const k = cls(at(p));
      if (k == 0) break;
      kinds |= k;
      p++;
    }
    // Most words are plain words: letters only. Of those only WSA… and NOERROR may be codes.
    if (kinds & LETTER && (kinds & (DIGIT | UNDERSCORE)) == 0) {
      const f = at(s);
      if (f != 87 && f != 78) continue; // W, N
    }
    const hexLetters = kinds & HEXLETTER;
    const others = kinds & LETTER;
    const underscore = (kinds & UNDERSCORE) != 0;
    const e = p;
    const n = <i32>(e - s);
    if (<i32>(s - text) < from) continue;
    const before = s > text ? at(s - 1) : 10;
    let keep = false;
    if (n >= 3 && at(s) == 48 && (at(s + 1) | 32) == 120) {
      // 0x…, with an optional L or UL suffix
      let q = e;
      while (q > s + 2 && ((at(q - 1) | 32) == 108 || (at(q - 1) | 32) == 117)) q--;
      let ok = true;
      for (let k = s + 2; k < q; k++) if (!isHex(at(k))) ok = false;
      const m = <i32>(q - s - 2);
      if (ok && m >= 1 && m <= 16) {
        let v: u32 = 0;
        for (let k = m > 8 ? q - 8 : s + 2; k < q; k++) v = (v << 4) | hexValue(at(k));
        const after = e < end ? at(e) : 10;
        if (keywordBefore(text, s)) keep = true;
        else if (before == 45) keep = m == 8; // -0x7ff8ffa9
        else if (m == 8 && plausible(v)) keep = true;
        else if (m == 16 && plausible(v)) {
          let f = true;
          for (let k = s + 2; k < s + 10; k++) if ((at(k) | 32) != 102) f = false;
          keep = f;
        } else if ((before == 40 || before == 91) && (after == 41 || after == 93) && v < 0x10000) keep = true;
        else if (startsContinuedLine(text, s, lineStart)) keep = true;
      }
    } else if (others == 0 && !underscore && hexLetters == 0) {
      // decimal digits
      if (keywordBefore(text, s)) keep = true;
      else if (before == 45 && n >= 8 && n <= 10) keep = true; // -2147024891, -70070005
      else if (n == 8 && (plausible(parse8(s)) || afterParen(text, s))) keep = true;
      else if ((before == 32 || before == 9 || before == 45 || s == lineStart) && startsContinuedLine(text, s, lineStart)) keep = true;
    } else if (others == 0 && !underscore && n == 8) {
      // 8 hex digits with a hex letter
      const v = parse8(s);
      if (keywordBefore(text, s)) keep = true;
      else if (before == 45) keep = true; // -7ff8ffa9
      else if (plausible(v) || afterParen(text, s)) keep = true; // …, tid(b20) 80D02013
    } else if (isUpper(at(s)) && (underscore || (n >= 6 && at(s) == 87 && at(s + 1) == 83 && at(s + 2) == 65) || (n == 7 && at(s) == 78 && at(s + 1) == 79))) {
      keep = true; // a code name
    } else if (others != 0 && (kinds & DIGIT) != 0) {
      // A keyword run on with its value: "Error0xC004F074".
      for (let k = s + 1; k + 2 < e; k++) {
        if (at(k) == 48 && (at(k + 1) | 32) == 120 && isLetter(at(k - 1)) && isHex(at(k + 2))) {
          store<i32>(out + (<usize>count << 2), <i32>(k - text));
          count++;
          break;
        }
      }
    }
    if (keep) {
      store<i32>(out + (<usize>count << 2), <i32>(s - text));
      count++;
    }
  }
  return count;
}

/** 8 hex digits after ")" and blanks: the WIL trace format "LogHr(1) tid(b20) 80D02013". */
function afterParen(text: usize, s: usize): bool {
  let k = s;
  while (k > text && (at(k - 1) == 32 || at(k - 1) == 9)) k--;
  return k < s && k > text && at(k - 1) == 41;
}

/** A value (after blanks and a "-") that starts a line, the line before ending with ":" or "=". */
function startsContinuedLine(text: usize, s: usize, lineStart: usize): bool {
  let k = s;
  if (k > lineStart && at(k - 1) == 45) k--;
  while (k > lineStart && (at(k - 1) == 32 || at(k - 1) == 9)) k--;
  return k == lineStart && continues(text, lineStart);
}

function parse8(s: usize): u32 {
  let v: u32 = 0;
  for (let k: usize = 0; k < 8; k++) v = (v << 4) | hexValue(at(s + k));
  return v;
}
