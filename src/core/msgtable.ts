// Reads message texts from the RT_MESSAGETABLE resources of PE files (DLLs, EXEs and their MUI
// language satellites such as de-DE/kernelbase.dll.mui). Pure: bytes in, entries out. The input
// is treated as hostile: every offset and length is checked against the file, resource directory
// loops are caught, counts are capped, and the only error ever thrown is MessageFileError.
//
// Layout, as read here:
//   DOS header "MZ", e_lfanew at 0x3C → "PE\0\0", COFF header (20 bytes), optional header
//   (PE32 magic 0x10B or PE32+ 0x20B) with data directory 2 = resources, then the section table
//   that maps RVAs to file offsets.
//   Resource directory: type → name → language. Each directory is 16 bytes (named and id entry
//   counts at +12/+14) followed by 8-byte entries {name or id, offset}; bit 31 of the offset marks
//   a subdirectory. A language entry points to a data entry {RVA, size, code page}.
//   MESSAGE_RESOURCE_DATA: NumberOfBlocks, then blocks {LowId, HighId, OffsetToEntries}; from
//   OffsetToEntries, one entry per id {Length u16 (whole entry), Flags u16, text}. Flags 1 means
//   UTF-16LE, 2 UTF-8, 0 ANSI in the language's code page.

export interface MessageEntry {
  id: number;
  langId: number;
  text: string;
  /** False for ANSI (code page) entries; true for UTF-16 (and UTF-8) ones. */
  unicode: boolean;
}

/** The file is not a PE file or its message tables are damaged; the message says what and where. */
export class MessageFileError extends Error {
  override readonly name = 'MessageFileError';
  constructor(message: string) {
    super(message);
  }
}

/** Random access to a file's bytes. `read` is only called with ranges inside 0..size. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Uint8Array;
}

/** A message file whose structure has been checked; table data is read and decoded on demand. */
export interface MessageFile {
  /** Language ids that have a message table, ascending, without repeats. */
  readonly langIds: readonly number[];
  /**
   * Reads and indexes the tables of these languages (default: all) now, so that later `get` calls
   * read nothing; `get` of a language not loaded reads its tables then.
   */
  load(langIds?: readonly number[]): void;
  /** The message for `id` in `langId`, or undefined. Loads that language's tables if needed. */
  get(id: number, langId: number): MessageEntry | undefined;
  /** Every message of the given languages (default: all), by language then id. */
  entries(langIds?: readonly number[]): MessageEntry[];
  /** How many ids the loaded tables of `langId` declare (no text is decoded). */
  count(langId: number): number;
}

export const RT_MESSAGETABLE = 11;

// Caps: far above anything Windows ships (kernelbase.dll.mui has a few thousand messages in a few
// hundred blocks), low enough that hostile counts cannot make us loop or allocate for long.
const MAX_SECTIONS = 4096;
const MAX_DIRECTORY_ENTRIES = 65536;
const MAX_TABLES = 4096;
const MAX_BLOCKS = 65536;
/** Ids over all loaded tables of one file (each id's entry takes at least 4 bytes). */
const MAX_IDS_PER_FILE = 1 << 19;

const hex = (n: number): string => '0x' + (n >>> 0).toString(16).toUpperCase();

function fail(message: string): never {
  throw new MessageFileError(message);
}

/** Wraps a Uint8Array as a ByteSource (no copying). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) };
}

function u16(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16) | ((b[o + 3] ?? 0) << 24)) >>> 0;
}

interface Section {
  va: number;
  vsize: number;
  raw: number;
  rawSize: number;
}

interface Located {
  offset: number;
  /** Bytes available in the file from `offset` within the same section. */
  avail: number;
}

/** Reads `length` bytes at `offset` or fails naming `what`. */
function take(src: ByteSource, offset: number, length: number, what: string): Uint8Array {
  if (offset < 0 || length < 0 || offset + length > src.size) {
    fail(`${what} at ${hex(offset)} runs past the end of the file (${src.size} bytes)`);
  }
  const b = src.read(offset, length);
  if (b.length !== length) fail(`could not read ${what} at ${hex(offset)}`);
  return b;
}

