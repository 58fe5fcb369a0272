import { type Command, Option } from '../commander';
import { decodeInput } from '../../core/decode';
import { DwordParseError } from '../../core/dword';
import { isKeywordToken, readPasted } from '../../core/paste';
import { createOutput, EXIT, isTerminal, stdinTokens } from '../io';
import { openOfficial, type MessageOptions, withMessageOptions } from '../official';
import { type CommonOptions, withCommonOptions, withHelpNotes } from '../options';
import { decodedJson, element, errorObject } from '../render/json';
import { decodedInputText, decodedLine } from '../render/text';

/** The values in batches: those given as one, and each "-" as the values on stdin (read once). */
async function* withStdin(values: string[]): AsyncGenerator<string[]> {
  let read = false;
  let given: string[] = [];
  for (const v of values) {
    if (v !== '-') given.push(v);
    else if (!read) {
      read = true;
      if (given.length > 0) yield given;
      given = [];
      yield* stdinTokens();
    }
  }
  if (given.length > 0) yield given;
}

const DECODE_HELP = {
  examples: ['mfr decode 0x800700AA', 'mfr 0x80070005 --json', 'mfr decode hr=0x80070005 E_FAIL -2147024891', 'mfr decode --format line 0x80070005 5 0xC0000005', 'echo 0x80070005 5 | mfr decode'],
  messages: true,
};

/** How many words of stdin tell a log from a list of values. */
const LOG_SAMPLE = 20;

/** Reads batches until there are n tokens, without closing the stream, so that the rest can still be read. */
async function peek(batches: AsyncGenerator<string[]>, n: number): Promise<string[]> {
  const head: string[] = [];
  while (head.length < n) {
    const r = await batches.next();
    if (r.done) break;
    head.push(...r.value);
  }
  return head;
}

async function* withHead(head: string[], rest: AsyncGenerator<string[]>): AsyncGenerator<string[]> {
  if (head.length > 0) yield head;
  yield* rest;
}

/** Rendered values kept for repeats (bulk input repeats codes): at most this many. */
const MEMO_SIZE = 4096;
/** Output is gathered into writes of about this size. */
const FLUSH_CHARS = 64 * 1024;

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
      const sample = head.slice(0, LOG_SAMPLE);
      const words = sample.filter((t) => !readsAsValue(t)).length;
      if (sample.length >= LOG_SAMPLE / 2 && words * 2 > sample.length) {
        o.err(`stdin looks like a log, not a list of values (${words} of its first ${sample.length} words are no value or code name); to find the codes in a log, use mfr scan`);
        o.fail(EXIT.usage);
        if (opts.json) o.out('[]\n');
        return;
      }
    }
    // A value's output is the same each time it comes: repeats are rendered once. Output is
    // gathered into large writes, flushed after each batch (so that typed values answer at once).
    // Bad values are remembered too (finding the names closest to a misspelt one is slow), and
    // reported each time they come.
    const memo = new Map<string, { text?: string; error?: string }>();
    let pending = '';
    const render = (input: string): string | undefined => {
      let known = memo.get(input);
      if (known === undefined) {
        try {
          const decoded = decodeInput(input);
          const messages = official.textsFor(decoded);
          if (opts.json) known = { text: element({ ...decodedJson(decoded), messages }) };
          else if (opts.format === 'line') known = { text: decodedLine(decoded) };
          else known = { text: decodedInputText(o.color, decoded, messages, opts.all) };
          // Read once, so that V8 flattens the text: the pieces it was joined from can then go.
          known.text?.charCodeAt(0);
        } catch (e) {
          if (!(e instanceof DwordParseError)) throw e;
          known = { error: e.message, text: opts.json ? element(errorObject(input, e.message)) : undefined };
        }
        if (memo.size >= MEMO_SIZE) memo.clear();
        memo.set(input, known);
      }
      if (known.error !== undefined) {
        // What came before is written first, so that the error shows where its value stands.
        if (pending) o.out(pending), (pending = '');
        o.err(known.error);
        o.fail(EXIT.usage);
      }
      return known.text;
    };
    let first = true;
    if (opts.json) pending = '[';
    for await (const batch of withHead(head, inputs)) {
      for (const input of batch) {
        const text = render(input);
        if (text === undefined) continue;
        if (opts.json) pending += (first ? '\n' : ',\n') + text;
        else if (opts.format === 'line') pending += text;
        else pending += (first ? '' : '\n') + text;
        first = false;
        if (pending.length >= FLUSH_CHARS) o.out(pending), (pending = '');
      }
      if (pending) o.out(pending), (pending = '');
    }
    if (opts.json) pending += first ? ']\n' : '\n]\n';
    if (pending) o.out(pending);
    official.report();
  });
}
