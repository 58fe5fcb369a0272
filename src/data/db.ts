// The code database: the generated tables (names and values from the headers) plus descriptions,
// packed (pack.ts) so that nothing is parsed up front: a value is found by binary search in a
// typed array, a name through a name-sorted index, and only the entries asked for become objects.
import { FACILITY_TABLE, SOURCES } from './codes.generated';
import { KIND_ORDER, PackedCodes, Section, WRITTEN } from './pack';
import { codeBytes } from './store';

export type CodeKind = 'hresult' | 'win32' | 'ntstatus';

export interface CodeEntry {
  name: string;
  value: number;
  kind: CodeKind;
  /** The header that defines it, e.g. `winerror.h` or `wine/winerror.h`. */
  source: string;
}

export interface FacilityEntry {
  space: CodeKind;
  value: number;
  /** Every name the headers give this number, first defined first. */
  names: string[];
  source: string;
}

const KINDS: Record<string, CodeKind> = { h: 'hresult', w: 'win32', n: 'ntstatus' };

let packed: PackedCodes | undefined;
const data = (): PackedCodes => (packed ??= new PackedCodes(codeBytes()));

/** An entry of the table; it knows its place, so its description needs no search. */
class TableEntry implements CodeEntry {
  readonly #index: number;
  name: string;
  value: number;
  kind: CodeKind;
  source: string;
  constructor(index: number, kind: CodeKind) {
    this.#index = index;
    this.name = nameAt(index);
    this.value = data().word(Section.Values, index);
    this.kind = kind;
    this.source = SOURCES[data().word(Section.Info, index, false) & ~WRITTEN] ?? '';
  }
  static index(e: CodeEntry): number | undefined {
    return e instanceof TableEntry ? e.#index : undefined;
  }
}

function nameAt(index: number): string {
  const d = data();
  return d.slice(Section.Names, d.word(Section.NameOff, index), d.word(Section.NameOff, index + 1) - 1);
}

function kindAt(index: number): CodeKind {
  const start = data().kindStart;
  return index < (start[1] ?? 0) ? 'hresult' : index < (start[2] ?? 0) ? 'win32' : 'ntstatus';
}

function entryAt(index: number, kind: CodeKind = kindAt(index)): TableEntry {
  return new TableEntry(index, kind);
}

/** How many codes the table holds. */
export function codeCount(): number {
  return data().count;
}

/** The description of a table entry, written for mfr or derived from its name at build time. */
export function entryDescription(e: CodeEntry): { text: string; written: boolean } | undefined {
  const i = TableEntry.index(e) ?? indexByExactName(e.name);
  if (i === undefined) return undefined;
  const d = data();
  return { text: d.slice(Section.Descs, d.word(Section.DescOff, i), d.word(Section.DescOff, i + 1)), written: (d.word(Section.Info, i, false) & WRITTEN) !== 0 };
}

/**
 * Orders codes by name as localeCompare does: for table entries by their place in that order,
 * found at build time (loading the collation at run time costs ~8 ms).
 */
export function compareNames(a: CodeEntry, b: CodeEntry): number {
  const i = TableEntry.index(a);
  const j = TableEntry.index(b);
  if (i === undefined || j === undefined) return a.name.localeCompare(b.name);
  return data().word(Section.Collation, i) - data().word(Section.Collation, j);
}

/** Whether the entry has a description written for mfr. */
export function hasWrittenDescription(e: CodeEntry): boolean {
  const i = TableEntry.index(e) ?? indexByExactName(e.name);
  return i !== undefined && (data().word(Section.Info, i, false) & WRITTEN) !== 0;
}

/** Every name defined for `value` as a code of `kind`, in precedence order. */
export function namesFor(kind: CodeKind, value: number): CodeEntry[] {
  const d = data();
  const k = KIND_ORDER.indexOf(kind);
  let lo = d.kindStart[k] ?? 0;
  let hi = d.kindStart[k + 1] ?? 0;
  const end = hi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (d.word(Section.Values, mid) < value) lo = mid + 1;
    else hi = mid;
  }
  const found: CodeEntry[] = [];
  for (let i = lo; i < end && d.word(Section.Values, i) === value; i++) found.push(entryAt(i, kind));
  return found;
}

let allEntries: CodeEntry[] | undefined;

/** Every code, sorted by kind then value. */
export function allCodes(): readonly CodeEntry[] {
  allEntries ??= Array.from({ length: data().count }, (_, i) => entryAt(i));
  return allEntries;
}

/** Where the codes of a kind with values in lo..hi (inclusive) are in the table: [start, end). */
export function indexRange(kind: CodeKind, lo: number, hi: number): [number, number] {
  const d = data();
  const k = KIND_ORDER.indexOf(kind);
  const bound = (v: number): number => {
    let first = d.kindStart[k] ?? 0;
    let last = d.kindStart[k + 1] ?? 0;
    while (first < last) {
      const mid = (first + last) >>> 1;
      if (d.word(Section.Values, mid) < v) first = mid + 1;
      else last = mid;
    }
    return first;
  };
  return [bound(lo), hi >= 0xffffffff ? (d.kindStart[k + 1] ?? 0) : bound(hi + 1)];
}

/** The table's codes start..end (of one kind), as objects. */
export function codesAt(kind: CodeKind, start: number, end: number): CodeEntry[] {
  const found: CodeEntry[] = [];
  for (let i = start; i < end; i++) found.push(entryAt(i, kind));
  return found;
}

