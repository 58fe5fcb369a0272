// The CLI bundle's entry (dist/mfr.js): mfr on the process's argv.
import { main } from './main';
import { streaming } from './io';

void main(process.argv).then(() => {
  // All is written, synchronously (unless stdout or stderr had to become a stream, which may still
  // be writing): end now, without the ~3 ms a natural exit spends tearing the heap down.
  if (!streaming()) process.exit();
});
