// Text renderers: aligned `key  value` lines, colour through the chalk instance they are given.
import type { Paint } from '../io';
import { type Decoded, type DecodedInput, type NameRef } from '../../core/decode';
import type { DescriptionSource } from '../../data/describe';
import type { MessageText } from '../messages';

const KIND_LABEL: Record<NameRef['kind'], string> = { hresult: 'HRESULT', win32: 'Win32', ntstatus: 'NTSTATUS' };

/** The terminal's width when stdout is one (rows then wrap to it), or 0: no wrapping, as in pipes. */
let wrapWidth = 0;
export function setWrapWidth(columns: number): void {
  wrapWidth = columns >= 40 ? columns : 0;
}

const INDENT = 15; // two spaces, a 12-column key, a space

export function row(c: Paint, key: string, value: string): string {
  return `  ${c.dim(key.padEnd(12))} ${wrapWidth > 0 ? wrap(value, wrapWidth - INDENT, ' '.repeat(INDENT)) : value}\n`;
}

// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\[[0-9;]*m/g;

/** Wraps at spaces to `width` visible characters (colour codes aside), continuing lines indented. */
function wrap(text: string, width: number, indent: string): string {
  if (text.replace(ESCAPES, '').length <= width) return text;
  const lines: string[] = [];
  let line: string | undefined;
  let visible = 0;
  for (const word of text.split(' ')) {
    const w = word.replace(ESCAPES, '').length;
    if (line === undefined) (line = word), (visible = w);
    else if (visible + 1 + w > width) lines.push(line), (line = word), (visible = w);
    else (line += ` ${word}`), (visible += 1 + w);
  }
  lines.push(line ?? '');
  return lines.join(`\n${indent}`);
}

const NAMES_SHOWN = 6;

function nameList(c: Paint, names: NameRef[], all = false): string {
  const limit = all ? names.length : NAMES_SHOWN;
  const shown = names.slice(0, limit).map((n, i) => `${i === 0 ? c.bold(n.name) : n.name} ${c.dim(`(${KIND_LABEL[n.kind]}, ${n.source})`)}`);
  if (names.length > limit) shown.push(c.dim(`and ${names.length - limit} more (--all shows them)`));
  return shown.join(', ');
}

/**
 * One line per value, for scripts and logs, as certutil -error writes it:
 * `0x80070005 (WIN32: 5 ERROR_ACCESS_DENIED) -- 2147942405 (-2147024891): description`.
 */
export function decodedLine(d: Decoded): string {
  const wrapped = d.interpretations.find((r) => r.kind === 'hresult-from-win32' || r.kind === 'hresult-from-nt');
  const inner = wrapped?.names[0]
    ? `${wrapped.kind === 'hresult-from-win32' ? 'WIN32' : 'NTSTATUS'}: ${wrapped.kind === 'hresult-from-win32' ? wrapped.value : wrapped.hex} ${wrapped.names[0].name}`
    : d.layout === 'ntstatus'
      ? `NTSTATUS${d.facility.name ? ` ${d.facility.name}` : ''}: ${d.code} ${d.name ?? 'unknown'}`
      : `${d.facility.name ?? `facility ${d.facility.value}`}: ${d.code} ${d.name ?? 'unknown'}`;
  const text = (d.description ?? 'no name or description known').replace(/\s+/g, ' ');
  return `${d.hex} (${inner}) -- ${d.unsigned} (${d.signed}): ${text}\n`;
}

export function descriptionText(c: Paint, text: string | null, source: DescriptionSource | null): string {
  if (text === null) return c.dim('no name or description known');
  return source === 'derived' ? `${text} ${c.dim('(derived from the name)')}` : text;
}

export function severityText(c: Paint, severity: string): string {
  return severity === 'failure' || severity === 'error' ? c.red(severity) : severity === 'warning' ? c.yellow(severity) : c.green(severity);
}

const hex16 = (n: number): string => '0x' + n.toString(16).toUpperCase().padStart(4, '0');

/** Windows' own text: one row per source, continuation lines indented under the first. */
export function messageRows(c: Paint, messages: MessageText[]): string {
  return messages
    .map((m) => row(c, 'windows says', `${m.text.replace(/\r?\n/g, '\n' + ' '.repeat(15))} ${c.dim(`(${m.lang}, ${m.source})`)}`))
    .join('');
}

