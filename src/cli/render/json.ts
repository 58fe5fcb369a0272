// The JSON contract: every command's output is JSON of one shape (README, "JSON"; schemas/).
// - Arrays for commands that answer inputs (decode, lookup, search, list, facilities, encode,
//   property), one object per line (NDJSON) for scan's stream.
// - Every object at the top level (an array's element, a line) starts with schemaVersion.
// - The same names for the same things: `input` for what the user gave, `kind` for hresult /
//   win32 / ntstatus, `hex` always 0x + 8 digits, a facility always { value, name }, and an error
//   always { input, error }.
import type { Decoded, DecodedInput } from '../../core/decode';
import type { MessageText } from '../messages';
import { hex32 } from '../../core/dword';

/** Bumped when a field changes meaning or goes away; new fields do not bump it. */
export const SCHEMA_VERSION = 1;

export function versioned<T extends object>(o: T): { schemaVersion: number } & T {
  return { schemaVersion: SCHEMA_VERSION, ...o };
}

/** A JSON array of versioned objects, as the decode-like commands print it. */
export function jsonArray(items: object[]): string {
  return JSON.stringify(items.map(versioned), null, 2) + '\n';
}

/** One versioned object as an element of a pretty-printed array: indented by 2, as JSON.stringify nests it. */
export function element(value: object): string {
  return JSON.stringify([versioned(value)], null, 2).slice(2, -2);
}

/**
 * A part of what jsonArray writes, for arrays written a chunk at a time: the parts of an array's
 * chunks, first to last, join to jsonArray of the whole.
 */
export function jsonArrayPart(items: object[], first: boolean, last: boolean): string {
  if (items.length === 0) return first && last ? '[]\n' : last ? '\n]\n' : '';
  const inner = JSON.stringify(items.map(versioned), null, 2).slice(2, -2);
  return `${first ? '[\n' : ',\n'}${inner}${last ? '\n]\n' : ''}`;
}

/** An object's properties as JSON.stringify writes them in an element of an array: one level deeper (by 4). */
export function propertyLines(o: object): string {
  return JSON.stringify([o], null, 2).slice(6, -6);
}

/**
 * decode's element, as element() writes it, from parts: what the input gives (input, notation,
 * otherReading) around what the value gives — its properties' lines, which a bulk run keeps.
 */
export function decodedElement(read: Pick<DecodedInput, 'input' | 'notation' | 'otherReading'>, valueLines: string, messages: MessageText[]): string {
  // Written by hand where that is simple (JSON.stringify of a string escapes as it does inside an object).
  const head = `    "schemaVersion": ${SCHEMA_VERSION},\n    "input": ${JSON.stringify(read.input)},\n    "notation": ${JSON.stringify(read.notation)}`;
  const tail = read.otherReading === null && messages.length === 0 ? '    "otherReading": null,\n    "messages": []' : propertyLines({ otherReading: read.otherReading, messages });
  return `  {\n${head},\n${valueLines},\n${tail}\n  }`;
}

/** One versioned object on a line, as scan streams them. */
export function jsonLine(value: object): string {
  return JSON.stringify(versioned(value)) + '\n';
}

export function errorObject(input: string, error: string): { input: string; error: string } {
  return { input, error };
}

/** A decoded value as JSON: facilities as { value, name }, every hex as 8 digits. */
export function decodedJson<T extends Decoded>(d: T): Omit<T, 'hresult' | 'ntstatus'> & { hresult: object; ntstatus: object } {
  const { facilityName: hrName, facility: hrFacility, ...hr } = d.hresult;
  const { facilityName: ntName, facility: ntFacility, ...nt } = d.ntstatus;
  return {
    ...d,
    hresult: { ...hr, facility: { value: hrFacility, name: hrName } },
    ntstatus: { ...nt, facility: { value: ntFacility, name: ntName } },
    interpretations: d.interpretations.map((r) => ({ ...r, hex: hex32(r.value) })),
  };
}
