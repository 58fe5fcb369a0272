// Finding codes by name, by words and by facility or kind: pure queries over the code database.
import { allCodes, allFacilities, type CodeEntry, type CodeKind, codeByName, codesWithNamePart, codesWithWords, codesAt, compareNames, indexRange, findFacility, hasWrittenDescription } from '../data/db';
import { facilityOf } from './hresult';
import { MIGRATION_FAILURE_REASON } from './migration';

/** Thrown for a name, facility or option no code matches; `suggestions` are the closest names. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(message: string, readonly suggestions: string[] = []) {
    super(suggestions.length > 0 ? `${message}; did you mean ${suggestions.join(', ')}?` : message);
  }
}

let seedList: CodeEntry[] | undefined;

/** The seed's names that the headers lack (E_BUSY), as codes. */
function seedCodes(): CodeEntry[] {
  return (seedList ??= MIGRATION_FAILURE_REASON.values
    .filter((v) => !codeByName(v.name))
    .map((v) => ({ name: v.name, value: v.value, kind: 'hresult' as const, source: MIGRATION_FAILURE_REASON.name })));
}

function everyCode(): CodeEntry[] {
  return [...seedCodes(), ...allCodes()];
}

export type LookupResult = { exact: CodeEntry } | { matches: CodeEntry[] };

/**
 * An exact name (case-insensitive) gives that code; otherwise every code whose name contains the
 * text, underscores aside. No match at all throws NotFoundError with the closest names.
 */
export function lookupName(text: string): LookupResult {
  const name = text.trim();
  if (name === '') throw new NotFoundError('empty name');
  const upper = name.toUpperCase();
  const exact = seedCodes().find((c) => c.name === upper) ?? codeByName(upper);
  if (exact) return { exact };
  // Underscores are optional: ACCESS_DENIED finds E_ACCESSDENIED too.
  const bare = upper.replace(/_/g, '');
  const matches = [...seedCodes().filter((c) => c.name.replace(/_/g, '').includes(bare)), ...codesWithNamePart(bare)];
  if (matches.length > 0) return { matches: rankMatches(matches, bare) };
  throw new NotFoundError(`no code is named ${JSON.stringify(name)}`, closestNames(upper));
}

// Names that start or end with the text first, then codes with written descriptions (the ones
// users meet most), then shorter names.
function rankMatches(matches: CodeEntry[], bare: string): CodeEntry[] {
  const score = (c: CodeEntry): number => {
    const n = c.name.toUpperCase().replace(/_/g, '');
    return (n.endsWith(bare) || n.startsWith(bare) ? 0 : 2) + (hasWrittenDescription(c) ? 0 : 1);
  };
  return sortBy(matches, score, (a, b) => a.name.length - b.name.length || compareNames(a, b));
}

/** Sorts by a score computed once per code (not once per comparison), then by `then`; stable. */
function sortBy(codes: CodeEntry[], score: (c: CodeEntry) => number, then: (a: CodeEntry, b: CodeEntry) => number): CodeEntry[] {
  const scored = codes.map((c) => ({ c, s: score(c) }));
  return scored.sort((a, b) => a.s - b.s || then(a.c, b.c)).map((x) => x.c);
}

/** fastest-levenshtein sets up a 256 KB table when loaded: only the misspelt names pay for it. */
const levenshtein = (): typeof import('fastest-levenshtein') => require('fastest-levenshtein') as typeof import('fastest-levenshtein');

