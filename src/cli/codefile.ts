// The CLI's built data files beside its bundle (dist/data/), read a piece at a time. codeBytes
// stands in for src/data/store.ts in the CLI's bundles (scripts/build.mjs).
import { openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { ByteSource } from '../data/pack';

/** dist/data/NAME, opened for reads of a piece at a time; throws if it cannot be opened. */
export function dataFile(name: string): ByteSource {
  const file = join(__dirname, 'data', name);
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

/** The packed code table (src/data/pack.ts), written at build time. */
export function codeBytes(): ByteSource {
  return dataFile('codes.bin');
}
