// One DWORD → every reading of it: the MigrationFailureReason value table, the HRESULT, the Win32
// error or NTSTATUS it wraps, the NTSTATUS it may be itself, and the Win32 error a small value is.
import { type CodeEntry, type CodeKind, facilityName, namesFor } from '../data/db';
import { type DescriptionSource, describeEntry } from '../data/describe';
import { type Dword, DwordParseError, hex32, toSigned } from './dword';
import { type InputNotation, type PastedValue, readPasted } from './paste';
import { closestNames } from './query';
import { FACILITY_WIN32, type HresultFields, hresultFields, ntstatusFromHresult, win32FromHresult } from './hresult';
import { MIGRATION_FAILURE_REASON, migrationFailureReason } from './migration';
import { type NtstatusFields, ntstatusFields } from './ntstatus';

export interface NameRef {
  name: string;
  kind: CodeKind;
  /** The header that defines the name, or `MigrationFailureReason` for the seed's value table. */
  source: string;
}

export type InterpretationKind =
  | 'migration-failure-reason'
  | 'hresult'
  | 'hresult-from-win32'
  | 'hresult-from-nt'
  | 'ntstatus'
  | 'win32';

export interface Interpretation {
  kind: InterpretationKind;
  /** What is named: the DWORD itself, or the Win32 error / NTSTATUS it wraps. */
  value: number;
  hex: string;
  names: NameRef[];
  description: string | null;
  descriptionSource: DescriptionSource | null;
}

export interface Decoded {
  value: Dword;
  hex: string;
  unsigned: number;
  signed: number;
  /** The primary name: the first name of the most likely reading. */
  name: string | null;
  /** Every name of every reading, most likely first, without repeats. */
  names: NameRef[];
  /** What the value means in general (for the seed's values too: their migration text is `migration`). */
  description: string | null;
  descriptionSource: DescriptionSource | null;
  /** For the MigrationFailureReason values (S_OK, E_BUSY, E_FAIL): what the value means for a live migration. */
  migration: { name: string; description: string } | null;
  /**
   * Which layout `severity`, `facility` and `code` come from: the primary reading's. A Win32
   * error is a failure unless 0, of facility WIN32 (as HRESULT_FROM_WIN32 would wrap it).
   */
  layout: 'hresult' | 'ntstatus' | 'win32';
  severity: string;
  facility: { value: number; name: string | null };
  code: number;
  hresult: HresultFields & { facilityName: string | null };
  ntstatus: NtstatusFields & { facilityName: string | null };
  /** The Win32 error this value is or wraps (HRESULT_FROM_WIN32, or a small value). */
  win32: { code: number; name: string | null } | null;
  /** The NTSTATUS wrapped by HRESULT_FROM_NT (N bit set). */
  wrappedNtstatus: { value: number; hex: string; name: string | null } | null;
  interpretations: Interpretation[];
}

const ORDER: InterpretationKind[] = ['migration-failure-reason', 'hresult', 'hresult-from-win32', 'hresult-from-nt', 'ntstatus', 'win32'];
// A small value is first of all a Win32 error: `mfr decode 2` is ERROR_FILE_NOT_FOUND.
const SMALL_ORDER: InterpretationKind[] = ['migration-failure-reason', 'win32', 'hresult', 'ntstatus'];

/** Header precedence: winerror.h and ntstatus.h, then Wine's headers, then component headers. */
function sourceTier(source: string): number {
  if (source === 'winerror.h' || source === 'ntstatus.h' || source === MIGRATION_FAILURE_REASON.name) return 0;
  return source.startsWith('wine/') ? 1 : 2;
}

function reading(kind: InterpretationKind, value: number, entries: CodeEntry[]): Interpretation {
  const desc = entries.length > 0 ? describeFirst(entries) : undefined;
  return {
    kind,
    value,
    hex: kind === 'win32' || kind === 'hresult-from-win32' ? '0x' + value.toString(16).toUpperCase().padStart(4, '0') : hex32(value),
    names: entries.map(({ name, kind: k, source }) => ({ name, kind: k, source })),
    description: desc?.text ?? null,
    descriptionSource: desc?.source ?? null,
  };
}

// A written description of any of the names beats one derived from the first name.
function describeFirst(entries: CodeEntry[]): { text: string; source: DescriptionSource } | undefined {
  const described = entries.map(describeEntry);
  return described.find((d) => d.source !== 'derived') ?? described[0];
}

/**
 * Every reading of `value`, most likely first. `prefer` puts one kind of reading first after the
 * seed's, for callers that know what the value is (scan's "Win32 error 5" is a Win32 error).
 */
