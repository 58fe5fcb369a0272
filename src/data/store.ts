// The packed code table, built in memory from the generated tables. The CLI's bundles read the
// same bytes from dist/data/codes.bin instead (src/cli/codefile.ts; see scripts/build.mjs).
import { CODE_TABLE } from './codes.generated';
import { DESCRIPTIONS } from './descriptions';
import { deriveDescription } from './derive';
import { type ByteSource, packCodes } from './pack';

export function packedCodes(): Uint8Array {
  return packCodes({ table: CODE_TABLE, written: DESCRIPTIONS, derive: deriveDescription });
}

export function codeBytes(): ByteSource {
  const bytes = packedCodes();
  return { read: (offset, length) => bytes.subarray(offset, offset + length) };
}
