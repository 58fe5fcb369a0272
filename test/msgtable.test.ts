import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  type ByteSource,
  type MessageEntry,
  MessageFileError,
  langIdFromTag,
  langTag,
  openMessageFile,
  readMessageTable,
} from '../src/core/msgtable';

const FIX = path.join(__dirname, 'fixtures', 'messages');
const load = (rel: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(FIX, rel)));

const EN = 0x409;
const DE = 0x407;
const FR = 0x40c;

// The texts of test/fixtures/messages/src/common.mc, by language.
const COMMON: Record<number, Record<number, string>> = {
  [EN]: {
    5: 'Fixture: access is refused.',
    170: 'Fixture: the thing you asked for is busy right now.',
    1722: 'Fixture: the server %1 cannot be reached for call %2.',
    0x80004005: 'Fixture: something failed and nobody said what.',
    0x80070005: 'Fixture: access is refused (as an HRESULT).',
    0x800700aa: 'Fixture: the thing is busy (as an HRESULT).',
  },
  [DE]: {
    5: 'Fixture: Der Zugang wird abgelehnt (äöü ß).',
    170: 'Fixture: Das gewünschte Ding ist gerade belegt.',
    1722: 'Fixture: Der Server %1 ist für Aufruf %2 nicht erreichbar.',
    0x80004005: 'Fixture: Etwas ging schief, und niemand sagt, was.',
    0x80070005: 'Fixture: Der Zugang wird abgelehnt (als HRESULT).',
    0x800700aa: 'Fixture: Das Ding ist belegt (als HRESULT).',
  },
  [FR]: {
    5: "Fixture : l'accès est refusé (é è ç).",
    170: 'Fixture : la chose demandée est occupée pour le moment.',
    1722: "Fixture : le serveur %1 est injoignable pour l'appel %2.",
    0x80004005: 'Fixture : quelque chose a échoué sans explication.',
    0x80070005: "Fixture : l'accès est refusé (en HRESULT).",
    0x800700aa: 'Fixture : la chose est occupée (en HRESULT).',
  },
};

function expected(langs: number[], unicode: boolean): MessageEntry[] {
  return langs.flatMap((langId) =>
    Object.entries(COMMON[langId]!)
      .map(([id, text]) => ({ id: Number(id), langId, text, unicode }))
      .sort((a, b) => a.id - b.id),
  );
}

/** PE32 or PE32+, read straight from the bytes (independently of the parser). */
function peKind(b: Uint8Array): 'PE32' | 'PE32+' {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const magic = dv.getUint16(dv.getUint32(0x3c, true) + 24, true);
  return magic === 0x20b ? 'PE32+' : 'PE32';
}

describe('fixtures', () => {
  const cases: Array<{ file: string; kind: 'PE32' | 'PE32+'; unicode: boolean; entries: MessageEntry[] }> = [
    { file: 'multi64.dll', kind: 'PE32+', unicode: true, entries: expected([DE, EN, FR], true) },
    { file: 'multi32-ansi.dll', kind: 'PE32', unicode: false, entries: expected([DE, EN, FR], false) },
    { file: 'system32/en-US/kernelbase.dll.mui', kind: 'PE32', unicode: true, entries: expected([EN], true) },
    { file: 'system32/de-DE/kernelbase.dll.mui', kind: 'PE32', unicode: true, entries: expected([DE], true) },
    { file: 'system32/fr-FR/kernelbase.dll.mui', kind: 'PE32', unicode: false, entries: expected([FR], false) },
    { file: 'system32/kernelbase.dll', kind: 'PE32+', unicode: true, entries: [] },
    {
      file: 'system32/ntdll.dll',
      kind: 'PE32+',
      unicode: true,
      entries: [
        { id: 0xc0000022, langId: EN, text: '{Fixture} A process asked for access it may not have.', unicode: true },
        { id: 0xc0000034, langId: EN, text: 'Fixture: the object name %1 was not found.', unicode: true },
        { id: 0xc0fe0001, langId: EN, text: 'Fixture: a status only this message file knows.', unicode: true },
      ],
    },
    {
      file: 'system32/notlisted.dll',
      kind: 'PE32+',
      unicode: true,
      entries: [{ id: 5, langId: EN, text: 'Fixture: this text comes from a module that a folder scan ignores.', unicode: true }],
    },
  ];

  test.each(cases)('$file ($kind) reads every message', ({ file, kind, entries }) => {
    const bytes = load(file);
    expect(peKind(bytes)).toBe(kind);
    expect(readMessageTable(bytes)).toEqual(entries);
  });

  test.each([
    ['multi64.dll', [DE]],
    ['multi64.dll', [FR, EN]],
    ['multi32-ansi.dll', [FR]],
    ['multi64.dll', [0x411]],
  ])('%s keeps only languages %j', (file, langIds) => {
    const got = readMessageTable(load(file), { langIds });
    expect(new Set(got.map((e) => e.langId))).toEqual(new Set(langIds.filter((l) => l !== 0x411)));
  });

  test('MUI satellites are resource-only images', () => {
    const b = load('system32/de-DE/kernelbase.dll.mui');
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    expect(dv.getUint16(dv.getUint32(0x3c, true) + 6, true)).toBe(1); // one section: .rsrc
    expect(openMessageFile(b).langIds).toEqual([DE]);
  });

  test('openMessageFile lists languages and looks up single ids', () => {
    const f = openMessageFile(load('multi64.dll'));
    expect(f.langIds).toEqual([DE, EN, FR]);
    expect(f.get(0x80070005, EN)?.text).toBe(COMMON[EN]![0x80070005]);
    expect(f.get(-2147024891, DE)?.text).toBe(COMMON[DE]![0x80070005]); // signed form of 0x80070005
    expect(f.get(6, EN)).toBeUndefined();
    expect(f.get(5, 0x411)).toBeUndefined();
    expect(f.count(EN)).toBe(6);
  });

  test('table data is read only for the languages asked for', () => {
    const bytes = load('multi64.dll');
    const reads: Array<[number, number]> = [];
    const src: ByteSource = {
      size: bytes.length,
      read: (o, n) => {
        reads.push([o, n]);
        return bytes.subarray(o, o + n);
      },
    };
    const f = openMessageFile(src);
    const beforeLoad = reads.reduce((s, [, n]) => s + n, 0);
    expect(beforeLoad).toBeLessThan(600); // headers and directory entries only
    f.load([EN]);
    const tableReads = reads.slice(-1);
    expect(f.get(5, EN)?.text).toBe(COMMON[EN]![5]);
    expect(reads.slice(-1)).toEqual(tableReads); // get() did not read again
    const tables = layout(bytes).tables.map((t) => t.at);
    expect(tables).toHaveLength(3);
    expect(reads.filter(([o]) => tables.includes(o))).toHaveLength(1); // one table read, not three
  });

  test('trailing CR/LF and NULs are trimmed; inserts stay as placeholders', () => {
    const e = readMessageTable(load('multi64.dll'), { langIds: [EN] }).find((x) => x.id === 1722)!;
    expect(e.text).toBe('Fixture: the server %1 cannot be reached for call %2.');
  });
});

