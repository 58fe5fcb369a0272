// The code database: the generated tables (names and values from the headers) plus descriptions.
// Lookups by value binary-search the sorted table text directly, so decoding a value parses
// nothing up front; name and word searches parse the table once, on first use.
import { CODE_TABLE, FACILITY_TABLE, PACKAGES, SOURCES } from './codes.generated';

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

export const DATA_PACKAGES = PACKAGES;

function parseLine(line: string): CodeEntry {
  const [k = 'h', hex = '0', name = '', src = '0'] = line.split('\t');
  return { kind: KINDS[k] ?? 'hresult', value: parseInt(hex, 16), name, source: SOURCES[Number(src)] ?? '' };
}

/** Start offsets of the lines of CODE_TABLE, computed once. */
let lineStarts: Uint32Array | undefined;
function lines(): Uint32Array {
  if (!lineStarts) {
    const starts: number[] = [0];
    for (let i = CODE_TABLE.indexOf('\n'); i >= 0; i = CODE_TABLE.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStarts = Uint32Array.from(starts);
  }
  return lineStarts;
}

function lineAt(i: number): string {
  const starts = lines();
  const start = starts[i] ?? 0;
  const next = starts[i + 1];
  return CODE_TABLE.slice(start, next === undefined ? undefined : next - 1);
}

// Sort key of a line: kind rank, then value — the order the generator wrote.
function keyAt(i: number): number {
  const line = lineAt(i);
  const tab = line.indexOf('\t', 2);
  return KIND_RANK[KINDS[line[0] ?? 'h'] ?? 'hresult'] * 2 ** 32 + parseInt(line.slice(2, tab), 16);
}

/** Every name defined for `value` as a code of `kind`, in precedence order. */
export function namesFor(kind: CodeKind, value: number): CodeEntry[] {
  const key = KIND_RANK[kind] * 2 ** 32 + value;
  let lo = 0;
  let hi = lines().length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyAt(mid) < key) lo = mid + 1;
    else hi = mid;
  }
  const found: CodeEntry[] = [];
  for (let i = lo; i < lines().length && keyAt(i) === key; i++) found.push(parseLine(lineAt(i)));
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
