// The packed code table (src/data/pack.ts) and the database over it (src/data/db.ts): every answer
// checked against the generated text table it is packed from, read the slow and obvious way.
import { CODE_TABLE, FACILITY_TABLE, SOURCES } from '../src/data/codes.generated';
import { DESCRIPTIONS } from '../src/data/descriptions';
import {
  allCodes,
  allFacilities,
  codeByName,
  codesAt,
  indexRange,
  codesWithNamePart,
  codesWithWords,
  compareNames,
  entryDescription,
  facilityName,
  facilityNames,
  namesFor,
  type CodeEntry,
  type CodeKind,
} from '../src/data/db';
import { deriveDescription } from '../src/data/derive';
import { type ByteSource, PackedCodes, packCodes, Section } from '../src/data/pack';
import { listCodeBatches, listCodes, lookupName, searchWords } from '../src/core/query';

const KINDS: Record<string, CodeKind> = { h: 'hresult', w: 'win32', n: 'ntstatus' };
const TABLE: CodeEntry[] = CODE_TABLE.split('\n').map((line) => {
  const [k = '', hex = '', name = '', src = ''] = line.split('\t');
  return { kind: KINDS[k] as CodeKind, value: parseInt(hex, 16), name, source: SOURCES[Number(src)] ?? '' };
});
const plain = (e: CodeEntry): CodeEntry => ({ name: e.name, value: e.value, kind: e.kind, source: e.source });

test('every entry reads back as the text table has it, in its order', () => {
  expect(allCodes().map(plain)).toEqual(TABLE);
});

test('namesFor finds every name of a value, in table order, and nothing for values no code has', () => {
  const byKey = new Map<string, string[]>();
  for (const e of TABLE) byKey.set(`${e.kind}:${e.value}`, [...(byKey.get(`${e.kind}:${e.value}`) ?? []), e.name]);
  for (const [key, names] of byKey) {
    const [kind, value] = key.split(':');
    expect(namesFor(kind as CodeKind, Number(value)).map((e) => e.name)).toEqual(names);
  }
  expect(namesFor('hresult', 0x80070005).map((e) => e.name)).toContain('E_ACCESSDENIED');
  expect(namesFor('ntstatus', 0x00000103).map((e) => e.name)).toEqual(['STATUS_PENDING']);
  for (const v of [0x12345678, 0xffffffff, 0x7fffffff]) expect(namesFor('hresult', v).filter((e) => e.value !== v)).toEqual([]);
  expect(namesFor('win32', 0xfffffffe)).toEqual([]);
});

test('descriptions: the written one where there is one, otherwise the one derived from the name', () => {
  for (const e of allCodes()) {
    const written = Object.prototype.hasOwnProperty.call(DESCRIPTIONS, e.name);
    expect(entryDescription(e)).toEqual({ text: written ? DESCRIPTIONS[e.name] : deriveDescription(e.name), written });
  }
});

test('codeByName is case-insensitive and gives the first entry of that name', () => {
  const first = new Map<string, CodeEntry>();
  for (const e of TABLE) if (!first.has(e.name.toUpperCase())) first.set(e.name.toUpperCase(), e);
  for (const [upper, e] of first) {
    expect(plain(codeByName(upper) as CodeEntry)).toEqual(e);
    expect(plain(codeByName(upper.toLowerCase()) as CodeEntry)).toEqual(e);
  }
  expect(codeByName('E_NO_SUCH_CODE_AT_ALL')).toBeUndefined();
  expect(codeByName('')).toBeUndefined();
});

test('a part of a name: every code whose name, without underscores, contains it, in table order', () => {
  const brute = (bare: string): string[] => TABLE.filter((e) => e.name.toUpperCase().replace(/_/g, '').includes(bare)).map((e) => e.name);
  for (const part of ['ACCESS', 'ACCESSDENIED', 'E', 'NOTFOUND', 'DXGI', '0', 'X', 'NETNOTSTARTED', 'Q', 'ZZZZZ', '', 'S.OK', 'A+', '(', '\\']) {
    expect(codesWithNamePart(part).map((e) => e.name)).toEqual(brute(part));
  }
});