interface PeLayout {
  sections: Section[];
  sizeOfHeaders: number;
  resourceRva: number;
  is64: boolean;
}

function readPeLayout(src: ByteSource): PeLayout {
  if (src.size < 64) fail(`not a PE file (${src.size} bytes is too short for a DOS header)`);
  const dos = take(src, 0, 64, 'DOS header');
  if (dos[0] !== 0x4d || dos[1] !== 0x5a) fail('not a PE file (no MZ header)');
  const peOff = u32(dos, 0x3c);
  if (peOff + 24 > src.size) fail(`not a PE file (PE header offset ${hex(peOff)} lies outside the file)`);
  const coff = take(src, peOff, 24, 'PE header');
  if (coff[0] !== 0x50 || coff[1] !== 0x45 || coff[2] !== 0 || coff[3] !== 0) {
    fail(`not a PE file (no PE signature at ${hex(peOff)})`);
  }
  const nSections = u16(coff, 4 + 2);
  const optSize = u16(coff, 4 + 16);
  const optOff = peOff + 24;
  if (optSize < 2) fail(`optional header at ${hex(optOff)} is missing (size ${optSize})`);
  const magic = u16(take(src, optOff, 2, 'optional header'), 0);
  let is64: boolean;
  if (magic === 0x10b) is64 = false;
  else if (magic === 0x20b) is64 = true;
  else fail(`unknown optional header magic ${hex(magic)} at ${hex(optOff)} (expected 0x10B or 0x20B)`);
  const countAt = is64 ? 108 : 92;
  const dirsAt = countAt + 4;
  if (optSize < dirsAt) fail(`optional header at ${hex(optOff)} is too short (${optSize} bytes)`);
  const opt = take(src, optOff, Math.min(optSize, dirsAt + 8 * 3), 'optional header');
  const sizeOfHeaders = u32(opt, 60);
  const nDirs = u32(opt, countAt);
  let resourceRva = 0;
  if (nDirs > 2 && opt.length >= dirsAt + 8 * 3) {
    resourceRva = u32(opt, dirsAt + 8 * 2);
  }
  if (nSections > MAX_SECTIONS) fail(`too many sections (${nSections})`);
  const tableOff = optOff + optSize;
  const table = take(src, tableOff, nSections * 40, `section table (${nSections} sections)`);
  const sections: Section[] = [];
  for (let i = 0; i < nSections; i++) {
    const s = i * 40;
    sections.push({ vsize: u32(table, s + 8), va: u32(table, s + 12), rawSize: u32(table, s + 16), raw: u32(table, s + 20) });
  }
  return { sections, sizeOfHeaders, resourceRva, is64 };
}

/** Maps an RVA to a file offset through the section table; undefined when no file byte backs it. */
function rvaToOffset(pe: PeLayout, fileSize: number, rva: number): Located | undefined {
  for (const s of pe.sections) {
    const span = Math.max(s.vsize, s.rawSize);
    if (rva >= s.va && rva - s.va < span) {
      const delta = rva - s.va;
      if (delta >= s.rawSize) return undefined; // in memory only (zero-filled), not in the file
      const offset = s.raw + delta;
      if (offset >= fileSize) return undefined;
      return { offset, avail: Math.min(s.rawSize - delta, fileSize - offset) };
    }
  }
  // Headers are mapped at their own offsets; an image with no sections maps everything that way.
  if ((rva < pe.sizeOfHeaders || pe.sections.length === 0) && rva < fileSize) {
    return { offset: rva, avail: fileSize - rva };
  }
  return undefined;
}

interface TableRef {
  langId: number;
  /** File offset and size of the MESSAGE_RESOURCE_DATA. */
  offset: number;
  size: number;
}

