import { type Command, Option } from '../commander';
import { decodeRead, type ReadInput, readInput } from '../../core/decode';
import type { MessageText } from '../messages';
import { DwordParseError } from '../../core/dword';
import { isKeywordToken, readPasted } from '../../core/paste';
import { createOutput, EXIT, isTerminal, stdinTokens } from '../io';
import { openOfficial, type MessageOptions, withMessageOptions } from '../official';
import { type CommonOptions, withCommonOptions, withHelpNotes } from '../options';
import { decodedElement, decodedJson, element, errorObject, propertyLines } from '../render/json';
import { decodedLine, decodedRows, inputText } from '../render/text';

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
/** Output is gathered into writes of about this many characters. */
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
    // Output is gathered into large writes, flushed after each batch (so that typed values
    // answer at once).
    let pending = '';
    const flush = (): void => {
      if (pending) o.out(pending);
      pending = '';
    };
    const emit = (text: string): void => {
      pending += text;
      if (pending.length >= FLUSH_CHARS) flush();
    };
    // An input's output is the same each time it comes: repeats are rendered once. Bad inputs are
    // remembered too (finding the names closest to a misspelt one is slow), and reported each
    // time they come. Below the inputs, what their values give is kept as well: 0x80070005,
    // -2147024891 and 80070005 are three inputs but one value to decode and render.
    const memo = new Map<string, { text?: string; error?: string }>();
    const byValue = new Map<string, { lines: string; messages: MessageText[] }>();
    const valuePart = (read: ReadInput): { lines: string; messages: MessageText[] } => {
      const key = `${read.value}:${read.prefer ?? ''}:${read.name ?? ''}`;
      let part = byValue.get(key);
      // Least recently used first: values seen once (a log's odd ones) do not push out the common ones.
      if (part !== undefined) byValue.delete(key), byValue.set(key, part);
      else {
        const decoded = decodeRead(read);
        const messages = official.textsFor(decoded);
        const lines = opts.json ? propertyLines(decodedJson(decoded)) : opts.format === 'line' ? decodedLine(decoded) : decodedRows(o.color, decoded, messages, opts.all);
        // Read once, so that V8 flattens the text: the pieces it was joined from can then go. (An
        // input's text is left as it is joined: it shares these lines instead of copying them.)
        lines.charCodeAt(0);
        if (byValue.size >= MEMO_SIZE) byValue.delete(byValue.keys().next().value as string);
        byValue.set(key, (part = { lines, messages }));
      }
      return part;
    };
    const render = (input: string): string | undefined => {
      let known = memo.get(input);
      if (known === undefined) {
        try {
          const read = readInput(input);
          const { lines, messages } = valuePart(read);
          if (opts.json) known = { text: decodedElement(read, lines, messages) };
          else if (opts.format === 'line') known = { text: lines };
          else known = { text: inputText(o.color, read, lines) };
        } catch (e) {
          if (!(e instanceof DwordParseError)) throw e;
          known = { error: e.message, text: opts.json ? element(errorObject(input, e.message)) : undefined };
        }
        if (memo.size >= MEMO_SIZE) memo.clear();
        memo.set(input, known);
      }
      if (known.error !== undefined) {
        // What came before is written first, so that the error shows where its value stands.
        flush();
        o.err(known.error);
        o.fail(EXIT.usage);
      }
      return known.text;
    };
    let first = true;
    if (opts.json) emit('[');
    for await (const batch of withHead(head, inputs)) {
      for (const input of batch) {
        const text = render(input);
        if (text === undefined) continue;
        if (opts.json) emit(first ? '\n' : ',\n');
        else if (opts.format === 'text' && !first) emit('\n');
        emit(text);
        first = false;
      }
      flush();
    }
    if (opts.json) emit(first ? ']\n' : '\n]\n');
    flush();
    official.report();
  });
}
