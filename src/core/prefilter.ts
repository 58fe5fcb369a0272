// The host side of scan's compiled first pass (src/asm/prefilter.ts): sets up its tables from the
// code database and the keyword table, copies text into its memory and returns the offsets of
// the tokens worth weighing. Pure: WebAssembly and memory only.
import { PREFILTER_WASM } from './prefilter.wasm';

interface Exports {
  memory: WebAssembly.Memory;
  setTables(hrFac: number, ntFac: number, values: number, count: number, stemIndex: number, stemData: number, bits: number): void;
  scan(text: number, len: number, from: number, out: number): number;
}

export interface PrefilterTables {
  /** Facilities (0..4095) the headers name, in each numbering space. */
  hresultFacilities: Iterable<number>;
  ntFacilities: Iterable<number>;
  /** Every value with a name, as scan counts them (its own, or the Win32 error or NTSTATUS it wraps). */
  namedValues: Iterable<number>;
  /** Keyword words and parts of them, lower case: a word starting with one may be a keyword. */
  stems: Iterable<string>;
}

const PAGE = 65536;
const TABLES = PAGE; // the module's own data lies below

export class Prefilter {
  private readonly x: Exports;
  private textAt = 0;

  constructor(tables: PrefilterTables) {
    const bytes = Uint8Array.from(atob(PREFILTER_WASM), (c) => c.charCodeAt(0));
    this.x = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as Exports;
    const values = [...new Set(tables.namedValues)].map((v) => v >>> 0).sort((a, b) => a - b);
    const stems = [...new Set(tables.stems)].filter((s) => /^[a-z][a-z0-9]*$/.test(s)).sort();
    const stemData: number[] = [];
    const index = new Uint16Array(52);
    for (let letter = 0; letter < 26; letter++) {
      index[letter * 2] = stemData.length;
      for (const s of stems) if (s.charCodeAt(0) - 97 === letter) stemData.push(s.length, ...[...s].map((c) => c.charCodeAt(0)));
      index[letter * 2 + 1] = stemData.length;
    }
    // Layout: facility bitmaps, stem index, stems, named values; the text goes after them.
    const hrFac = TABLES;
    const ntFac = hrFac + 512;
    const stemIndex = ntFac + 512;
    const stemBytes = stemIndex + index.byteLength;
    const valuesAt = (stemBytes + stemData.length + 3) & ~3;
    const bits = (valuesAt + values.length * 4 + 15) & ~15;
    this.textAt = bits + (1 << 17);
    this.ensure(this.textAt);
    const mem = new Uint8Array(this.x.memory.buffer);
    for (const f of tables.hresultFacilities) mem[hrFac + (f >>> 3)] = (mem[hrFac + (f >>> 3)] ?? 0) | (1 << (f & 7));
    for (const f of tables.ntFacilities) mem[ntFac + (f >>> 3)] = (mem[ntFac + (f >>> 3)] ?? 0) | (1 << (f & 7));
    mem.set(new Uint8Array(index.buffer), stemIndex);
    mem.set(stemData, stemBytes);
    new Uint32Array(this.x.memory.buffer, valuesAt, values.length).set(values);
    this.x.setTables(hrFac, ntFac, valuesAt, values.length, stemIndex, stemBytes, bits);
  }

  private ensure(bytes: number): void {
    const have = this.x.memory.buffer.byteLength;
    if (bytes > have) this.x.memory.grow(Math.ceil((bytes - have) / PAGE));
  }

  /**
   * Offsets of the tokens in `text` (one byte a character: text read as latin1) that may be a
   * code, from `from` on, ascending.
   */
  tokens(text: string, from = 0): Int32Array {
    const n = text.length;
    const out = (this.textAt + n + 3) & ~3;
    this.ensure(out + 4 * ((n >>> 1) + 2));
    const mem = new Uint8Array(this.x.memory.buffer, this.textAt, n);
    // One byte a character: the scanner is given latin1 text here, whose codes are all below 256.
    Buffer.from(mem.buffer, mem.byteOffset, n).write(text, 0, n, 'latin1');
    const count = this.x.scan(this.textAt, n, from, out);
    return new Int32Array(this.x.memory.buffer, out, count).slice();
  }
}
