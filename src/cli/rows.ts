// A code as a row of tables and JSON; and list --json's rows, rendered at build time: a row is the
// same for every run of a build (a code's name, value, kind, source and description), and
// rendering 17,778 of them was most of a full list's time. dist/data/rows.bin holds each table
// entry's element, as jsonArray writes it, followed by ",\n"; a run of entries is one slice of it.
//
// Layout (little-endian u32): magic, entry count, count + 1 offsets into the text, then the text.
import { hex32 } from '../core/dword';
import { MIGRATION_FAILURE_REASON } from '../core/migration';
import { allCodes, type CodeEntry } from '../data/db';
import { describeEntry } from '../data/describe';
import type { ByteSource } from '../data/pack';
import { dataFile } from './codefile';
import { element } from './render/json';
import type { CodeRow } from './render/text';

/** A code as a row of JSON and of tables. */
export function codeRow(e: CodeEntry): CodeRow {
  const seed = e.source === MIGRATION_FAILURE_REASON.name ? MIGRATION_FAILURE_REASON.values.find((v) => v.name === e.name) : undefined;
  const d = seed ? { text: seed.description, source: 'seed' as const } : describeEntry(e);
  return { name: e.name, value: e.value, hex: hex32(e.value), kind: e.kind, source: e.source, description: d.text, descriptionSource: d.source };
}

const MAGIC = 0x5252464d; // "MFRR"
const SEPARATOR = ',\n';

/** The file's bytes (at build time, from the same renderer the CLI uses). */
export function packRows(): Uint8Array {
  const encoder = new TextEncoder();
  const texts = allCodes().map((e) => encoder.encode(element(codeRow(e)) + SEPARATOR));
  const head = new Uint32Array(2 + texts.length + 1);
  head[0] = MAGIC;
  head[1] = texts.length;
  texts.forEach((t, i) => (head[3 + i] = (head[2 + i] ?? 0) + t.length));
  const out = new Uint8Array(head.byteLength + (head[2 + texts.length] ?? 0));
  out.set(new Uint8Array(head.buffer));
  let at = head.byteLength;
  for (const t of texts) out.set(t, at), (at += t.length);
  return out;
}

export interface Rows {
  count: number;
  /** The elements of entries start..end - 1, joined as jsonArray joins them (no separator after the last). */
  range(start: number, end: number): Uint8Array;
}

/** The rows file beside the CLI's bundle, or undefined where there is none (or it does not fit `count`). */
export function openRows(count: number): Rows | undefined {
  let file: ByteSource;
  try {
    file = dataFile('rows.bin');
  } catch {
    return undefined;
  }
  const fixed = new Uint32Array(file.read(0, 8).buffer);
  if (fixed[0] !== MAGIC || fixed[1] !== count) return undefined;
  const offsets = new Uint32Array(file.read(8, (count + 1) * 4).buffer);
  const text = 8 + (count + 1) * 4;
  return {
    count,
    range: (start, end) => file.read(text + (offsets[start] ?? 0), (offsets[end] ?? 0) - (offsets[start] ?? 0) - SEPARATOR.length),
  };
}
