// The code table in a form that needs no parsing: typed arrays of values and offsets into text,
// packed into one byte buffer. The CLI reads it from dist/data/codes.bin a section at a time, so
// decoding a value reads a few kilobytes; the library packs it in memory on first use.
//
// Layout (little-endian): a header of u32 words — magic, entry count, the three kinds' first
// entries, then (offset, length) of every section — and the sections, each 4-byte aligned.
// Entries are sorted by kind (hresult, win32, ntstatus), then value, then precedence.

/** The sections of the packed table. */
export const Section = {
  /** u32 per entry: the value. */
  Values: 0,
  /** u32 per entry, plus one: where each line of Names starts. */
  NameOff: 1,
  /** u32 per entry, plus one: where each description starts in Descs (bytes). */
  DescOff: 2,
  /** u16 per entry: the source header's index, with bit 15 set when the description is written. */
  Info: 3,
  /** The names, one a line (ASCII): what `lookup` matches parts of names in. */
  Names: 4,
  /** The descriptions, written or derived from the name, back to back (UTF-8). */
  Descs: 5,
  /** u32 per entry: entry numbers sorted by upper-case name, then table order. */
  ByName: 6,
  /** Lower-case `name description` (the description only where it is written), one a line: what `search` reads. */
  Hay: 7,
  /** u32 per entry, plus one: where each line of Hay starts (in characters). */
  HayOff: 8,
  /** u32 per entry: its place when every name is sorted with localeCompare, which is slow to load. */
  Collation: 9,
} as const;
export type Section = (typeof Section)[keyof typeof Section];
const SECTIONS = 10;

export const MAGIC = 0x3152464d; // "MFR1"
/** Header words before the section table: magic, count, three kind starts. */
const FIXED = 5;
const HEADER_BYTES = (FIXED + 2 * SECTIONS) * 4;
export const WRITTEN = 0x8000;

export const KIND_ORDER = ['hresult', 'win32', 'ntstatus'] as const;
const KIND_LETTERS: Record<string, number> = { h: 0, w: 1, n: 2 };

export interface PackInput {
  /** The generated table: `kind\thex\tname\tsource` lines, sorted by kind and value. */
  table: string;
  /** Written descriptions by name. */
  written: Readonly<Record<string, string>>;
  /** The description of a name without a written one. */
  derive: (name: string) => string;
}

const encoder = new TextEncoder();

function ascii(text: string, what: string): Uint8Array {
  if (!/^[\x00-\x7f]*$/.test(text)) throw new Error(`${what} must be ASCII`);
  return encoder.encode(text);
}