export function decode(value: Dword, prefer?: CodeKind): Decoded {
  // The value goes through the property model: a DWORD in 0..0xFFFFFFFF, or PropertyRangeError.
  const seed = migrationFailureReason(value).documented;
  const readings: Interpretation[] = [];
  if (seed) {
    readings.push({
      kind: 'migration-failure-reason',
      value,
      hex: hex32(value),
      names: [{ name: seed.name, kind: 'hresult', source: MIGRATION_FAILURE_REASON.name }],
      description: seed.description,
      descriptionSource: 'seed',
    });
  }
  const hresultNames = namesFor('hresult', value);
  readings.push(reading('hresult', value, hresultNames));
  const win32 = win32FromHresult(value);
  if (win32 !== undefined) readings.push(reading('hresult-from-win32', win32, namesFor('win32', win32)));
  const wrapped = ntstatusFromHresult(value);
  if (wrapped !== undefined) readings.push(reading('hresult-from-nt', wrapped, namesFor('ntstatus', wrapped)));
  const ntNames = namesFor('ntstatus', value);
  if (ntNames.length > 0 || (value >>> 30 === 3 && hresultNames.length === 0 && wrapped === undefined)) {
    readings.push(reading('ntstatus', value, ntNames));
  }
  // A small value may be a Win32 error; so is a large one a header defines as such (SetupAPI's 0xE000xxxx).
  const win32Names = namesFor('win32', value);
  if (value < 0x10000 || win32Names.length > 0) readings.push(reading('win32', value, win32Names));

  // Most likely first: the seed's table; the kind the caller knows it is; readings that name the
  // value, by header precedence; then by ORDER (SMALL_ORDER for a value a Win32 error could be).
  const order = value < 0x10000 ? SMALL_ORDER : ORDER;
  const rank = (r: Interpretation): number => {
    if (r.kind === 'migration-failure-reason') return 0;
    if (prefer !== undefined && r.kind === prefer) return 1;
    const first = r.names[0];
    return first ? 2 + sourceTier(first.source) : 9;
  };
  readings.sort((a, b) => rank(a) - rank(b) || order.indexOf(a.kind) - order.indexOf(b.kind));

  const names: NameRef[] = [];
  for (const r of readings) for (const n of r.names) if (!names.some((m) => m.name === n.name)) names.push(n);
  const primary = readings.find((r) => r.names.length > 0);

  const hr = hresultFields(value);
  const nt = ntstatusFields(value);
  const hresult = { ...hr, facilityName: facilityName('hresult', hr.facility) };
  const ntstatus = { ...nt, facilityName: facilityName('ntstatus', nt.facility) };
  const layout = primary?.kind === 'ntstatus' ? 'ntstatus' : primary?.kind === 'win32' ? 'win32' : 'hresult';
  const fields =
    layout === 'ntstatus'
      ? ntstatus
      : layout === 'win32'
        ? { severity: value === 0 ? 'success' : 'failure', facility: FACILITY_WIN32, facilityName: facilityName('hresult', FACILITY_WIN32), code: value & 0xffff }
        : hresult;
  const win32Code = win32 ?? (value < 0x10000 ? value : undefined);
  return {
    value,
    hex: hex32(value),
    unsigned: value,
    signed: toSigned(value),
    name: primary?.names[0]?.name ?? null,
    names,
    ...general(readings, primary),
    migration: seed ? { name: seed.name, description: seed.description } : null,
    layout,
    severity: fields.severity,
    facility: { value: fields.facility, name: fields.facilityName },
    code: fields.code,
    hresult,
    ntstatus,
    win32: win32Code === undefined ? null : { code: win32Code, name: namesFor('win32', win32Code)[0]?.name ?? null },
    wrappedNtstatus: wrapped === undefined ? null : { value: wrapped, hex: hex32(wrapped), name: namesFor('ntstatus', wrapped)[0]?.name ?? null },
    interpretations: readings,
  };
}

/**
 * The description that holds in general. For the seed's three values the seed's text speaks of
 * migrations (it is `migration`): the general one is the best other reading's.
 */
function general(readings: Interpretation[], primary: Interpretation | undefined): { description: string | null; descriptionSource: DescriptionSource | null } {
  if (primary?.kind !== 'migration-failure-reason') return { description: primary?.description ?? null, descriptionSource: primary?.descriptionSource ?? null };
  const others = readings.filter((r) => r.kind !== 'migration-failure-reason' && r.description !== null);
  const best = others.find((r) => r.descriptionSource === 'mfr') ?? others[0];
  return { description: best?.description ?? null, descriptionSource: best?.descriptionSource ?? null };
}