const LCIDS: Array<[number, string]> = [
  [0x409, 'en-US'], [0x407, 'de-DE'], [0x40c, 'fr-FR'], [0xc0a, 'es-ES'], [0x410, 'it-IT'],
  [0x411, 'ja-JP'], [0x412, 'ko-KR'], [0x804, 'zh-CN'], [0x404, 'zh-TW'], [0x416, 'pt-BR'],
  [0x419, 'ru-RU'], [0x415, 'pl-PL'], [0x413, 'nl-NL'], [0x41d, 'sv-SE'], [0x41f, 'tr-TR'], [0x405, 'cs-CZ'],
];

describe('langTag / langIdFromTag', () => {
  test.each(LCIDS.map(([id, tag]) => [id.toString(16).toUpperCase().padStart(4, '0'), tag, id] as const))('0x%s ↔ %s', (_hex, tag, id) => {
    expect(langTag(id)).toBe(tag);
    expect(langIdFromTag(tag)).toBe(id);
    expect(langIdFromTag(tag.toLowerCase().replace('-', '_'))).toBe(id);
  });

  test('neutral, bare languages and unknowns', () => {
    expect(langTag(0)).toBe('neutral');
    expect(langTag(0x400)).toBe('neutral');
    expect(langIdFromTag('neutral')).toBe(0);
    expect(langTag(0x07)).toBe('de');
    expect(langIdFromTag('de')).toBe(0x07);
    expect(langTag(0x40a)).toBe('es-ES');
    expect(langTag(0x7fff)).toBeUndefined();
    expect(langTag(-1)).toBeUndefined();
    expect(langTag(1.5)).toBeUndefined();
    expect(langIdFromTag('xx-YY')).toBeUndefined();
    expect(langIdFromTag('')).toBeUndefined();
  });
});

// ---- damaged files, built from the good fixtures ----

/** Where the parts of a fixture are, found independently of the parser under test. */
function layout(b: Uint8Array) {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const peOff = dv.getUint32(0x3c, true);
  const optOff = peOff + 24;
  const is64 = dv.getUint16(optOff, true) === 0x20b;
  const nSections = dv.getUint16(peOff + 6, true);
  const secOff = optOff + dv.getUint16(peOff + 20, true);
  const dirsAt = optOff + (is64 ? 112 : 96);
  const rsrcRva = dv.getUint32(dirsAt + 16, true);
  const sections = Array.from({ length: nSections }, (_, i) => ({
    at: secOff + i * 40,
    va: dv.getUint32(secOff + i * 40 + 12, true),
    rawSize: dv.getUint32(secOff + i * 40 + 16, true),
    raw: dv.getUint32(secOff + i * 40 + 20, true),
  }));
  const toOff = (rva: number) => {
    const s = sections.find((x) => rva >= x.va && rva < x.va + x.rawSize)!;
    return s.raw + rva - s.va;
  };
  const base = toOff(rsrcRva);
  const dirEntries = (rel: number) => {
    const n = dv.getUint16(base + rel + 12, true) + dv.getUint16(base + rel + 14, true);
    return Array.from({ length: n }, (_, i) => {
      const at = base + rel + 16 + i * 8;
      return { at, name: dv.getUint32(at, true), target: dv.getUint32(at + 4, true) };
    });
  };
  const type = dirEntries(0).find((e) => e.name === 11)!;
  const namesRel = type.target & 0x7fffffff;
  const name = dirEntries(namesRel)[0]!;
  const langsRel = name.target & 0x7fffffff;
  const lang = dirEntries(langsRel)[0]!;
  const dataEntry = base + lang.target;
  const tables = dirEntries(0)
    .filter((e) => e.name === 11)
    .flatMap((t) => dirEntries(t.target & 0x7fffffff))
    .flatMap((n) => dirEntries(n.target & 0x7fffffff))
    .map((l) => ({ at: toOff(dv.getUint32(base + l.target, true)), size: dv.getUint32(base + l.target + 4, true) }));
  const table = tables[0]!;
  const firstEntry = table.at + dv.getUint32(table.at + 12, true);
  return { peOff, optOff, is64, secOff, nSections, dirsAt, base, type, namesRel, name, langsRel, lang, dataEntry, table, tables, firstEntry, sections };
}

function patched(b: Uint8Array, edits: Array<[offset: number, value: number, bytes?: 1 | 2 | 4]>): Uint8Array {
  const out = b.slice();
  const dv = new DataView(out.buffer);
  for (const [o, v, n = 4] of edits) {
    if (n === 1) dv.setUint8(o, v);
    else if (n === 2) dv.setUint16(o, v, true);
    else dv.setUint32(o, v >>> 0, true);
  }
  return out;
}

function errorOf(b: Uint8Array): string {
  try {
    readMessageTable(b);
  } catch (e) {
    expect(e).toBeInstanceOf(MessageFileError);
    return (e as Error).message;
  }
  throw new Error('expected a MessageFileError');
}