/** The facility names nearest to a misspelt one (FACILITY_ aside). */
export function closestFacilities(text: string, space: 'hresult' | 'ntstatus', count = 3): string[] {
  const { distance } = levenshtein();
  const t = text.trim().toUpperCase().replace(/^FACILITY_/, '');
  const limit = Math.max(2, Math.floor(t.length / 3));
  return allFacilities()
    .filter((f) => f.space === space)
    .flatMap((f) => f.names)
    .map((name) => ({ name, d: distance(t, name) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((x) => x.name);
}

export function closestNames(upper: string, count = 5): string[] {
  const { distance } = levenshtein();
  const scored = everyCode().map((c) => ({ name: c.name, d: distance(upper, c.name.toUpperCase()) }));
  const limit = Math.max(2, Math.floor(upper.length / 3));
  return scored
    .filter((s) => s.d <= limit)
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((s) => s.name);
}

/** Codes whose name (underscores read as spaces) or description contains every word. */
export function searchWords(text: string): CodeEntry[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) throw new NotFoundError('no words to search for');
  // A derived description only repeats the name, so only written ones are read.
  const seedText = new Map(MIGRATION_FAILURE_REASON.values.map((v) => [v.name, v.description]));
  const seeds = seedCodes().filter((c) => {
    const hay = `${c.name} ${seedText.get(c.name) ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  // Codes with written descriptions first: they are the ones users meet most.
  const rank = (c: CodeEntry): number => (seedText.has(c.name) || hasWrittenDescription(c) ? 0 : 1);
  return sortBy([...seeds, ...codesWithWords(words)], rank, compareNames);
}

export interface ListFilter {
  kind?: CodeKind;
  /** A facility name or number; HRESULT facilities, or NTSTATUS ones with kind ntstatus. */
  facility?: string;
}

export function listCodes(filter: ListFilter = {}): CodeEntry[] {
  return [...listCodeBatches(filter, Infinity)].flat();
}

/**
 * listCodes a batch of at most `size` at a time: each batch's objects are made when it is asked
 * for, so that a caller writing them out keeps little alive. Throws NotFoundError before the first.
 */
export function listCodeBatches(filter: ListFilter, size: number): Iterable<CodeEntry[]> {
  const { seeds, ranges } = listCodeRanges(filter);
  return (function* batches(): Generator<CodeEntry[]> {
    let batch: CodeEntry[] = [...seeds];
    for (const [kind, start, end] of ranges) {
      for (let at = start; at < end; ) {
        const take = Math.min(end - at, size - batch.length);
        for (const e of codesAt(kind, at, at + take)) batch.push(e);
        at += take;
        if (batch.length >= size) yield batch, (batch = []);
      }
    }
    if (batch.length > 0) yield batch;
  })();
}

/**
 * What listCodes gives, as the seed's codes and runs of the table (kind, first index, end index):
 * for callers that need no objects for the table's codes. Throws NotFoundError for a facility no
 * code has.
 */
export function listCodeRanges(filter: ListFilter): { seeds: CodeEntry[]; ranges: [CodeKind, number, number][] } {
  const kinds = filter.kind ? [filter.kind] : (['hresult', 'win32', 'ntstatus'] as const);
  const seeds = seedCodes().filter((c) => kinds.includes(c.kind));
  let ranges: [CodeKind, number, number][];
  if (filter.facility === undefined) ranges = kinds.map((k) => [k, ...indexRange(k, 0, 0xffffffff)]);
  else {
    const space = filter.kind === 'ntstatus' ? 'ntstatus' : 'hresult';
    const fac = findFacility(filter.facility, space);
    if (!fac) throw new NotFoundError(`no ${space === 'hresult' ? 'HRESULT' : 'NTSTATUS'} facility is named ${JSON.stringify(filter.facility)}`, closestFacilities(filter.facility, space));
    // A facility's codes are 16 runs of values, one for each value of the top four bits; Win32
    // errors are all of facility WIN32.
    const runs = (k: CodeKind): [CodeKind, number, number][] =>
      Array.from({ length: 16 }, (_, top) => top * 0x10000000 + fac.value * 0x10000).map((lo) => [k, ...indexRange(k, lo, lo + 0xffff)]);
    const of = (k: CodeKind): [CodeKind, number, number][] =>
      space === 'ntstatus' ? (k === 'ntstatus' ? runs(k) : []) : k === 'hresult' ? runs(k) : k === 'win32' && fac.value === 7 ? [[k, ...indexRange(k, 0, 0xffffffff)]] : [];
    ranges = kinds.flatMap(of);
    const seedOf = (c: CodeEntry): boolean =>
      space === 'ntstatus' ? c.kind === 'ntstatus' && facilityOf(c.value) === fac.value : c.kind === 'hresult' ? facilityOf(c.value) === fac.value : c.kind === 'win32' && fac.value === 7;
    seeds.splice(0, seeds.length, ...seeds.filter(seedOf));
  }
  return { seeds, ranges: ranges.filter(([, start, end]) => end > start) };
}