/** Walks type 11 → names → languages and returns where each message table lies. */
function findMessageTables(src: ByteSource, pe: PeLayout): TableRef[] {
  if (pe.resourceRva === 0) return [];
  const where = rvaToOffset(pe, src.size, pe.resourceRva);
  if (!where) fail(`resource directory at RVA ${hex(pe.resourceRva)} lies outside the file`);
  const base = where.offset;
  const limit = where.avail;
  const visited = new Set<number>();
  let entriesSeen = 0;

  interface DirEntry {
    key: number | undefined; // id, or undefined for a named entry
    target: number;
  }
  const readDir = (rel: number, level: string): DirEntry[] => {
    if (visited.has(rel)) fail(`resource directory loops (${level} directory at ${hex(base + rel)} is reached again)`);
    visited.add(rel);
    if (rel + 16 > limit) fail(`${level} directory at ${hex(base + rel)} runs past the end of the resource section`);
    const head = take(src, base + rel, 16, `${level} directory`);
    const n = u16(head, 12) + u16(head, 14);
    entriesSeen += n;
    if (entriesSeen > MAX_DIRECTORY_ENTRIES) fail(`resource directory has too many entries (over ${MAX_DIRECTORY_ENTRIES})`);
    if (rel + 16 + n * 8 > limit) {
      fail(`${level} directory at ${hex(base + rel)} with ${n} entries runs past the end of the resource section`);
    }
    const raw = take(src, base + rel + 16, n * 8, `${level} directory entries`);
    const named = u16(head, 12);
    const out: DirEntry[] = [];
    for (let i = 0; i < n; i++) {
      const name = u32(raw, i * 8);
      out.push({ key: i < named || name & 0x80000000 ? undefined : name, target: u32(raw, i * 8 + 4) });
    }
    return out;
  };
  const subdir = (e: DirEntry, level: string, at: number): number => {
    if (!(e.target & 0x80000000)) fail(`${level} entry in the directory at ${hex(at)} is data, expected a subdirectory`);
    return e.target & 0x7fffffff;
  };

  const tables: TableRef[] = [];
  let declared = 0;
  for (const type of readDir(0, 'root')) {
    if (type.key !== RT_MESSAGETABLE) continue;
    const namesRel = subdir(type, 'RT_MESSAGETABLE', base);
    for (const name of readDir(namesRel, 'message table name')) {
      const langsRel = subdir(name, 'message table name', base + namesRel);
      for (const lang of readDir(langsRel, 'message table language')) {
        if (lang.target & 0x80000000) {
          const rel = lang.target & 0x7fffffff;
          if (visited.has(rel)) fail(`resource directory loops (language entry points back to the directory at ${hex(base + rel)})`);
          fail(`resource directory nested deeper than type/name/language at ${hex(base + langsRel)}`);
        }
        if (lang.key === undefined) continue; // languages are numeric; a named one is not loadable
        const rel = lang.target;
        if (rel + 16 > limit) fail(`message table data entry at ${hex(base + rel)} runs past the end of the resource section`);
        const de = take(src, base + rel, 16, 'message table data entry');
        const rva = u32(de, 0);
        const size = u32(de, 4);
        const data = rvaToOffset(pe, src.size, rva);
        if (!data) fail(`message table data (language ${hex(lang.key)}) at RVA ${hex(rva)} lies outside the file`);
        if (size > data.avail) {
          fail(`truncated message table at ${hex(data.offset)}: ${size} bytes declared, ${data.avail} in the file`);
        }
        if (tables.length >= MAX_TABLES) fail(`too many message tables (over ${MAX_TABLES})`);
        // Tables of a sound file do not share bytes, so together they fit in the file; tables that
        // overlap could make one small file decode to endless copies.
        declared += size;
        if (declared > src.size) fail(`message tables overlap (${declared} bytes declared in a ${src.size}-byte file)`);
        tables.push({ langId: lang.key & 0xffff, offset: data.offset, size });
      }
    }
  }
  return tables;
}

interface Block {
  low: number;
  high: number;
  /** Offset of the first entry, relative to the table. */
  entries: number;
  /** Entry offsets (relative to the table), filled when the table is loaded. */
  index?: Uint32Array;
}

