// The code database: the generated tables (names and values from the headers) plus descriptions.
// Lookups by value binary-search the sorted table text directly, so decoding a value parses
// nothing up front; name and word searches parse the table once, on first use.
import { CODE_TABLE, FACILITY_TABLE, SOURCES } from './codes.generated';

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
const KIND_RANK: Record<CodeKind, number> = { hresult: 0, win32: 1, ntstatus: 2 };

function parseLine(line: string): CodeEntry {
  const [k = 'h', hex = '0', name = '', src = '0'] = line.split('\t');
  return { kind: KINDS[k] ?? 'hresult', value: parseInt(hex, 16), name, source: SOURCES[Number(src)] ?? '' };
}

// The table is sorted by kind rank, then value; a line's key is that pair as one number.
function keyOf(line: string): number {
  return KIND_RANK[KINDS[line[0] ?? 'h'] ?? 'hresult'] * 2 ** 32 + parseInt(line.slice(2, line.indexOf('\t', 2)), 16);
}

/** The line that contains character `pos`, and where it starts and ends. */
function lineAround(pos: number): { start: number; end: number; line: string } {
  const start = CODE_TABLE.lastIndexOf('\n', pos - 1) + 1;
  let end = CODE_TABLE.indexOf('\n', pos);
  if (end < 0) end = CODE_TABLE.length;
  return { start, end, line: CODE_TABLE.slice(start, end) };
}

/** Every name defined for `value` as a code of `kind`, in precedence order. */
export function namesFor(kind: CodeKind, value: number): CodeEntry[] {
  const key = KIND_RANK[kind] * 2 ** 32 + value;
  // Binary search over character offsets for the first line whose key is >= key.
  let lo = 0;
  let hi = CODE_TABLE.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const { start, end, line } = lineAround(mid);
    if (keyOf(line) < key) lo = end + 1;
    else hi = start;
  }
  const found: CodeEntry[] = [];
  for (let pos = lo; pos < CODE_TABLE.length; ) {
    const { end, line } = lineAround(pos);
    if (keyOf(line) !== key) break;
    found.push(parseLine(line));
    pos = end + 1;
  }
  return found;
}

let allEntries: CodeEntry[] | undefined;
let byName: Map<string, CodeEntry> | undefined;

/** Every code, sorted by kind then value. */
export function allCodes(): readonly CodeEntry[] {
  allEntries ??= CODE_TABLE.split('\n').map(parseLine);
  return allEntries;
}

/** The code with exactly this name, case-insensitively. */
export function codeByName(name: string): CodeEntry | undefined {
  if (!byName) {
    byName = new Map();
    for (const e of allCodes()) if (!byName.has(e.name.toUpperCase())) byName.set(e.name.toUpperCase(), e);
  }
  return byName.get(name.toUpperCase());
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

export function facilityNames(space: 'hresult' | 'ntstatus', value: number): string[] {
  return allFacilities().find((f) => f.space === space && f.value === value)?.names ?? [];
}

/** A facility by number (`7`, `0x7`) or by name with or without the FACILITY_ prefix. */
export function findFacility(text: string, space: 'hresult' | 'ntstatus' = 'hresult'): FacilityEntry | undefined {
  const t = text.trim().toUpperCase().replace(/^FACILITY_/, '');
  const n = /^(0X[0-9A-F]+|\d+)$/.test(t) ? Number(t) : undefined;
  return allFacilities().find((f) => f.space === space && (n !== undefined ? f.value === n : f.names.includes(t)));
}