test('words: every code whose name or written description holds all of them, in table order', () => {
  const brute = (words: string[]): string[] =>
    TABLE.filter((e) => {
      const hay = `${e.name} ${DESCRIPTIONS[e.name] ?? ''}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    }).map((e) => e.name);
  for (const words of [['access', 'denied'], ['migration'], ['e_fail'], ['cluster', 'quorum'], ['zzzz'], ['the'], ['a', 'b'], ['accessdenied']]) {
    expect(codesWithWords(words).map((e) => e.name)).toEqual(brute(words));
  }
});

test('names compare as localeCompare orders them, though the collator is never loaded', () => {
  const codes = allCodes();
  for (let i = 0; i < 3000; i++) {
    const a = codes[(i * 7919) % codes.length] as CodeEntry;
    const b = codes[(i * 104729 + 13) % codes.length] as CodeEntry;
    expect(Math.sign(compareNames(a, b)) || Math.sign(codes.indexOf(a) - codes.indexOf(b))).toBe(Math.sign(a.name.localeCompare(b.name)) || Math.sign(codes.indexOf(a) - codes.indexOf(b)));
  }
  const seed = { name: 'E_BUSY', value: 0x800700aa, kind: 'hresult' as const, source: 'MigrationFailureReason' };
  expect(Math.sign(compareNames(seed, codeByName('E_FAIL') as CodeEntry))).toBe(Math.sign('E_BUSY'.localeCompare('E_FAIL')));
});

test('facility names read from the text match the parsed facility list', () => {
  for (const f of allFacilities()) {
    if (f.space === 'win32') continue;
    expect(facilityNames(f.space, f.value)).toEqual(f.names);
    expect(facilityName(f.space, f.value)).toBe(f.names[0]);
  }
  expect(facilityNames('hresult', 5)).toEqual([]);
  expect(facilityName('ntstatus', 4095)).toBeNull();
  // A caller changing the list it got changes nothing for the next one.
  facilityNames('hresult', 7).push('CHANGED');
  expect(facilityNames('hresult', 7)).toEqual(['WIN32']);
  expect(FACILITY_TABLE.split('\n')).toHaveLength(allFacilities().reduce((n, f) => n + f.names.length, 0));
});

test('indexRange: where the codes of a kind with values in a range are, bounds included', () => {
  const brute = (kind: CodeKind, lo: number, hi: number): string[] => TABLE.filter((e) => e.kind === kind && e.value >= lo && e.value <= hi).map((e) => e.name);
  for (const [kind, lo, hi] of [['hresult', 0x80070000, 0x8007ffff], ['win32', 0, 0xffffffff], ['ntstatus', 0xc0000005, 0xc0000005], ['hresult', 5, 4], ['win32', 0xfffffff0, 0xffffffff]] as const) {
    expect(codesAt(kind, ...indexRange(kind, lo, hi)).map((e) => e.name)).toEqual(brute(kind, lo, hi));
  }
});

test('lists, whole or a batch at a time, give the same codes', () => {
  for (const filter of [{}, { kind: 'win32' as const }, { facility: 'DXGI' }, { facility: '7' }, { kind: 'ntstatus' as const, facility: 'NTWIN32' }, { kind: 'win32' as const, facility: 'DXGI' }]) {
    const whole = listCodes(filter);
    expect([...listCodeBatches(filter, 500)].flat()).toEqual(whole);
    for (const batch of listCodeBatches(filter, 500)) expect(batch.length).toBeLessThanOrEqual(500);
  }
  const dxgi = listCodes({ facility: 'DXGI' });
  expect(dxgi.length).toBeGreaterThan(20);
  expect(dxgi.every((c) => c.kind === 'hresult' && ((c.value >>> 16) & 0xfff) === 0x87a)).toBe(true);
  expect(listCodes({ kind: 'win32', facility: 'DXGI' })).toEqual([]);
  expect(listCodes({ facility: 'WIN32' }).filter((c) => c.kind === 'win32')).toHaveLength(TABLE.filter((e) => e.kind === 'win32').length);
});

test('lookup and search rank as before: suffix or prefix matches and written descriptions first', () => {
  const r = lookupName('access_denied');
  expect('matches' in r ? r.matches.slice(0, 4).map((c) => c.name) : r).toEqual(['E_ACCESSDENIED', 'STG_E_ACCESSDENIED', 'ERROR_ACCESS_DENIED', 'HCS_E_ACCESS_DENIED']);
  expect(searchWords('access denied').slice(0, 3).map((c) => c.name)).toEqual(['E_ACCESSDENIED', 'ERROR_ACCESS_DENIED', 'ERROR_NETWORK_ACCESS_DENIED']);
});

describe('the packed format', () => {
  const small = ['h\t0\tS_OK\t0', 'h\t80004005\tE_FAIL\t0', 'h\t80004005\tE_ALSO\t1', 'n\tc0000005\tSTATUS_ACCESS_VIOLATION\t0'].join('\n');
  const bytes = packCodes({ table: small, written: { E_FAIL: 'Écrit à la main: a description with “quotes”.' }, derive: (n) => `derived ${n}` });
  let reads = 0;
  const source: ByteSource = { read: (o, l) => (reads++, bytes.subarray(o, o + l)) };

  test('a kind without entries starts where the next one does; text is sliced by byte offsets', () => {
    const p = new PackedCodes(source);
    expect(p.count).toBe(4);
    expect(p.kindStart).toEqual([0, 3, 3, 4]);
    const descs = [0, 1, 2, 3].map((i) => p.slice(Section.Descs, p.word(Section.DescOff, i), p.word(Section.DescOff, i + 1)));
    expect(descs).toEqual(['derived S_OK', 'Écrit à la main: a description with “quotes”.', 'derived E_ALSO', 'derived STATUS_ACCESS_VIOLATION']);
    expect(p.word(Section.Info, 1, false)).toBe(0x8000);
    expect(p.word(Section.Info, 2, false)).toBe(1);
    expect(reads).toBeGreaterThan(1);
  });

  test('a damaged or foreign file is refused with a message that says what to do', () => {
    const bad: ByteSource = { read: (o, l) => new Uint8Array(l).fill(o === 0 ? 7 : 0) };
    expect(() => new PackedCodes(bad)).toThrow(/damaged or from another version of mfr \(rebuild it with npm run build\)/);
  });

  test('names must be ASCII', () => {
    expect(() => packCodes({ table: 'h\t0\tS_ÖK\t0', written: {}, derive: (n) => n })).toThrow(/code names must be ASCII/);
  });
});