describe.each(['multi64.dll', 'multi32-ansi.dll', 'system32/de-DE/kernelbase.dll.mui'])('damaged %s', (file) => {
  const good = load(file);
  const L = layout(good);

  const cases: Array<[string, () => Uint8Array, RegExp]> = [
    ['empty file', () => new Uint8Array(0), /not a PE file \(0 bytes/],
    ['no MZ', () => patched(good, [[0, 0, 2]]), /not a PE file \(no MZ header\)/],
    ['PE offset past the end', () => patched(good, [[0x3c, good.length + 100]]), /PE header offset .* lies outside the file/],
    ['PE offset huge', () => patched(good, [[0x3c, 0xffffffff]]), /PE header offset/],
    ['no PE signature', () => patched(good, [[L.peOff, 0x4c45]]), /no PE signature at 0x/],
    ['unknown optional header magic', () => patched(good, [[L.optOff, 0x107, 2]]), /optional header magic 0x107/],
    ['optional header size 0', () => patched(good, [[L.peOff + 20, 0, 2]]), /optional header .* missing/],
    ['section count past the end', () => patched(good, [[L.peOff + 6, 4000, 2]]), /section table .* runs past the end/],
    ['resource RVA outside every section', () => patched(good, [[L.dirsAt + 16, 0x7fff0000]]), /resource directory at RVA 0x7FFF0000 lies outside the file/],
    [
      'resource section raw data past the end',
      () => patched(good, L.sections.map((s) => [s.at + 20, good.length + 0x1000] as [number, number])),
      /lies outside the file/,
    ],
    ['RT_MESSAGETABLE points back to the root', () => patched(good, [[L.type.at + 4, 0x80000000]]), /resource directory loops/],
    ['name points to its own directory', () => patched(good, [[L.name.at + 4, 0x80000000 | L.namesRel]]), /resource directory loops/],
    ['language points back to the root', () => patched(good, [[L.lang.at + 4, 0x80000000]]), /resource directory loops/],
    ['language points to a fourth level', () => patched(good, [[L.lang.at + 4, 0x80000000 | (L.dataEntry - L.base)]]), /nested deeper than type\/name\/language/],
    ['RT_MESSAGETABLE entry is data', () => patched(good, [[L.type.at + 4, L.namesRel]]), /is data, expected a subdirectory/],
    ['root entry count past the section', () => patched(good, [[L.base + 14, 0x4000, 2]]), /root directory at 0x.* with \d+ entries runs past the end/],
    ['root entry count huge', () => patched(good, [[L.base + 12, 0xffff, 2], [L.base + 14, 0xffff, 2]]), /too many entries/],
    ['subdirectory offset past the section', () => patched(good, [[L.type.at + 4, 0x80000000 | 0x7ffffff0]]), /runs past the end of the resource section/],
    ['data entry past the section', () => patched(good, [[L.lang.at + 4, 0x7ffffff0]]), /data entry at 0x.* runs past the end/],
    ['table size huge', () => patched(good, [[L.dataEntry + 4, 0x7fffffff]]), /truncated message table at 0x/],
    ['table RVA outside the file', () => patched(good, [[L.dataEntry, 0x7fff0000]]), /message table data .* lies outside the file/],
    ['table size too small for a count', () => patched(good, [[L.dataEntry + 4, 2]]), /too short for a block count/],
    ['block count huge', () => patched(good, [[L.table.at, 0xffffffff]]), /claims 4294967295 blocks/],
    ['blocks do not fit', () => patched(good, [[L.table.at, 5000]]), /5000 blocks do not fit/],
    ['HighId below LowId', () => patched(good, [[L.table.at + 4, 10], [L.table.at + 8, 9]]), /HighId 0x9 below LowId 0xA/],
    ['block spans every id', () => patched(good, [[L.table.at + 4, 0], [L.table.at + 8, 0xffffffff]]), /truncated message block at 0x/],
    ['entries offset outside the table', () => patched(good, [[L.table.at + 12, 0x7fffffff]]), /outside the table/],
    ['entry length 0', () => patched(good, [[L.firstEntry, 0, 2]]), /has length 0 \(at least 4\)/],
    ['entry length 3', () => patched(good, [[L.firstEntry, 3, 2]]), /has length 3/],
    ['entry length past the table', () => patched(good, [[L.firstEntry, 0xfffc, 2]]), /truncated message block at 0x/],
  ];

  test.each(cases)('%s', (_name, make, message) => {
    expect(errorOf(make())).toMatch(message);
  });

  test('no resource directory or too few data directories → no messages, no error', () => {
    expect(readMessageTable(patched(good, [[L.dirsAt + 16, 0]]))).toEqual([]);
    expect(readMessageTable(patched(good, [[L.dirsAt - 4, 2]]))).toEqual([]);
  });

  test('truncated at every offset: an error before the last table ends, the same result after', () => {
    const full = readMessageTable(good);
    const end = Math.max(...L.tables.map((t) => t.at + t.size));
    for (let n = 0; n < good.length; n += n < end ? 3 : 64) {
      const cut = good.subarray(0, n);
      if (n < end) expect(() => readMessageTable(cut)).toThrow(MessageFileError);
      else expect(readMessageTable(cut)).toEqual(full);
    }
  });
});

// ---- hand-built files: cases the message compiler never writes ----

type Entry = { text: string; flags?: number; raw?: Uint8Array };

/** MESSAGE_RESOURCE_DATA from blocks of consecutive ids. */
function buildTable(blocks: Array<{ low: number; entries: Entry[] }>): Uint8Array {
  const enc = (e: Entry): Uint8Array => {
    if (e.raw) return e.raw;
    const flags = e.flags ?? 1;
    if (flags & 1) {
      const b = new Uint8Array(e.text.length * 2);
      for (let i = 0; i < e.text.length; i++) {
        b[i * 2] = e.text.charCodeAt(i) & 0xff;
        b[i * 2 + 1] = e.text.charCodeAt(i) >> 8;
      }
      return b;
    }
    return flags & 2 ? new TextEncoder().encode(e.text) : Uint8Array.from(e.text, (c) => c.charCodeAt(0));
  };
  const parts: number[] = [];
  const head = 4 + blocks.length * 12;
  const body: number[] = [];
  const put32 = (arr: number[], v: number) => arr.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24);
  put32(parts, blocks.length);
  for (const b of blocks) {
    put32(parts, b.low);
    put32(parts, b.low + b.entries.length - 1);
    put32(parts, head + body.length);
    for (const e of b.entries) {
      const t = enc(e);
      const len = (4 + t.length + 3) & ~3;
      body.push(len & 0xff, len >> 8, (e.flags ?? 1) & 0xff, (e.flags ?? 1) >> 8, ...t);
      while ((body.length & 3) !== 0) body.push(0);
    }
  }
  return Uint8Array.from([...parts, ...body]);
}

/**
 * A PE32 image with one .rsrc section: RT_MESSAGETABLE → name 1 → one language entry per item;
 * `dataOf` lets several language entries share one data entry (an overlap no compiler writes).
 */
