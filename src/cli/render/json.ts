// The JSON contract: every command's output is JSON of one shape (README, "JSON"; schemas/).
// - Arrays for commands that answer inputs (decode, lookup, search, list, facilities, encode,
//   property), one object per line (NDJSON) for scan's stream.
// - Every object at the top level (an array's element, a line) starts with schemaVersion.
// - The same names for the same things: `input` for what the user gave, `kind` for hresult /
//   win32 / ntstatus, `hex` always 0x + 8 digits, a facility always { value, name }, and an error
//   always { input, error }.
import type { Decoded, DecodedInput, Interpretation, NameRef } from '../../core/decode';
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
 * decode's element, as element() writes it, around what the value gives: the text before and after
 * its properties' lines (which a bulk run keeps), made from what the input gives (input, notation,
 * otherReading) and the messages.
 */
export function decodedElementParts(read: Pick<DecodedInput, 'input' | 'notation' | 'otherReading'>, messages: MessageText[]): [string, string] {
  // Written by hand where that is simple (JSON.stringify of a string escapes as it does inside an object).
  const head = `    "schemaVersion": ${SCHEMA_VERSION},\n    "input": ${JSON.stringify(read.input)},\n    "notation": ${JSON.stringify(read.notation)}`;
  const tail = read.otherReading === null && messages.length === 0 ? '    "otherReading": null,\n    "messages": []' : propertyLines({ otherReading: read.otherReading, messages });
  return [`  {\n${head},\n`, `,\n${tail}\n  }`];
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

// decode's JSON for one value, written out field by field: a bulk run renders many values, and
// JSON.stringify of decodedJson took twice as long. The output is the same (a test compares the
// two for every code in the table and random values), so the contract stays decodedJson's.

/** A string as JSON.stringify writes it: as it is when nothing in it needs escaping. */
function str(s: string | null): string {
  if (s === null) return 'null';
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function nameList(names: NameRef[], indent: string): string {
  if (names.length === 0) return '[]';
  const inner = indent + '    ';
  let s = '[';
  for (let i = 0; i < names.length; i++) {
    const n = names[i] as NameRef;
    s += `${i === 0 ? '\n' : ',\n'}${indent}  {\n${inner}"name": ${str(n.name)},\n${inner}"kind": ${str(n.kind)},\n${inner}"source": ${str(n.source)}\n${indent}  }`;
  }
  return `${s}\n${indent}]`;
}

function facilityObject(value: number, name: string | null, indent: string): string {
  return `{\n${indent}  "value": ${value},\n${indent}  "name": ${str(name)}\n${indent}}`;
}

function interpretationList(readings: Interpretation[]): string {
  if (readings.length === 0) return '[]';
  const i = '        ';
  let s = '[';
  for (let k = 0; k < readings.length; k++) {
    const r = readings[k] as Interpretation;
    s +=
      `${k === 0 ? '\n' : ',\n'}      {\n${i}"kind": ${str(r.kind)},\n${i}"value": ${r.value},\n${i}"hex": "${hex32(r.value)}",\n` +
      `${i}"names": ${nameList(r.names, i)},\n${i}"description": ${str(r.description)},\n${i}"descriptionSource": ${str(r.descriptionSource)}\n      }`;
  }
  return `${s}\n    ]`;
}

/** propertyLines(decodedJson(d)), written directly. */
export function decodedProperties(d: Decoded): string {
  const i = '    ';
  const j = '      ';
  const { hresult: h, ntstatus: n, migration: m, win32: w, wrappedNtstatus: wn } = d;
  return (
    `${i}"value": ${d.value},\n${i}"hex": ${str(d.hex)},\n${i}"unsigned": ${d.unsigned},\n${i}"signed": ${d.signed},\n` +
    `${i}"name": ${str(d.name)},\n${i}"names": ${nameList(d.names, i)},\n` +
    `${i}"description": ${str(d.description)},\n${i}"descriptionSource": ${str(d.descriptionSource)},\n` +
    `${i}"migration": ${m === null ? 'null' : `{\n${j}"name": ${str(m.name)},\n${j}"description": ${str(m.description)}\n${i}}`},\n` +
    `${i}"layout": ${str(d.layout)},\n${i}"severity": ${str(d.severity)},\n${i}"facility": ${facilityObject(d.facility.value, d.facility.name, i)},\n${i}"code": ${d.code},\n` +
    `${i}"hresult": {\n${j}"severity": ${str(h.severity)},\n${j}"reserved": ${h.reserved},\n${j}"customer": ${h.customer},\n${j}"ntstatus": ${h.ntstatus},\n` +
    `${j}"x": ${h.x},\n${j}"code": ${h.code},\n${j}"facility": ${facilityObject(h.facility, h.facilityName, j)}\n${i}},\n` +
    `${i}"ntstatus": {\n${j}"severity": ${str(n.severity)},\n${j}"customer": ${n.customer},\n${j}"code": ${n.code},\n${j}"facility": ${facilityObject(n.facility, n.facilityName, j)}\n${i}},\n` +
    `${i}"win32": ${w === null ? 'null' : `{\n${j}"code": ${w.code},\n${j}"name": ${str(w.name)}\n${i}}`},\n` +
    `${i}"wrappedNtstatus": ${wn === null ? 'null' : `{\n${j}"value": ${wn.value},\n${j}"hex": ${str(wn.hex)},\n${j}"name": ${str(wn.name)}\n${i}}`},\n` +
    `${i}"interpretations": ${interpretationList(d.interpretations)}`
  );
}