export function packCodes({ table, written, derive }: PackInput): Uint8Array {
  const lines = table.split('\n');
  const n = lines.length;
  const values = new Uint32Array(n);
  const info = new Uint16Array(n + (n & 1));
  const names: string[] = [];
  const kindStart = [n, n, n];
  lines.forEach((line, i) => {
    const [k = 'h', hex = '0', name = '', src = '0'] = line.split('\t');
    const kind = KIND_LETTERS[k] ?? 0;
    kindStart[kind] = Math.min(kindStart[kind] ?? n, i);
    values[i] = parseInt(hex, 16);
    names.push(name);
    info[i] = Number(src) | (Object.prototype.hasOwnProperty.call(written, name) ? WRITTEN : 0);
  });
  // A kind with no entries starts where the next one does.
  for (let k = 1; k >= 0; k--) kindStart[k] = Math.min(kindStart[k] ?? n, kindStart[k + 1] ?? n);

  const offsets = (parts: string[], measure: (s: string) => number): Uint32Array => {
    const off = new Uint32Array(parts.length + 1);
    for (let i = 0; i < parts.length; i++) off[i + 1] = (off[i] ?? 0) + measure(parts[i] ?? '');
    return off;
  };
  const descs = names.map((name) => (Object.prototype.hasOwnProperty.call(written, name) ? (written[name] ?? '') : derive(name)));
  const byName = Uint32Array.from(names.keys()).sort((a, b) => {
    const x = names[a]?.toUpperCase() ?? '';
    const y = names[b]?.toUpperCase() ?? '';
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const hay = names.map((name) => (Object.prototype.hasOwnProperty.call(written, name) ? `${name} ${written[name]}` : name).toLowerCase() + '\n');
  const collation = new Uint32Array(n);
  Uint32Array.from(names.keys())
    .sort((a, b) => (names[a] ?? '').localeCompare(names[b] ?? '') || a - b)
    .forEach((entry, place) => (collation[entry] = place));
  const sections: Uint8Array[] = [];
  sections[Section.Values] = new Uint8Array(values.buffer);
  const nameLines = names.map((name) => name + '\n');
  sections[Section.NameOff] = new Uint8Array(offsets(nameLines, (s) => s.length).buffer);
  sections[Section.DescOff] = new Uint8Array(offsets(descs, (s) => encoder.encode(s).length).buffer);
  sections[Section.Info] = new Uint8Array(info.buffer);
  sections[Section.Names] = ascii(nameLines.join(''), 'code names');
  sections[Section.Descs] = encoder.encode(descs.join(''));
  sections[Section.ByName] = new Uint8Array(byName.buffer);
  sections[Section.Collation] = new Uint8Array(collation.buffer);
  sections[Section.Hay] = encoder.encode(hay.join(''));
  sections[Section.HayOff] = new Uint8Array(offsets(hay, (s) => s.length).buffer);

  const header = new Uint32Array(FIXED + 2 * SECTIONS);
  header.set([MAGIC, n, kindStart[0] ?? n, kindStart[1] ?? n, kindStart[2] ?? n]);
  let at = HEADER_BYTES;
  sections.forEach((s, i) => {
    header[FIXED + 2 * i] = at;
    header[FIXED + 2 * i + 1] = s.length;
    at += (s.length + 3) & ~3;
  });
  const out = new Uint8Array(at);
  out.set(new Uint8Array(header.buffer), 0);
  sections.forEach((s, i) => out.set(s, header[FIXED + 2 * i] ?? 0));
  return out;
}

/** Where the packed bytes come from: memory, or a file read a piece at a time. */
export interface ByteSource {
  /** `length` bytes from `offset`, in a buffer whose offset is a multiple of 4. */
  read(offset: number, length: number): Uint8Array;
}

/** Reads the packed table: whole sections once they are needed, or small ranges of the text ones. */
export class PackedCodes {
  readonly count: number;
  /** The first entry of each kind, and the count: kind k spans kindStart[k]..kindStart[k + 1]. */
  readonly kindStart: readonly number[];
  private readonly table: Uint32Array;
  private readonly loaded: (Uint8Array | undefined)[] = [];
  private readonly texts: (string | undefined)[] = [];
  private readonly wide: (Uint32Array | undefined)[] = [];
  private readonly narrow: (Uint16Array | undefined)[] = [];
  /** Range reads per text section: past a few, the whole section is read instead. */
  private readonly reads: number[] = new Array<number>(SECTIONS).fill(0);
  private readonly decoder = new TextDecoder();

  constructor(private readonly source: ByteSource) {
    const h = source.read(0, HEADER_BYTES);
    const words = new Uint32Array(h.buffer, h.byteOffset, HEADER_BYTES / 4);
    if (words[0] !== MAGIC) throw new Error('the code table is damaged or from another version of mfr (rebuild it with npm run build)');
    this.count = words[1] ?? 0;
    this.kindStart = [words[2] ?? 0, words[3] ?? 0, words[4] ?? 0, this.count];
    this.table = words.slice(FIXED);
  }

  bytes(s: Section): Uint8Array {
    return (this.loaded[s] ??= this.source.read(this.table[2 * s] ?? 0, this.table[2 * s + 1] ?? 0));
  }

  u32(s: Section): Uint32Array {
    const b = this.bytes(s);
    return new Uint32Array(b.buffer, b.byteOffset, b.length >>> 2);
  }

  /** Entry i of a u32 section, or of the u16 one (Info) with `wide` false. */
  word(s: Section, i: number, wide = true): number {
    if (wide) return (this.wide[s] ??= this.u32(s))[i] ?? 0;
    const b = this.bytes(s);
    return (this.narrow[s] ??= new Uint16Array(b.buffer, b.byteOffset, b.length >>> 1))[i] ?? 0;
  }

  /** A whole text section as a string. */
  text(s: Section): string {
    return (this.texts[s] ??= this.decoder.decode(this.bytes(s)));
  }

  /** Bytes start..end of a text section (Names or Descs), read alone while few are asked for. */
  slice(s: Section, start: number, end: number): string {
    // Decoding a value reads a few names and descriptions: those are read alone; a search reads more.
    let b = this.loaded[s];
    if (!b && (this.reads[s] = (this.reads[s] ?? 0) + 1) > 16) b = this.bytes(s);
    // Where the text is ASCII (names always; descriptions so far), its byte offsets are its
    // character offsets: a slice of the whole text then costs no decoding.
    if (b && this.text(s).length === b.length) return this.text(s).slice(start, end);
    const part = b ? b.subarray(start, end) : this.source.read((this.table[2 * s] ?? 0) + start, end - start);
    if (s !== Section.Names) return this.decoder.decode(part);
    let out = '';
    for (let i = 0; i < part.length; i++) out += String.fromCharCode(part[i] ?? 0);
    return out;
  }

}