class Table {
  readonly blocks: Block[];
  readonly ids: number;
  constructor(
    readonly langId: number,
    readonly at: number,
    readonly data: Uint8Array,
    budget: { ids: number },
  ) {
    const size = data.length;
    if (size < 4) fail(`message table at ${hex(at)} is ${size} bytes, too short for a block count`);
    const n = u32(data, 0);
    if (n > MAX_BLOCKS) fail(`message table at ${hex(at)} claims ${n} blocks (at most ${MAX_BLOCKS} are read)`);
    if (4 + n * 12 > size) fail(`message table at ${hex(at)}: ${n} blocks do not fit in ${size} bytes`);
    this.blocks = [];
    let ids = 0;
    for (let i = 0; i < n; i++) {
      const o = 4 + i * 12;
      const low = u32(data, o);
      const high = u32(data, o + 4);
      const entries = u32(data, o + 8);
      if (high < low) fail(`message block ${i} at ${hex(at + o)} has HighId ${hex(high)} below LowId ${hex(low)}`);
      if (entries >= size) fail(`message block ${i} at ${hex(at + o)} points to entries at ${hex(at + entries)}, outside the table`);
      const count = high - low + 1;
      // Each entry takes at least 4 bytes, so a block cannot hold more ids than its bytes allow.
      if (count > (size - entries) / 4) {
        fail(`truncated message block at ${hex(at + o)}: ${count} ids need more than the ${size - entries} bytes left`);
      }
      ids += count;
      budget.ids += count;
      if (budget.ids > MAX_IDS_PER_FILE) fail(`message tables declare over ${MAX_IDS_PER_FILE} ids (at ${hex(at + o)})`);
      this.blocks.push({ low, high, entries });
    }
    this.ids = ids;
    // Walking the entry lengths is cheap (a few thousand u16 reads) and finds damage now, when the
    // table is loaded, rather than at some later lookup; text is still decoded only on demand.
    for (const b of this.blocks) this.indexBlock(b);
  }

  private indexBlock(b: Block): Uint32Array {
    if (b.index) return b.index;
    const data = this.data;
    const count = b.high - b.low + 1;
    const index = new Uint32Array(count);
    let o = b.entries;
    for (let i = 0; i < count; i++) {
      if (o + 4 > data.length) fail(`truncated message block at ${hex(this.at + o)}: entry for id ${hex(b.low + i)} is cut off`);
      const len = u16(data, o);
      if (len < 4) fail(`message entry for id ${hex(b.low + i)} at ${hex(this.at + o)} has length ${len} (at least 4)`);
      if (o + len > data.length) {
        fail(`truncated message block at ${hex(this.at + o)}: entry for id ${hex(b.low + i)} needs ${len} bytes`);
      }
      index[i] = o;
      o += len;
    }
    b.index = index;
    return index;
  }

  private decode(id: number, o: number): MessageEntry {
    const data = this.data;
    const len = u16(data, o);
    const flags = u16(data, o + 2);
    const body = data.subarray(o + 4, o + len);
    let text: string;
    let unicode = true;
    if (flags & 1) text = decodeUtf16(body);
    else if (flags & 2) text = utf8.decode(cutAtNul(body, 1));
    else {
      unicode = false;
      text = decodeAnsi(cutAtNul(body, 1), this.langId);
    }
    return { id, langId: this.langId, text: trimEnd(text), unicode };
  }

  /** Index of the block holding `id` (blocks are sorted in practice; fall back to a scan). */
  private blockOf(id: number): Block | undefined {
    const bs = this.blocks;
    let lo = 0;
    let hi = bs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = bs[mid]!;
      if (id < b.low) hi = mid - 1;
      else if (id > b.high) lo = mid + 1;
      else return b;
    }
    for (const b of bs) if (id >= b.low && id <= b.high) return b;
    return undefined;
  }

  get(id: number): MessageEntry | undefined {
    const b = this.blockOf(id);
    if (!b) return undefined;
    const index = this.indexBlock(b);
    return this.decode(id, index[id - b.low]!);
  }

  *all(): Generator<MessageEntry> {
    for (const b of this.blocks) {
      const index = this.indexBlock(b);
      for (let i = 0; i < index.length; i++) yield this.decode(b.low + i, index[i]!);
    }
  }
}

