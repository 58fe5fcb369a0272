// Turns a byte stream as logs really come — plain, gzip, UTF-8, UTF-16LE/BE with or without a BOM,
// binary garbage — into text chunks for the scanner.
// node:stream and node:zlib are required where used: loading them costs every start ~2 ms.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface TextChunks {
  encoding: TextEncoding;
  gzip: boolean;
  /**
   * Text chunks. UTF-8 input comes as one character per byte (latin1), which is fast and never
   * fails on bad bytes; `toDisplay` turns a piece of such text back into proper characters.
   */
  chunks: AsyncIterable<string>;
  toDisplay(text: string): string;
}

async function* prepend(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

/** Reads enough of the start to know the format, then yields decoded text chunks. */
export async function openText(source: AsyncIterable<Buffer>, depth = 0): Promise<TextChunks> {
  const it = source[Symbol.asyncIterator]();
  let first = Buffer.alloc(0);
  // Gather at least 4 bytes (gzip magic, BOMs), or whatever there is.
  while (first.length < 4) {
    const r = await it.next();
    if (r.done) break;
    first = Buffer.concat([first, r.value]);
  }
  const bytes = prepend(first, it);
  if (depth === 0 && first[0] === 0x1f && first[1] === 0x8b) {
    const { Readable } = require('node:stream') as typeof import('node:stream');
    const { createGunzip } = require('node:zlib') as typeof import('node:zlib');
    const inner = await openText(Readable.from(bytes).pipe(createGunzip()), depth + 1);
    return { ...inner, gzip: true };
  }
  let encoding: TextEncoding = 'utf-8';
  let skip = 0;
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) skip = 3;
  else if (first[0] === 0xff && first[1] === 0xfe) (encoding = 'utf-16le'), (skip = 2);
  else if (first[0] === 0xfe && first[1] === 0xff) (encoding = 'utf-16be'), (skip = 2);
  else if (looksUtf16le(first)) encoding = 'utf-16le';
  return { encoding, gzip: false, chunks: decodeChunks(bytes, encoding, skip), toDisplay: encoding === 'utf-8' ? latin1ToUtf8 : (t) => t };
}

// ASCII text written as UTF-16LE without a BOM: a zero in every odd byte.
function looksUtf16le(b: Buffer): boolean {
  if (b.length < 4) return false;
  let zeros = 0;
  const n = Math.min(b.length, 512) & ~1;
  for (let i = 1; i < n; i += 2) if (b[i] === 0 && b[i - 1] !== 0) zeros++;
  return zeros >= (n / 2) * 0.9;
}

async function* decodeChunks(bytes: AsyncIterable<Buffer>, encoding: TextEncoding, skip: number): AsyncGenerator<string> {
  const decoder = encoding === 'utf-8' ? undefined : new TextDecoder(encoding);
  let first = true;
  for await (const chunk of bytes) {
    const b = first && skip > 0 ? chunk.subarray(skip) : chunk;
    first = false;
    if (b.length === 0) continue;
    yield decoder ? decoder.decode(b, { stream: true }) : b.toString('latin1');
  }
  if (decoder) {
    const tail = decoder.decode();
    if (tail) yield tail;
  }
}

function latin1ToUtf8(text: string): string {
  if (!/[\x80-\xff]/.test(text)) return text; // ASCII: the same either way
  return Buffer.from(text, 'latin1').toString('utf8');
}

/** Strips terminal escape sequences and other control characters from text we echo. */
export function sanitize(text: string): string {
  return text
    .replace(/\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-_])/g, '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .replace(/\t/g, ' ');
}