function buildPe(langs: Array<{ langId: number; table: Uint8Array; dataOf?: number }>): Uint8Array {
  const rsrc: number[] = [];
  const put16 = (o: number, v: number) => { rsrc[o] = v & 0xff; rsrc[o + 1] = v >> 8; };
  const put32 = (o: number, v: number) => { put16(o, v & 0xffff); put16(o + 2, v >>> 16); };
  const dir = (at: number, ids: number) => { for (let i = 0; i < 16; i++) rsrc[at + i] = 0; put16(at + 14, ids); };
  const VA = 0x1000;
  dir(0, 1); put32(16, 11); put32(20, 0x80000000 | 24);
  dir(24, 1); put32(40, 1); put32(44, 0x80000000 | 48);
  dir(48, langs.length);
  const dataAt = 64 + langs.length * 8;
  let tableAt = dataAt + langs.length * 16;
  langs.forEach((l, i) => {
    put32(64 + i * 8, l.langId);
    put32(64 + i * 8 + 4, dataAt + (l.dataOf ?? i) * 16);
    put32(dataAt + i * 16, VA + tableAt);
    put32(dataAt + i * 16 + 4, l.table.length);
    put32(dataAt + i * 16 + 8, 0);
    put32(dataAt + i * 16 + 12, 0);
    l.table.forEach((v, j) => (rsrc[tableAt + j] = v));
    tableAt = (tableAt + l.table.length + 3) & ~3;
  });
  const rsrcSize = (tableAt + 0x1ff) & ~0x1ff;
  const out = new Uint8Array(0x200 + rsrcSize);
  const dv = new DataView(out.buffer);
  out[0] = 0x4d; out[1] = 0x5a; dv.setUint32(0x3c, 0x40, true);
  out.set([0x50, 0x45, 0, 0], 0x40);
  dv.setUint16(0x44, 0x14c, true); dv.setUint16(0x46, 1, true); dv.setUint16(0x54, 224, true);
  const opt = 0x58;
  dv.setUint16(opt, 0x10b, true);
  dv.setUint32(opt + 32, 0x1000, true); dv.setUint32(opt + 36, 0x200, true);
  dv.setUint32(opt + 56, VA + 0x1000, true); dv.setUint32(opt + 60, 0x200, true);
  dv.setUint32(opt + 92, 16, true);
  dv.setUint32(opt + 96 + 16, VA, true); dv.setUint32(opt + 96 + 20, tableAt, true);
  const sec = opt + 224;
  out.set([0x2e, 0x72, 0x73, 0x72, 0x63], sec);
  dv.setUint32(sec + 8, tableAt, true); dv.setUint32(sec + 12, VA, true);
  dv.setUint32(sec + 16, rsrcSize, true); dv.setUint32(sec + 20, 0x200, true);
  out.set(Uint8Array.from(rsrc, (v) => v ?? 0), 0x200);
  return out;
}

describe('hand-built files', () => {
  test('the builder makes files the parser reads', () => {
    const t = buildTable([{ low: 1, entries: [{ text: 'one\r\n' }, { text: 'two' }] }]);
    expect(readMessageTable(buildPe([{ langId: EN, table: t }]))).toEqual([
      { id: 1, langId: EN, text: 'one', unicode: true },
      { id: 2, langId: EN, text: 'two', unicode: true },
    ]);
  });

  test('UTF-8 entries (flag 2), ANSI in the language code page, text cut at the first NUL', () => {
    const t = (e: Entry) => buildTable([{ low: 7, entries: [e] }]);
    const one = (langId: number, e: Entry) => readMessageTable(buildPe([{ langId, table: t(e) }]))[0];
    expect(one(EN, { text: 'grüße ✓\r\n', flags: 2 })).toMatchObject({ text: 'grüße ✓', unicode: true });
    expect(one(0x419, { text: '', flags: 0, raw: Uint8Array.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x0d, 0x0a]) })).toMatchObject({
      text: 'Привет', // windows-1251
      unicode: false,
    });
    expect(one(0x411, { text: '', flags: 0, raw: Uint8Array.from([0x82, 0xa0, 0x0d, 0x0a, 0, 0]) })).toMatchObject({ text: 'あ' }); // Shift JIS
    expect(one(EN, { text: 'kept\0dropped' })).toMatchObject({ text: 'kept' });
    expect(one(EN, { text: 'a\r\n\r\n\0\0' })).toMatchObject({ text: 'a' });
    expect(one(EN, { text: '', flags: 0, raw: Uint8Array.from([0x93, 0x80, 0x94]) })).toMatchObject({ text: '“€”' }); // windows-1252
  });

  test('blocks out of order, ids repeated across blocks (first wins), neutral language', () => {
    const t = buildTable([
      { low: 100, entries: [{ text: 'hundred' }] },
      { low: 5, entries: [{ text: 'five' }, { text: 'six' }] },
      { low: 6, entries: [{ text: 'six again' }] },
    ]);
    const f = openMessageFile(buildPe([{ langId: 0, table: t }]));
    expect(f.langIds).toEqual([0]);
    expect(f.get(100, 0)?.text).toBe('hundred');
    expect(f.get(6, 0)?.text).toBe('six');
    expect(f.entries().map((e) => e.text)).toEqual(['five', 'six', 'hundred']);
  });

  test('a table with no blocks, and a file with no message table at all', () => {
    expect(readMessageTable(buildPe([{ langId: EN, table: buildTable([]) }]))).toEqual([]);
    expect(readMessageTable(buildPe([]))).toEqual([]);
  });

  test('language entries sharing one table are refused (they could repeat it endlessly)', () => {
    const t = buildTable([{ low: 1, entries: Array.from({ length: 200 }, (_, i) => ({ text: 'message number ' + i })) }]);
    const langs = Array.from({ length: 40 }, (_, i) => ({ langId: 0x400 + i, table: i === 0 ? t : new Uint8Array(0), dataOf: 0 }));
    expect(errorOf(buildPe(langs))).toMatch(/message tables overlap \(\d+ bytes declared in a \d+-byte file\)/);
  });

  test('a big table (150,000 ids) reads in full', () => {
    const n = 150000;
    const t = new Uint8Array(16 + n * 8);
    const dv = new DataView(t.buffer);
    dv.setUint32(0, 1, true);
    dv.setUint32(4, 0x10000, true);
    dv.setUint32(8, 0x10000 + n - 1, true);
    dv.setUint32(12, 16, true);
    for (let i = 0; i < n; i++) {
      dv.setUint16(16 + i * 8, 8, true);
      dv.setUint16(18 + i * 8, 1, true);
      dv.setUint16(20 + i * 8, 0x41 + (i % 26), true);
    }
    const all = readMessageTable(buildPe([{ langId: EN, table: t }]));
    expect(all).toHaveLength(n);
    expect(all[n - 1]).toEqual({ id: 0x10000 + n - 1, langId: EN, text: String.fromCharCode(0x41 + ((n - 1) % 26)), unicode: true });
  });

  test('overlapping blocks cannot declare more than the id budget', () => {
    // 40,000 blocks, each claiming the same 20 one-word entries: 800,000 ids from 40 KB of entries.
    const entries = buildTable([{ low: 0, entries: Array.from({ length: 20 }, () => ({ text: 'x' })) }]).subarray(16);
    const n = 40000;
    const t = new Uint8Array(4 + n * 12 + entries.length);
    const dv = new DataView(t.buffer);
    dv.setUint32(0, n, true);
    for (let i = 0; i < n; i++) {
      dv.setUint32(4 + i * 12, i * 20, true);
      dv.setUint32(8 + i * 12, i * 20 + 19, true);
      dv.setUint32(12 + i * 12, 4 + n * 12, true);
    }
    t.set(entries, 4 + n * 12);
    expect(errorOf(buildPe([{ langId: EN, table: t }]))).toMatch(/declare over 524288 ids/);
  });
});