/** The body lines of one decoded value (without its heading). */
export function decodedRows(c: Paint, d: Decoded, messages: MessageText[] = [], all = false): string {
  let s = '';
  s += row(c, 'hex', d.hex);
  s += row(c, 'unsigned', String(d.unsigned));
  s += row(c, 'signed', String(d.signed));
  s += row(c, d.names.length > 1 ? 'names' : 'name', d.names.length > 0 ? nameList(c, d.names, all) : c.dim('unknown'));
  s += row(c, 'severity', severityText(c, d.severity));
  const fac = d.facility.name ? `${d.facility.name} (${d.facility.value})` : String(d.facility.value);
  const layoutNote = d.layout === 'ntstatus' ? ' (NTSTATUS facility)' : d.layout === 'win32' ? ' (a Win32 error, as HRESULT_FROM_WIN32 wraps it)' : '';
  s += row(c, 'facility', `${fac}${c.dim(layoutNote)}`);
  s += row(c, 'code', `${d.code} (${hex16(d.code)})`);
  for (const r of d.interpretations) {
    const named = r.names[0]?.name ?? c.dim('no name known');
    if (r.kind === 'hresult-from-win32') s += row(c, 'win32 error', `${named} (${r.value}) ${c.dim(`= HRESULT_FROM_WIN32(${r.names[0]?.name ?? r.value})`)}`);
    if (r.kind === 'hresult-from-nt') s += row(c, 'ntstatus', `${named} (${r.hex}) ${c.dim(`= HRESULT_FROM_NT(${r.names[0]?.name ?? r.hex})`)}`);
    if (r.kind === 'ntstatus' && d.layout !== 'ntstatus') s += row(c, 'as ntstatus', `${named} (${r.hex})`);
    if (r.kind === 'win32' && r.names.length > 0) s += row(c, 'as win32', `${named} (${r.value})`);
  }
  s += row(c, 'description', descriptionText(c, d.description, d.descriptionSource));
  // The seed's text speaks of live migrations: under its own label, beside the general one.
  if (d.migration) s += row(c, 'migration', `${d.migration.description} ${c.dim('(as MigrationFailureReason)')}`);
  s += messageRows(c, messages);
  const h = d.hresult;
  const bit = (b: boolean): string => (b ? '1' : '0');
  s += row(c, 'bits', c.dim(`S=${bit(h.severity === 'failure')} R=${bit(h.reserved)} C=${bit(h.customer)} N=${bit(h.ntstatus)} X=${bit(h.x)} facility=${h.facility} code=${h.code}`));
  return s;
}

/** A value's block, from the rows of its value (which a bulk run keeps) and what the input adds. */
/** decode's text block for an input, around its value's rows: the input's line, and the notes after. */
export function inputTextParts(c: Paint, d: Pick<DecodedInput, 'input' | 'otherReading'>): [string, string] {
  let after = '';
  const o = d.otherReading;
  if (o && o.notation === 'bare-hex') after += row(c, 'note', c.yellow(`read as decimal; as hex ${o.hex} it is ${o.name}`));
  if (o && o.notation === 'decimal') after += row(c, 'note', c.yellow(`read as hex, which names a code; as decimal it is ${o.value} (${o.hex})${o.name ? `, ${o.name}` : ', which has no name'}`));
  return [c.bold(d.input) + '\n', after];
}

export interface CodeRow {
  name: string;
  value: number;
  hex: string;
  kind: NameRef['kind'];
  source: string;
  description: string;
  descriptionSource: DescriptionSource;
  messages?: MessageText[];
}

/** A Win32 error is written as the decimal number it is; other codes in hex. */
export function displayValue(r: Pick<CodeRow, 'kind' | 'value' | 'hex'>): string {
  return r.kind === 'win32' ? String(r.value) : r.hex;
}

/** A table of codes, one a line: name, value, kind, description. */
export function codeTable(c: Paint, rows: CodeRow[]): string {
  const width = Math.min(48, Math.max(0, ...rows.map((r) => r.name.length)));
  return rows
    .map((r) => {
      const official = (r.messages ?? []).map((m) => `    ${c.dim(`windows says (${m.lang}):`)} ${m.text.replace(/\r?\n/g, ' ')}\n`).join('');
      return `${c.bold(r.name.padEnd(width))}  ${displayValue(r).padStart(10)}  ${KIND_LABEL[r.kind].padEnd(8)}  ${descriptionText(c, r.description, r.descriptionSource)}\n${official}`;
    })
    .join('');
}
