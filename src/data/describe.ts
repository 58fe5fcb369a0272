// Descriptions: written ones (ours, or the seed page's) where we have them, and otherwise one
// derived from the code's name, marked as such so a reader knows how far to trust it.
import { type CodeEntry, entryDescription, writtenDescriptionOf } from './db';
import { DESCRIPTIONS } from './descriptions';
import { deriveDescription } from './derive';

export { deriveDescription } from './derive';

/** `seed`: the MigrationFailureReason page; `mfr`: written for mfr; `derived`: from the name. */
export type DescriptionSource = 'seed' | 'mfr' | 'derived';

export interface Description {
  text: string;
  source: DescriptionSource;
}

export function describe(name: string): Description {
  const text = writtenDescriptionOf(name);
  return text !== undefined ? { text, source: 'mfr' } : { text: deriveDescription(name), source: 'derived' };
}

/** A table entry's description, without searching for its name. */
export function describeEntry(e: CodeEntry): Description {
  const d = entryDescription(e);
  return d ? { text: d.text, source: d.written ? 'mfr' : 'derived' } : describe(e.name);
}

export function writtenCount(): number {
  return Object.keys(DESCRIPTIONS).length;
}