// ---- never crash, never hang ----

function survives(b: Uint8Array): boolean {
  try {
    const f = openMessageFile(b);
    f.entries();
    for (const l of f.langIds) f.get(5, l);
    return true;
  } catch (e) {
    // "unreadable message file (…)" is the safety net for errors the parser did not foresee.
    return e instanceof MessageFileError && !e.message.startsWith('unreadable message file');
  }
}

describe('hostile input', () => {
  const fixtures = ['multi64.dll', 'multi32-ansi.dll', 'system32/de-DE/kernelbase.dll.mui', 'system32/ntdll.dll'].map(load);
  const interesting = [0, 1, 2, 3, 4, 0x10, 0x7fffffff, 0x80000000, 0x80000010, 0xffffffff, 0xfffe, 0x10000];

  test('random bytes never crash', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), survives), { numRuns: 500 });
  });

  test('random bytes behind a real header never crash', () => {
    const head = fixtures[0]!.subarray(0, 0x200);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (tail) => {
        const b = new Uint8Array(head.length + tail.length);
        b.set(head);
        b.set(tail, head.length);
        return survives(b);
      }),
      { numRuns: 500 },
    );
  });

  test('randomly mutated fixtures never crash or hang', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('byte' as const), pos: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('u32' as const), pos: fc.nat(), value: fc.constantFrom(...interesting) }),
    );
    fc.assert(
      fc.property(fc.nat(fixtures.length - 1), fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.option(fc.nat()), (which, muts, cut) => {
        const src = fixtures[which]!;
        const b = src.slice();
        const dv = new DataView(b.buffer);
        for (const m of muts) {
          if (m.kind === 'byte') b[m.pos % b.length] = m.value;
          else dv.setUint32((m.pos % (b.length >> 2)) * 4, m.value >>> 0, true);
        }
        return survives(cut === null ? b : b.subarray(0, cut % b.length));
      }),
      { numRuns: 5000 },
    );
  });
});

// ---- a real-size file, when this machine has one ----

const WINE_CANDIDATES = [
  process.env.MFR_TEST_WINE_DLL,
  path.join(__dirname, '..', '.cache', 'headers', 'wine', 'usr', 'lib', 'x86_64-linux-gnu', 'wine', 'x86_64-windows', 'kernelbase.dll'),
  '/usr/lib/x86_64-linux-gnu/wine/x86_64-windows/kernelbase.dll',
  '/usr/lib/i386-linux-gnu/wine/i386-windows/kernelbase.dll',
  '/usr/lib/wine/x86_64-windows/kernelbase.dll',
  '/usr/lib64/wine/x86_64-windows/kernelbase.dll',
  '/opt/wine-stable/lib/wine/x86_64-windows/kernelbase.dll',
].filter((p): p is string => !!p);
const wineDll = WINE_CANDIDATES.find((p) => fs.existsSync(p));

if (wineDll) {
  test(`reads Wine's kernelbase.dll (${wineDll})`, () => {
    const bytes = new Uint8Array(fs.readFileSync(wineDll));
    const f = openMessageFile(bytes);
    f.load([0x409]);
    const e = f.get(5, 0x409);
    expect(f.langIds).toContain(0x409);
    expect(e?.text).toMatch(/access/i);
    const en = readMessageTable(bytes, { langIds: [0x409] });
    expect(en.length).toBeGreaterThan(500);
    expect(new Set(en.map((x) => x.id)).size).toBe(en.length);
    expect(en.every((x) => x.text === x.text.replace(/[\r\n\0]+$/, ''))).toBe(true);
  });
} else if (process.env.MFR_REQUIRE_ALL) {
  test("reads Wine's kernelbase.dll (MFR_REQUIRE_ALL: a skip is a failure)", () => {
    throw new Error(`no kernelbase.dll found (FETCH_WINE=1 scripts/fetch-headers.sh, or MFR_TEST_WINE_DLL); looked in ${WINE_CANDIDATES.join(', ')}`);
  });
} else {
  test.skip(`reads Wine's kernelbase.dll — skipped: none found (FETCH_WINE=1 scripts/fetch-headers.sh, or set MFR_TEST_WINE_DLL); looked in ${WINE_CANDIDATES.join(', ')}`, () => {});
}

// ---- ANSI code pages and language tags, one language at a time ----

describe('ANSI entries are read in the code page of their language', () => {
  const ansi = (langId: number, bytes: number[]) =>
    readMessageTable(buildPe([{ langId, table: buildTable([{ low: 1, entries: [{ text: '', flags: 0, raw: Uint8Array.from(bytes) }] }]) }]))[0];

  test.each([
    [0x0411, 'shift_jis', [0x82, 0xa0], 'あ'],
    [0x0412, 'euc-kr', [0xb0, 0xa1], '가'],
    [0x0804, 'gbk', [0xc4, 0xe3], '你'],
    [0x1004, 'gbk', [0xc4, 0xe3], '你'],
    [0x0404, 'big5', [0xa4, 0x40], '一'],
    [0x0c04, 'big5', [0xa4, 0x40], '一'],
    [0x0419, 'windows-1251', [0xc0], 'А'],
    [0x0422, 'windows-1251', [0xc0], 'А'],
    [0x0402, 'windows-1251', [0xc0], 'А'],
    [0x0423, 'windows-1251', [0xc0], 'А'],
    [0x042f, 'windows-1251', [0xc0], 'А'],
    [0x0415, 'windows-1250', [0xa5], 'Ą'],
    [0x0405, 'windows-1250', [0xa5], 'Ą'],
    [0x040e, 'windows-1250', [0xa5], 'Ą'],
    [0x041b, 'windows-1250', [0xa5], 'Ą'],
    [0x0424, 'windows-1250', [0xa5], 'Ą'],
    [0x0418, 'windows-1250', [0xa5], 'Ą'],
    [0x041a, 'windows-1250', [0xa5], 'Ą'],
    [0x0408, 'windows-1253', [0xc1], 'Α'],
    [0x041f, 'windows-1254', [0xd0], 'Ğ'],
    [0x040d, 'windows-1255', [0xe0], 'א'],
    [0x0401, 'windows-1256', [0xc7], 'ا'],
    [0x0425, 'windows-1257', [0xc0], 'Ą'],
    [0x0426, 'windows-1257', [0xc0], 'Ą'],
    [0x0427, 'windows-1257', [0xc0], 'Ą'],
    [0x042a, 'windows-1258', [0xdd], 'Ư'],
    [0x041e, 'windows-874', [0xa1], 'ก'],
    [0x0409, 'windows-1252', [0x80, 0x9f, 0xa0, 0xff], '€Ÿ\u00a0ÿ'],
    [0x0407, 'windows-1252', [0x81, 0x8d, 0x8f, 0x90, 0x9d], '\u0081\u008d\u008f\u0090\u009d'],
    [0x0000, 'windows-1252', [0x7f, 0x8a, 0x9a], '\u007fŠš'],
  ])('language 0x%s: %s', (langId, _codePage, bytes, text) => {
    expect(ansi(langId, bytes)).toEqual({ id: 1, langId, text, unicode: false });
  });

  test('every byte of windows-1252 decodes to its character', () => {
    const bytes = Array.from({ length: 255 }, (_, i) => i + 1);
    const text = ansi(0x0409, bytes)?.text ?? '';
    const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
    const expected = Array.from({ length: 255 }, (_, i) => (i + 1 >= 0x80 && i + 1 < 0xa0 ? high[i + 1 - 0x80] : String.fromCharCode(i + 1))).join('');
    expect(text).toBe(expected.replace(/[\r\n]+$/, ''));
  });
});