/** The first index in ByName whose upper-case name is >= upper. */
function byNameLowerBound(upper: string): number {
  const d = data();
  let lo = 0;
  let hi = d.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (nameAt(d.word(Section.ByName, mid)).toUpperCase() < upper) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Table indexes of the entries named `name` in any case, in table order. */
function indexesByName(name: string): number[] {
  const d = data();
  const upper = name.toUpperCase();
  const found: number[] = [];
  for (let at = byNameLowerBound(upper); at < d.count; at++) {
    const i = d.word(Section.ByName, at);
    if (nameAt(i).toUpperCase() !== upper) break;
    found.push(i);
  }
  return found;
}

function indexByExactName(name: string): number | undefined {
  return indexesByName(name).find((i) => nameAt(i) === name);
}

/** The code with exactly this name, case-insensitively. */
export function codeByName(name: string): CodeEntry | undefined {
  const i = indexesByName(name)[0];
  return i === undefined ? undefined : entryAt(i);
}

/** The written description of the code with exactly this name (case matters), if it has one. */
export function writtenDescriptionOf(name: string): string | undefined {
  const i = indexByExactName(name);
  if (i === undefined) return undefined;
  const d = entryDescription(entryAt(i));
  return d?.written ? d.text : undefined;
}

/** Codes whose upper-case name, without underscores, contains `bare` (upper-case); in table order. */
export function codesWithNamePart(bare: string): CodeEntry[] {
  // Underscores may come between any two characters; the names are ASCII, so the i flag folds
  // case as toUpperCase would.
  const pattern = new RegExp([...bare].map((c) => c.replace(/[\\^$.*+?()[\]{}|\/-]/g, '\\$&')).join('_*'), 'gi');
  return linesContaining(Section.Names, Section.NameOff, (text, from) => {
    pattern.lastIndex = from;
    return pattern.exec(text)?.index ?? -1;
  }, (line) => line.toUpperCase().replace(/_/g, '').includes(bare));
}

/** Codes whose lower-case name, or written description, contains every word; in table order. */
export function codesWithWords(words: string[]): CodeEntry[] {
  // The longest word is looked for; the others are checked on the lines that have it.
  const [first = '', ...rest] = [...words].sort((a, b) => b.length - a.length);
  return linesContaining(Section.Hay, Section.HayOff, (text, from) => text.indexOf(first, from), (line) => rest.every((w) => line.includes(w)));
}

/**
 * Entries whose line of a text section `find` finds a match on and `keep` keeps: one pass over
 * the text, plus the lines that match.
 */
function linesContaining(s: Section, offsets: Section, find: (text: string, from: number) => number, keep: (line: string) => boolean): CodeEntry[] {
  const d = data();
  const text = d.text(s);
  const found: CodeEntry[] = [];
  let line = 0;
  for (let at = find(text, 0); at >= 0 && at < text.length; ) {
    // The line that holds `at`: the last whose start is at or before it.
    let hi = d.count - 1;
    while (line < hi) {
      const mid = (line + hi + 1) >>> 1;
      if (d.word(offsets, mid) <= at) line = mid;
      else hi = mid - 1;
    }
    const end = d.word(offsets, line + 1);
    // A match never spans lines (no needle holds a newline), so the next one starts after this line.
    if (keep(text.slice(d.word(offsets, line), end - 1))) found.push(entryAt(line));
    line++;
    at = find(text, end);
  }
  return found;
}

let facilityList: FacilityEntry[] | undefined;

/** Every facility number the headers name, HRESULT ones first. */
export function allFacilities(): readonly FacilityEntry[] {
  if (!facilityList) {
    facilityList = [];
    for (const line of FACILITY_TABLE.split('\n')) {
      const [k = 'h', num = '0', name = '', src = '0'] = line.split('\t');
      const space = KINDS[k] ?? 'hresult';
      const value = Number(num);
      const last = facilityList[facilityList.length - 1];
      if (last && last.space === space && last.value === value) last.names.push(name);
      else facilityList.push({ space, value, names: [name], source: SOURCES[Number(src)] ?? '' });
    }
  }
  return facilityList;
}

let facilityText: string | undefined;
const facilityMemo = new Map<number, string[]>();

/** The names of a facility number, found in the table's text: nothing is parsed first. */
export function facilityNames(space: 'hresult' | 'ntstatus', value: number): string[] {
  return [...namesOfFacility(space, value)];
}

/** The facility's first name, or null: what decoding every value asks, without a copy. */
export function facilityName(space: 'hresult' | 'ntstatus', value: number): string | null {
  return namesOfFacility(space, value)[0] ?? null;
}

function namesOfFacility(space: 'hresult' | 'ntstatus', value: number): readonly string[] {
  const memo = facilityMemo.get(space === 'hresult' ? value : -1 - value);
  if (memo) return memo;
  const text = (facilityText ??= `\n${FACILITY_TABLE}\n`);
  const key = `${space === 'hresult' ? 'h' : 'n'}\t${value}\t`;
  const names: string[] = [];
  for (let at = text.indexOf('\n' + key); at >= 0; ) {
    const start = at + 1 + key.length;
    const end = text.indexOf('\t', start);
    names.push(text.slice(start, end));
    const next = text.indexOf('\n', end);
    at = text.startsWith(key, next + 1) ? next : -1;
  }
  facilityMemo.set(space === 'hresult' ? value : -1 - value, names);
  return names;
}

/** A facility by number (`7`, `0x7`) or by name with or without the FACILITY_ prefix. */
export function findFacility(text: string, space: 'hresult' | 'ntstatus' = 'hresult'): FacilityEntry | undefined {
  const t = text.trim().toUpperCase().replace(/^FACILITY_/, '');
  const n = /^(0X[0-9A-F]+|\d+)$/.test(t) ? Number(t) : undefined;
  return allFacilities().find((f) => f.space === space && (n !== undefined ? f.value === n : f.names.includes(t)));
}
