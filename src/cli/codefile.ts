// The CLI's code table: dist/data/codes.bin, written at build time, read a section at a time.
// It stands in for src/data/store.ts in the CLI's bundles (scripts/build.mjs).
import { openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { ByteSource } from '../data/pack';

export function codeBytes(): ByteSource {
  const file = join(__dirname, 'data', 'codes.bin');
  const fd = openSync(file, 'r');
  return {
    read(offset, length) {
      const b = new Uint8Array(length);
      for (let done = 0; done < length; ) {
        const n = readSync(fd, b, done, length - done, offset + done);
        if (n === 0) throw new Error(`${file} ends early: the build is incomplete (run npm run build)`);
        done += n;
      }
      return b;
    },
  };
}