describe('entries: text, NULs and the trimmed end', () => {
  const one = (e: Entry) => readMessageTable(buildPe([{ langId: EN, table: buildTable([{ low: 3, entries: [e] }]) }]))[0];

  test.each([
    [{ text: 'plain' }, 'plain'],
    [{ text: '' }, ''],
    [{ text: '\r\n' }, ''],
    [{ text: 'a\r\nb\r\n' }, 'a\r\nb'],
    [{ text: 'ends with a space \r\n' }, 'ends with a space '],
    [{ text: 'cut\0here' }, 'cut'],
    [{ text: '\0' }, ''],
    [{ text: 'utf-8 ✓\0rest', flags: 2 }, 'utf-8 ✓'],
    [{ text: 'ansi\0rest', flags: 0 }, 'ansi'],
    [{ text: 'both flags: UTF-16 wins', flags: 3 }, 'both flags: UTF-16 wins'],
  ])('%j → %j', (entry, text) => {
    expect(one(entry)?.text).toBe(text);
  });

  test('a UTF-16 entry of an odd length drops its last byte', () => {
    // 'AB' as UTF-16LE and a stray byte: the entry is 4 + 5 bytes, padded to 12.
    const raw = Uint8Array.from([0x41, 0, 0x42, 0, 0x43]);
    const table = buildTable([{ low: 1, entries: [{ text: '', flags: 1, raw }] }]);
    // The builder pads the entry; its length field says 12, so the body is 8 bytes: A, B, 0x43 and a 0 pad.
    expect(readMessageTable(buildPe([{ langId: EN, table }]))[0]?.text).toBe('ABC');
    const odd = table.slice();
    new DataView(odd.buffer).setUint16(16, 9, true); // length 9: a body of 5 bytes
    expect(readMessageTable(buildPe([{ langId: EN, table: odd }]))[0]?.text).toBe('AB');
  });
});

describe('looking up ids', () => {
  const table = buildTable([
    { low: 10, entries: [{ text: 'ten' }, { text: 'eleven' }, { text: 'twelve' }] },
    { low: 20, entries: [{ text: 'twenty' }] },
    { low: 30, entries: [{ text: 'thirty' }, { text: 'thirty-one' }] },
    { low: 0xfffffffe, entries: [{ text: 'almost last' }, { text: 'last' }] },
  ]);
  const f = openMessageFile(buildPe([{ langId: EN, table }]));

  test.each([
    [9, undefined],
    [10, 'ten'],
    [11, 'eleven'],
    [12, 'twelve'],
    [13, undefined],
    [19, undefined],
    [20, 'twenty'],
    [21, undefined],
    [29, undefined],
    [30, 'thirty'],
    [31, 'thirty-one'],
    [32, undefined],
    [0xfffffffe, 'almost last'],
    [0xffffffff, 'last'],
    [-1, 'last'],
    [0, undefined],
  ])('get(%s) is %j', (id, text) => {
    expect(f.get(id, EN)?.text).toBe(text);
  });

  test('count is the ids the loaded tables declare, 0 before loading and for other languages', () => {
    const g = openMessageFile(buildPe([{ langId: EN, table }]));
    expect(g.count(EN)).toBe(0);
    g.load();
    expect([g.count(EN), g.count(DE)]).toEqual([8, 0]);
    expect(f.get(10, DE)).toBeUndefined();
  });

  test('entries of languages that are not in the file are none', () => {
    expect(f.entries([DE])).toEqual([]);
    expect(f.entries([])).toEqual([]);
    expect(f.entries([EN]).map((e) => e.id)).toEqual([10, 11, 12, 20, 30, 31, 0xfffffffe, 0xffffffff]);
  });

  test('blocks out of order are still found by id', () => {
    const shuffled = openMessageFile(
      buildPe([{ langId: EN, table: buildTable([{ low: 30, entries: [{ text: 'thirty' }] }, { low: 10, entries: [{ text: 'ten' }] }, { low: 20, entries: [{ text: 'twenty' }] }]) }]),
    );
    expect([10, 20, 30, 15].map((id) => shuffled.get(id, EN)?.text)).toEqual(['ten', 'twenty', 'thirty', undefined]);
  });

  test('a language\'s several tables are searched in turn', () => {
    const two = openMessageFile(
      buildPe([
        { langId: EN, table: buildTable([{ low: 1, entries: [{ text: 'one' }] }]) },
        { langId: EN, table: buildTable([{ low: 2, entries: [{ text: 'two' }] }, { low: 1, entries: [{ text: 'one again' }] }]) },
      ]),
    );
    expect(two.langIds).toEqual([EN]);
    expect([two.get(1, EN)?.text, two.get(2, EN)?.text, two.get(3, EN)?.text]).toEqual(['one', 'two', undefined]);
    expect(two.entries().map((e) => e.text)).toEqual(['one', 'two']);
    two.load([EN]);
    expect(two.count(EN)).toBe(3);
  });
});

describe('langTag and langIdFromTag at the edges', () => {
  test.each([
    [0x0000, 'neutral'],
    [0x0400, 'neutral'],
    [0x0800, 'neutral'],
    [0xfc00, 'neutral'],
    [0x10000, undefined],
    [0x10409, undefined],
    [0xffff, undefined],
    [-0x400, undefined],
    [Number.NaN, undefined],
    [0x0001, 'ar'],
    [0x0004, 'zh'],
    [0x0009, 'en'],
    [0x000a, 'es'],
    [0x001a, 'hr'],
    [0x040a, 'es-ES'],
    [0x0c0a, 'es-ES'],
    [0x080a, 'es-MX'],
    [0x241a, 'sr-Latn-RS'],
    [0x0809, 'en-GB'],
    [0x0401, 'ar-SA'],
  ])('langTag(0x%s) is %j', (id, tag) => {
    expect(langTag(id)).toBe(tag);
  });

  test.each([
    ['neutral', 0],
    [' NEUTRAL ', 0],
    [' de_DE ', 0x0407],
    ['SR-latn-rs', 0x241a],
    ['sr_Latn_RS', 0x241a],
    ['sr', 0x001a],
    ['hr', 0x001a],
    ['zh', 0x0004],
    ['es', 0x000a],
    ['en', 0x0009],
    ['pt', 0x0016],
    ['neutra', undefined],
    ['de-', undefined],
    ['de--DE', undefined],
  ])('langIdFromTag(%j) is %s', (tag, id) => {
    expect(langIdFromTag(tag)).toBe(id);
  });
});