/** The general description as a pair, or null. */
export function generalDescription(d: Decoded): { text: string; source: DescriptionSource } | null {
  return d.description === null || d.descriptionSource === null ? null : { text: d.description, source: d.descriptionSource };
}

export interface DecodedInput extends Decoded {
  input: string;
  /** How the input was written: hex, bare-hex, decimal, signed-decimal, or as pasted (see paste.ts). */
  notation: InputNotation;
  /**
   * An all-digit token of up to 8 digits can be decimal or hex: the reading not taken, when one of
   * them names a code (the named one is taken).
   */
  otherReading: { value: number; hex: string; name: string | null; notation: 'decimal' | 'bare-hex' } | null;
}

/** An input read but not yet decoded: the value, and what the input says of how to read it. */
export interface ReadInput {
  input: string;
  notation: InputNotation;
  value: number;
  /** The kind of reading to put first: a keyword's (NTSTATUS 259) or a name's. */
  prefer: CodeKind | undefined;
  /** The code's name, when the input was one: it is shown first among the value's names. */
  name: string | undefined;
  otherReading: DecodedInput['otherReading'];
}

/**
 * Reads text as people paste it — a DWORD in any notation, with the keyword and punctuation
 * around it (hr=0x80070005, (0x80070005).), or a code's name — and decodes it. Throws
 * DwordParseError, which for a word that is no code's name suggests the closest names.
 */
export function decodeInput(input: string): DecodedInput {
  const read = readInput(input);
  return { input, notation: read.notation, ...decodeRead(read), otherReading: read.otherReading };
}

/**
 * decodeInput's first half: what the input is, without decoding it. What decodeRead then gives
 * depends only on `value`, `prefer` and `name`, so a caller decoding many inputs can keep it.
 */
export function readInput(input: string): ReadInput {
  let read: PastedValue;
  try {
    read = readPasted(input);
  } catch (e) {
    const word = input.trim();
    if (e instanceof DwordParseError && /^[A-Za-z_][A-Za-z0-9_]*$/.test(word) && /[_a-zA-Z]{3}/.test(word)) {
      const near = closestNames(word.toUpperCase(), 3);
      throw new DwordParseError(input, 'syntax', `no code has this name, and it is not a number${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''}`);
    }
    throw e;
  }
  // Eight digits or fewer, all decimal, read both ways: the reading with a name comes first, as
  // err.exe puts it ("80070005" is E_ACCESSDENIED), and the other is kept beside it.
  const digits = input.trim();
  let otherReading: DecodedInput['otherReading'] = null;
  if (read.notation === 'decimal' && /^\d{1,8}$/.test(digits) && parseInt(digits, 16) > 0xffff) {
    const asHex = parseInt(digits, 16);
    const hexName = primaryName(asHex);
    const decName = primaryName(read.value);
    if (hexName && !decName) {
      otherReading = { value: read.value, hex: hex32(read.value), name: null, notation: 'decimal' };
      read = { value: asHex, notation: 'bare-hex' };
    } else if (hexName) otherReading = { value: asHex, hex: hex32(asHex), name: hexName, notation: 'bare-hex' };
  }
  const { value, notation } = read;
  // A name is its own reading; a small value after a keyword (NTSTATUS 259) is what the keyword says.
  const prefer = read.kind === 'hresult' && value >= 0x10000 && notation !== 'name' ? undefined : read.kind;
  return { input, notation, value, prefer, name: read.name, otherReading };
}

/** decodeInput's second half: the value decoded, the name the input gave first among its names. */
export function decodeRead(read: Pick<ReadInput, 'value' | 'prefer' | 'name'>): Decoded {
  const decoded = decode(read.value, read.prefer);
  if (read.name && decoded.name !== read.name && decoded.names.some((n) => n.name === read.name)) {
    decoded.names = [...decoded.names.filter((n) => n.name === read.name), ...decoded.names.filter((n) => n.name !== read.name)];
    decoded.name = read.name;
  }
  return decoded;
}

/** The first name a value has in any reading (the seed's table, HRESULT, NTSTATUS, Win32), or null. */
function primaryName(v: number): string | null {
  return (
    MIGRATION_FAILURE_REASON.values.find((x) => x.value === v)?.name ??
    namesFor('hresult', v)[0]?.name ??
    namesFor('ntstatus', v)[0]?.name ??
    (v < 0x10000 ? namesFor('win32', v)[0]?.name : undefined) ??
    null
  );
}