function cutAtNul(b: Uint8Array, width: 1 | 2): Uint8Array {
  for (let i = 0; i + width <= b.length; i += width) {
    if (b[i] === 0 && (width === 1 || b[i + 1] === 0)) return b.subarray(0, i);
  }
  return b;
}

function decodeUtf16(b: Uint8Array): string {
  const body = cutAtNul(b.length & 1 ? b.subarray(0, b.length - 1) : b, 2);
  return utf16.decode(body);
}

function trimEnd(s: string): string {
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    if (c === 0x0d || c === 0x0a || c === 0) end--;
    else break;
  }
  return end === s.length ? s : s.slice(0, end);
}

const utf8 = new TextDecoder('utf-8');
const utf16 = new TextDecoder('utf-16le');
const decoders = new Map<string, TextDecoder | null>();
/** A TextDecoder for `label`, or null where this Node has no such decoder (small-icu builds). */
function decoder(label: string): TextDecoder | null {
  let d = decoders.get(label);
  if (d === undefined) {
    try {
      d = new TextDecoder(label);
    } catch {
      d = null;
    }
    decoders.set(label, d);
  }
  return d;
}

// windows-1252 is Latin-1 except for 0x80–0x9F. Decoded here rather than by TextDecoder: Node
// 20.18.3 and later (and some 22.x) decode that range wrongly for the "windows-1252" label.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
function decodeCp1252(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 4096) {
    const chunk = Array.from(b.subarray(i, i + 4096), (c) => (c >= 0x80 && c < 0xa0 ? CP1252_HIGH[c - 0x80]! : c));
    out += String.fromCharCode(...chunk);
  }
  return out;
}

function decodeAnsi(b: Uint8Array, langId: number): string {
  const label = ansiCodePage(langId);
  const d = label === 'windows-1252' ? null : decoder(label);
  return d ? d.decode(b) : decodeCp1252(b);
}

/** The ANSI code page Windows uses for a language, as a TextDecoder label. */
function ansiCodePage(langId: number): string {
  const primary = langId & 0x3ff;
  const sub = langId >> 10;
  switch (primary) {
    case 0x11:
      return 'shift_jis';
    case 0x12:
      return 'euc-kr';
    case 0x04:
      return sub === 0x02 || sub === 0x04 ? 'gbk' : 'big5';
    case 0x19: case 0x22: case 0x02: case 0x23: case 0x2f:
      return 'windows-1251';
    case 0x15: case 0x05: case 0x0e: case 0x1b: case 0x24: case 0x18: case 0x1a:
      return 'windows-1250';
    case 0x08:
      return 'windows-1253';
    case 0x1f:
      return 'windows-1254';
    case 0x0d:
      return 'windows-1255';
    case 0x01:
      return 'windows-1256';
    case 0x25: case 0x26: case 0x27:
      return 'windows-1257';
    case 0x2a:
      return 'windows-1258';
    case 0x1e:
      return 'windows-874';
    default:
      return 'windows-1252';
  }
}

/** Keeps the promise that only MessageFileError escapes, whatever the input. */
function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof MessageFileError) throw e;
    throw new MessageFileError(`unreadable message file (${e instanceof Error ? e.message : String(e)})`);
  }
}

/**
 * Checks the PE headers and the resource directory and lists the message tables; their data is
 * read (through `source.read`) only when a language is loaded.
 */
