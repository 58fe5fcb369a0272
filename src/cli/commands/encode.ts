import { type Command, Option } from '../commander';
import { decode } from '../../core/decode';
import { parseDword } from '../../core/dword';
import { hresultFromNt, hresultFromWin32, makeHresult } from '../../core/hresult';
import { codeByName, findFacility } from '../../data/db';
import { createOutput, EXIT } from '../io';
import { type CommonOptions, withCommonOptions, withHelpNotes } from '../options';
import { decodedJson, errorObject, jsonArray } from '../render/json';
import { decodedRows } from '../render/text';

interface EncodeOptions extends CommonOptions {
  win32?: string;
  nt?: string;
  facility?: string;
  code?: string;
  severity: 'error' | 'success';
}

/** The HRESULT the options ask for, and how it was built; throws an Error naming the bad input. */
export function encodeFromOptions(opts: EncodeOptions): { value: number; how: string } {
  const modes = [opts.win32 !== undefined, opts.nt !== undefined, opts.facility !== undefined || opts.code !== undefined].filter(Boolean).length;
  if (modes !== 1) throw new Error('give one of --win32 N, --nt N, or --facility F --code N');
  if (opts.win32 !== undefined) {
    // A number, or a Win32 error's name (ERROR_ACCESS_DENIED).
    const named = codeByName(opts.win32);
    if (named && named.kind !== 'win32') throw new Error(`${JSON.stringify(opts.win32)}: a ${named.kind === 'hresult' ? 'HRESULT' : 'NTSTATUS'}, not a Win32 error`);
    const n = named ? named.value : parseDword(opts.win32);
    if (n > 0xffff) throw new Error(`${JSON.stringify(opts.win32)}: a Win32 error is 16 bits (0..65535)`);
    return { value: hresultFromWin32(n), how: `HRESULT_FROM_WIN32(${named ? named.name : n})` };
  }
  if (opts.nt !== undefined) {
    const n = parseDword(opts.nt);
    return { value: hresultFromNt(n), how: `HRESULT_FROM_NT(0x${n.toString(16).toUpperCase().padStart(8, '0')})` };
  }
  if (opts.facility === undefined || opts.code === undefined) throw new Error('--facility and --code go together');
  const fac = findFacility(opts.facility);
  if (!fac) throw new Error(`${JSON.stringify(opts.facility)}: no HRESULT facility has this name or number (see mfr facilities)`);
  const code = parseDword(opts.code);
  if (code > 0xffff) throw new Error(`${JSON.stringify(opts.code)}: a code is 16 bits (0..65535)`);
  const sev = opts.severity === 'error' ? 1 : 0;
  return { value: makeHresult(sev, fac.value, code), how: `MAKE_HRESULT(SEVERITY_${opts.severity.toUpperCase()}, FACILITY_${fac.names[0]}, ${code})` };
}

/** What the user asked to encode, as one line: "--win32 5", "--facility WIN32 --code 5". */
function encodeInput(opts: EncodeOptions): string {
  const parts: string[] = [];
  if (opts.win32 !== undefined) parts.push(`--win32 ${opts.win32}`);
  if (opts.nt !== undefined) parts.push(`--nt ${opts.nt}`);
  if (opts.facility !== undefined) parts.push(`--facility ${opts.facility}`);
  if (opts.code !== undefined) parts.push(`--code ${opts.code}`);
  return parts.join(' ');
}

export function registerEncode(program: Command): void {
  withHelpNotes(withCommonOptions(
    program
      .command('encode')
      .summary('build an HRESULT from a Win32 error, an NTSTATUS, or facility and code')
      .description('Build an HRESULT the way the Windows headers do (HRESULT_FROM_WIN32, HRESULT_FROM_NT, MAKE_HRESULT) and decode it.')
      .option('--win32 <code>', 'a Win32 error code or name, e.g. 5 or ERROR_ACCESS_DENIED → HRESULT_FROM_WIN32(5) = 0x80070005')
      .option('--nt <status>', 'an NTSTATUS, e.g. 0xC0000022 → HRESULT_FROM_NT = 0xD0000022')
      .option('--facility <name|number>', 'a facility name or number for MAKE_HRESULT, e.g. WIN32 or 7')
      .option('--code <code>', 'the 16-bit code for MAKE_HRESULT')
      .addOption(new Option('--severity <severity>', 'the severity for MAKE_HRESULT').choices(['error', 'success']).default('error')),
  ), { examples: ['mfr encode --win32 5', 'mfr encode --win32 ERROR_ACCESS_DENIED', 'mfr encode --nt 0xC0000022', 'mfr encode --facility WIN32 --code 170'] }).action((opts: EncodeOptions) => {
    const o = createOutput(opts.color);
    let built: { value: number; how: string };
    try {
      built = encodeFromOptions(opts);
    } catch (e) {
      // Everything encodeFromOptions throws is about what the user gave.
      o.err((e as Error).message);
      o.fail(EXIT.usage);
      if (opts.json) o.out(jsonArray([errorObject(encodeInput(opts), (e as Error).message)]));
      return;
    }
    const decoded = decode(built.value);
    if (opts.json) o.out(jsonArray([{ input: encodeInput(opts), encoded: built.how, ...decodedJson(decoded) }]));
    else o.out(`${o.color.bold(built.how)} = ${decoded.hex}\n${decodedRows(o.color, decoded)}`);
  });
}