describe('headers at their limits: the exact message for each', () => {
  const t1 = buildTable([{ low: 1, entries: [{ text: 'one' }] }]);
  const pe = buildPe([{ langId: EN, table: t1 }]);
  // Where buildPe puts things: the PE header at 0x40, the optional header at 0x58, the section
  // header at 0x138, the resource section at file offset 0x200 (RVA 0x1000).
  const RSRC = 0x200;
  const LANG_ENTRY = RSRC + 64;
  const DATA_ENTRY = RSRC + 72;
  const TABLE = RSRC + 88;
  const mz = (size: number, peOff: number, sig: number[] = [0x50, 0x45, 0, 0]) => {
    const b = new Uint8Array(size);
    b[0] = 0x4d;
    b[1] = 0x5a;
    new DataView(b.buffer).setUint32(0x3c, peOff, true);
    if (peOff + 4 <= size) b.set(sig, peOff);
    return b;
  };
  const messageOf = (b: Uint8Array | ByteSource): string => {
    try {
      openMessageFile(b).entries();
    } catch (e) {
      expect(e).toBeInstanceOf(MessageFileError);
      expect((e as Error).name).toBe('MessageFileError');
      return (e as Error).message;
    }
    throw new Error('expected a MessageFileError');
  };

  test.each([
    ['63 bytes', () => new Uint8Array(63), 'not a PE file (63 bytes is too short for a DOS header)'],
    ['64 zero bytes', () => new Uint8Array(64), 'not a PE file (no MZ header)'],
    ['"MX"', () => patched(mz(64, 0), [[1, 0x58, 1]]), 'not a PE file (no MZ header)'],
    ['"NZ"', () => patched(mz(64, 0), [[0, 0x4e, 1]]), 'not a PE file (no MZ header)'],
    ['64 bytes, PE header at 0', () => mz(64, 0, []), 'not a PE file (no PE signature at 0x0)'],
    ['PE header ending exactly at the end', () => mz(64, 40), 'optional header at 0x40 runs past the end of the file (64 bytes)'],
    ['PE header one byte past the end', () => mz(64, 41), 'not a PE file (PE header offset 0x29 lies outside the file)'],
    ['"QE\\0\\0"', () => mz(128, 64, [0x51, 0x45, 0, 0]), 'not a PE file (no PE signature at 0x40)'],
    ['"PF\\0\\0"', () => mz(128, 64, [0x50, 0x46, 0, 0]), 'not a PE file (no PE signature at 0x40)'],
    ['"PE\\1\\0"', () => mz(128, 64, [0x50, 0x45, 1, 0]), 'not a PE file (no PE signature at 0x40)'],
    ['"PE\\0\\1"', () => mz(128, 64, [0x50, 0x45, 0, 1]), 'not a PE file (no PE signature at 0x40)'],
    ['optional header size 1', () => patched(pe, [[0x54, 1, 2]]), 'optional header at 0x58 is missing (size 1)'],
    ['optional header size 2', () => patched(pe, [[0x54, 2, 2]]), 'optional header at 0x58 is too short (2 bytes)'],
    ['optional header size 95', () => patched(pe, [[0x54, 95, 2]]), 'optional header at 0x58 is too short (95 bytes)'],
    ['PE32+ magic in a PE32-sized header', () => patched(pe, [[0x58, 0x20b, 2], [0x54, 111, 2]]), 'optional header at 0x58 is too short (111 bytes)'],
    ['optional header magic 0x10C', () => patched(pe, [[0x58, 0x10c, 2]]), 'unknown optional header magic 0x10C at 0x58 (expected 0x10B or 0x20B)'],
    ['4097 sections', () => patched(pe, [[0x46, 4097, 2]]), 'too many sections (4097)'],
    ['4096 sections', () => patched(pe, [[0x46, 4096, 2]]), 'section table (4096 sections) at 0x138 runs past the end of the file (1024 bytes)'],
    ['resource RVA in no section', () => patched(pe, [[0xc8, 0x9000]]), 'resource directory at RVA 0x9000 lies outside the file'],
    ['a table RVA in the memory-only part of the section', () => patched(pe, [[0x138 + 8, 0x10000], [DATA_ENTRY, 0x1000 + 0x200]]), 'message table data (language 0x409) at RVA 0x1200 lies outside the file'],
    ['a table one byte too big', () => patched(pe, [[DATA_ENTRY + 4, 0x200 - 88 + 1]]), 'truncated message table at 0x258: 425 bytes declared, 424 in the file'],
    ['a table of 3 bytes', () => patched(pe, [[DATA_ENTRY + 4, 3]]), 'message table at 0x258 is 3 bytes, too short for a block count'],
    ['65537 blocks', () => patched(pe, [[TABLE, 65537]]), 'message table at 0x258 claims 65537 blocks (at most 65536 are read)'],
    ['65536 blocks', () => patched(pe, [[TABLE, 65536]]), 'message table at 0x258: 65536 blocks do not fit in 28 bytes'],
    ['entries at the end of the table', () => patched(pe, [[TABLE + 12, 28]]), 'message block 0 at 0x25C points to entries at 0x274, outside the table'],
    ['entries in the last 4 bytes, 2 ids', () => patched(pe, [[TABLE + 8, 2], [TABLE + 12, 24]]), 'truncated message block at 0x25C: 2 ids need more than the 4 bytes left'],
    ['an entry longer than the table', () => patched(pe, [[TABLE + 16, 13, 2]]), 'truncated message block at 0x268: entry for id 0x1 needs 13 bytes'],
    ['an entry of length 3', () => patched(pe, [[TABLE + 16, 3, 2]]), 'message entry for id 0x1 at 0x268 has length 3 (at least 4)'],
    ['a table data entry past the resource section', () => patched(pe, [[LANG_ENTRY + 4, 0x1f8]]), 'message table data entry at 0x3F8 runs past the end of the resource section'],
    ['a language entry that is a subdirectory', () => patched(pe, [[LANG_ENTRY + 4, 0x80000000 | 72]]), 'resource directory nested deeper than type/name/language at 0x230'],
    ['a name entry that is data', () => patched(pe, [[RSRC + 44, 48]]), 'message table name entry in the directory at 0x218 is data, expected a subdirectory'],
    ['the type entry that is data', () => patched(pe, [[RSRC + 20, 24]]), 'RT_MESSAGETABLE entry in the directory at 0x200 is data, expected a subdirectory'],
    ['a name directory that loops to itself', () => patched(pe, [[RSRC + 44, 0x80000000 | 24]]), 'resource directory loops (message table language directory at 0x218 is reached again)'],
    ['a language pointing back at the root', () => patched(pe, [[LANG_ENTRY + 4, 0x80000000]]), 'resource directory loops (language entry points back to the directory at 0x200)'],
    ['a directory past the section', () => patched(pe, [[RSRC + 20, 0x80000000 | 0x1f8]]), 'message table name directory at 0x3F8 runs past the end of the resource section'],
    ['a directory whose entries run past the section', () => patched(pe, [[RSRC + 24 + 14, 60, 2]]), 'message table name directory at 0x218 with 60 entries runs past the end of the resource section'],
  ])('%s', (_name, make, message) => {
    expect(messageOf(make())).toBe(message);
  });

  test('limits that are met exactly are not errors', () => {
    expect(readMessageTable(patched(pe, [[0xc4, 3]]))).toEqual([{ id: 1, langId: EN, text: 'one', unicode: true }]); // three data directories
    expect(readMessageTable(patched(pe, [[DATA_ENTRY + 4, 0x200 - 88]]))).toEqual([{ id: 1, langId: EN, text: 'one', unicode: true }]); // a table to the end of the file
    expect(readMessageTable(patched(pe, [[0x54, 96, 2]]))).toEqual([]); // an optional header with no room for directories
  });

  test('a short read, and errors the parser did not foresee, are MessageFileErrors too', () => {
    expect(messageOf({ size: 1024, read: () => new Uint8Array(0) })).toBe('could not read DOS header at 0x0');
    expect(messageOf({ size: 1024, read: () => { throw new Error('disk on fire'); } })).toBe('unreadable message file (disk on fire)');
    expect(messageOf({ size: 1024, read: () => { throw 'plain string'; } })).toBe('unreadable message file (plain string)');
    const f = openMessageFile({ size: pe.length, read: (o, n) => { if (o === TABLE) throw new RangeError('gone'); return pe.subarray(o, o + n); } });
    expect(f.langIds).toEqual([EN]);
    expect(() => f.get(1, EN)).toThrow(new MessageFileError('unreadable message file (gone)'));
    expect(() => f.load()).toThrow(new MessageFileError('unreadable message file (gone)'));
  });

  test('named entries are skipped: a named type, a named language, a type id with the name bit', () => {
    expect(readMessageTable(patched(pe, [[RSRC + 12, 1, 2], [RSRC + 14, 0, 2]]))).toEqual([]);
    expect(readMessageTable(patched(pe, [[RSRC + 48 + 12, 1, 2], [RSRC + 48 + 14, 0, 2]]))).toEqual([]);
    expect(readMessageTable(patched(pe, [[RSRC + 16, 0x8000000b]]))).toEqual([]);
    expect(readMessageTable(patched(pe, [[LANG_ENTRY, 0x80000409]]))).toEqual([]);
  });

  test('a language id is the low 16 bits of the entry\'s id; a resource type other than 11 is not read', () => {
    expect(openMessageFile(patched(pe, [[LANG_ENTRY, 0x10407]])).langIds).toEqual([DE]);
    expect(readMessageTable(patched(pe, [[RSRC + 16, 10]]))).toEqual([]);
    expect(readMessageTable(patched(pe, [[RSRC + 16, 12]]))).toEqual([]);
  });

  test('UTF-16 characters with a zero byte are not NULs', () => {
    const t = buildTable([{ low: 1, entries: [{ text: 'ĀĂ\u0100x' }] }]);
    expect(readMessageTable(buildPe([{ langId: EN, table: t }]))[0]?.text).toBe('ĀĂĀx');
  });

  test('a long ANSI entry decodes whole', () => {
    const raw = Uint8Array.from({ length: 9000 }, (_, i) => (i % 2 ? 0x80 : 0x41));
    const t = buildTable([{ low: 1, entries: [{ text: '', flags: 0, raw }] }]);
    expect(readMessageTable(buildPe([{ langId: EN, table: t }]))[0]?.text).toBe('A€'.repeat(4500));
  });
});