export function openMessageFile(source: Uint8Array | ByteSource): MessageFile {
  return guard(() => {
    // ArrayBuffer.isView, not instanceof: a Buffer from another realm (Jest's vm) is still bytes.
    const src = ArrayBuffer.isView(source) ? bytesSource(source as Uint8Array) : (source as ByteSource);
    const pe = readPeLayout(src);
    const refs = findMessageTables(src, pe);
    const langIds = [...new Set(refs.map((r) => r.langId))].sort((a, b) => a - b);
    const loaded = new Map<number, Table[]>();
    const budget = { ids: 0 };
    const load = (langId: number): Table[] => {
      let ts = loaded.get(langId);
      if (!ts) {
        ts = refs.filter((r) => r.langId === langId).map((r) => new Table(langId, r.offset, take(src, r.offset, r.size, 'message table'), budget));
        loaded.set(langId, ts);
      }
      return ts;
    };
    const file: MessageFile = {
      langIds,
      load: (ids) => guard(() => void (ids ?? langIds).forEach(load)),
      get: (id, langId) =>
        guard(() => {
          for (const t of load(langId)) {
            const e = t.get(id >>> 0);
            if (e) return e;
          }
          return undefined;
        }),
      entries: (ids) =>
        guard(() => {
          const out: MessageEntry[] = [];
          const want = ids ? langIds.filter((l) => ids.includes(l)) : langIds;
          for (const langId of want) {
            const seen = new Set<number>();
            const mine: MessageEntry[] = [];
            for (const t of load(langId)) {
              for (const e of t.all()) {
                if (!seen.has(e.id)) {
                  seen.add(e.id);
                  mine.push(e);
                }
              }
            }
            mine.sort((a, b) => a.id - b.id);
            for (const e of mine) out.push(e); // not push(...mine): too many arguments for big tables
          }
          return out;
        }),
      count: (langId) => (loaded.get(langId) ?? []).reduce((n, t) => n + t.ids, 0),
    };
    return file;
  });
}

/**
 * Every message in a PE file's RT_MESSAGETABLE resources, by language then id; `langIds` keeps
 * only those languages (their tables are the only ones read). A PE file without message tables
 * gives []. Anything wrong with the file throws MessageFileError.
 */
export function readMessageTable(bytes: Uint8Array, opts?: { langIds?: number[] }): MessageEntry[] {
  return openMessageFile(bytes).entries(opts?.langIds);
}

// ---- language ids and tags ----

/** Common Windows language ids (LCIDs) and their BCP 47 tags. */
const LANGS: ReadonlyArray<readonly [number, string]> = [
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
];
const TAG_BY_ID = new Map<number, string>(LANGS);
const ID_BY_TAG = new Map<string, number>(LANGS.map(([id, tag]) => [tag.toLowerCase(), id]));
TAG_BY_ID.set(0x040a, 'es-ES'); // Spanish with traditional sort: the same tag as 0x0C0A
// A bare language ("de") stands for its primary language id with SUBLANG_NEUTRAL (0x07).
for (const [id, tag] of LANGS) {
  const bare = tag.split('-')[0]!.toLowerCase();
  const primary = id & 0x3ff;
  if (!ID_BY_TAG.has(bare)) ID_BY_TAG.set(bare, primary);
  if (!TAG_BY_ID.has(primary)) TAG_BY_ID.set(primary, bare);
}

/**
 * The tag for a Windows language id: 0x0407 → "de-DE", 0x0007 → "de", language-neutral ids
 * (primary language 0: 0x0000, 0x0400, 0x0800) → "neutral"; undefined when not in the table.
 */
export function langTag(langId: number): string | undefined {
  if (!Number.isInteger(langId) || langId < 0 || langId > 0xffff) return undefined;
  if ((langId & 0x3ff) === 0) return 'neutral';
  return TAG_BY_ID.get(langId);
}

/**
 * The Windows language id for a tag: "de-DE", "de_de", "DE-de" → 0x0407; "de" → 0x0007 (the
 * language with no particular region); "neutral" → 0. Undefined when not in the table.
 */
export function langIdFromTag(tag: string): number | undefined {
  const t = tag.trim().replace(/_/g, '-').toLowerCase();
  if (t === 'neutral') return 0;
  return ID_BY_TAG.get(t);
}
