import { type Command, Option } from '../commander';
import { type DecodedInput, decodeInput } from '../../core/decode';
import type { MessageText } from '../messages';
import { DwordParseError } from '../../core/dword';
import { isKeywordToken, readPasted } from '../../core/paste';
import { createOutput, EXIT, isTerminal, stdinTokens } from '../io';
import { openOfficial, type MessageOptions, withMessageOptions } from '../official';
import { type CommonOptions, withCommonOptions, withHelpNotes } from '../options';
import { decodedJson, errorObject, versioned } from '../render/json';
import { decodedInputText, decodedLine } from '../render/text';

async function* withStdin(values: string[]): AsyncGenerator<string> {
  let read = false;
  for (const v of values) {
    if (v !== '-') yield v;
    else if (!read) {
      read = true;
      yield* stdinTokens();
    }
  }
}

const DECODE_HELP = {
  examples: ['mfr decode 0x800700AA', 'mfr 0x80070005 --json', 'mfr decode hr=0x80070005 E_FAIL -2147024891', 'mfr decode --format line 0x80070005 5 0xC0000005', 'echo 0x80070005 5 | mfr decode'],
  messages: true,
};

/** How many words of stdin tell a log from a list of values. */
const LOG_SAMPLE = 20;

/** Reads up to n tokens without closing the stream, so that the rest can still be read. */
async function peek(tokens: AsyncGenerator<string>, n: number): Promise<string[]> {
  const head: string[] = [];
  while (head.length < n) {
    const r = await tokens.next();
    if (r.done) break;
    head.push(r.value);
  }
  return head;
}

async function* withHead(head: string[], rest: AsyncGenerator<string>): AsyncGenerator<string> {
  yield* head;
  yield* rest;
}

function readsAsValue(token: string): boolean {
  try {
    readPasted(token);
    return true;
  } catch {
    return isKeywordToken(token);
  }
}

export function registerDecode(program: Command): void {
  withMessageOptions(withHelpNotes(withCommonOptions(
    program
      .command('decode')
      .summary('explain HRESULT, Win32 and NTSTATUS values')
      .description(
        'Explain each value: hex, unsigned and signed forms, names, severity, facility, code, the Win32 error or ' +
          'NTSTATUS it wraps, and a description. Values are hex (0x800700AA, 800700AA), decimal (2147942570, ' +
          '-2147024726), WinDbg decimal (0n5), negative hex (-0x7ff8ffa9) or a code name (E_ACCESSDENIED), also as ' +
          'pasted from a log (hr=0x80070005, "HRESULT: 0x80070005", (0x80070005).). With no values, or "-", values ' +
          'are read from stdin.',
      )
      .argument('[values...]', 'values to decode; none or "-" reads whitespace-separated values from stdin')
      .option('--all', 'list every name of a value, not the first six')
      .addOption(new Option('--format <format>', 'text (a block per value), or line: one line per value, for scripts and logs').choices(['text', 'line']).default('text'))
      // Negative hex (-0x7ff8ffa9) is a value, not an option: unknown options reach the action.
      .allowUnknownOption(),
  ), DECODE_HELP)).action(async (raw: string[], opts: CommonOptions & MessageOptions & { all?: boolean; format: 'text' | 'line' }) => {
    const o = createOutput(opts.color);
    const values: string[] = [];
    for (let i = 0; i < raw.length; i++) {
      const v = raw[i] ?? '';
      if (/^--?[A-Za-z]/.test(v)) {
        o.err(`unknown option '${v}' (see mfr decode --help)`);
        o.fail(EXIT.usage);
        return;
      }
      // "HRESULT:" "0x80070005" as the shell splits them: one value.
      const next = raw[i + 1];
      if (isKeywordToken(v) && next !== undefined && !isKeywordToken(next)) values.push(`${v} ${next}`), i++;
      else values.push(v);
    }
    const official = openOfficial(opts, o);
    if (values.length === 0 && isTerminal(0)) {
      o.err('no values to decode: give some, e.g. mfr decode 0x800700AA, or pipe them in');
      o.fail(EXIT.usage);
      return;
    }
    // Each "-" among the values stands for the values on stdin (read once).
    const inputs = values.length === 0 ? stdinTokens() : withStdin(values);
    // Whole log lines belong to scan: if stdin starts like a log, say so rather than decode it.
    let head: string[] = [];
    if (values.length === 0) {
      head = await peek(inputs, LOG_SAMPLE);
      const words = head.filter((t) => !readsAsValue(t)).length;
      if (head.length >= LOG_SAMPLE / 2 && words * 2 > head.length) {
        o.err(`stdin looks like a log, not a list of values (${words} of its first ${head.length} words are no value or code name); to find the codes in a log, use mfr scan`);
        o.fail(EXIT.usage);
        if (opts.json) o.out('[]\n');
        return;
      }
    }
    let first = true;
    if (opts.json) o.out('[');
    for await (const input of withHead(head, inputs)) {
      let item: unknown;
      let messages: MessageText[] = [];
      let decoded: DecodedInput | undefined;
      try {
        decoded = decodeInput(input);
        messages = official.textsFor(decoded);
        item = { ...decodedJson(decoded), messages };
      } catch (e) {
        if (!(e instanceof DwordParseError)) throw e;
        o.err(e.message);
        o.fail(EXIT.usage);
        item = errorObject(input, e.message);
        if (!opts.json) continue;
      }
      if (opts.json) o.out((first ? '\n' : ',\n') + JSON.stringify(versioned(item as object), null, 2).replace(/^/gm, '  '));
      else if (decoded && opts.format === 'line') o.out(decodedLine(decoded));
      else if (decoded) o.out((first ? '' : '\n') + decodedInputText(o.color, decoded, messages, opts.all));
      first = false;
    }
    if (opts.json) o.out(first ? ']\n' : '\n]\n');
    official.report();
  });
}