test.each([
  [0x0401, 'ar-SA'], [0x0402, 'bg-BG'], [0x0403, 'ca-ES'], [0x0404, 'zh-TW'], [0x0405, 'cs-CZ'],
  [0x0406, 'da-DK'], [0x0407, 'de-DE'], [0x0408, 'el-GR'], [0x0409, 'en-US'], [0x040b, 'fi-FI'],
  [0x040c, 'fr-FR'], [0x040d, 'he-IL'], [0x040e, 'hu-HU'], [0x0410, 'it-IT'], [0x0411, 'ja-JP'],
  [0x0412, 'ko-KR'], [0x0413, 'nl-NL'], [0x0414, 'nb-NO'], [0x0415, 'pl-PL'], [0x0416, 'pt-BR'],
  [0x0418, 'ro-RO'], [0x0419, 'ru-RU'], [0x041a, 'hr-HR'], [0x041b, 'sk-SK'], [0x041d, 'sv-SE'],
  [0x041e, 'th-TH'], [0x041f, 'tr-TR'], [0x0422, 'uk-UA'], [0x0424, 'sl-SI'], [0x0425, 'et-EE'],
  [0x0426, 'lv-LV'], [0x0427, 'lt-LT'], [0x042a, 'vi-VN'], [0x0804, 'zh-CN'], [0x0807, 'de-CH'],
  [0x0809, 'en-GB'], [0x080a, 'es-MX'], [0x080c, 'fr-BE'], [0x0816, 'pt-PT'], [0x0c04, 'zh-HK'],
  [0x0c07, 'de-AT'], [0x0c09, 'en-AU'], [0x0c0a, 'es-ES'], [0x0c0c, 'fr-CA'], [0x1009, 'en-CA'],
  [0x100c, 'fr-CH'], [0x241a, 'sr-Latn-RS'],
])('language 0x%s is %s, both ways, and its bare language is its primary id', (id, tag) => {
  expect(langTag(id)).toBe(tag);
  expect(langIdFromTag(tag)).toBe(id);
  expect(langIdFromTag(tag.toUpperCase())).toBe(id);
  const bare = tag.split('-')[0]!;
  expect(langIdFromTag(bare)).toBe(id & 0x3ff);
  expect(langTag(langIdFromTag(bare)!)).toBe(bare === 'sr' ? 'hr' : bare);
});
