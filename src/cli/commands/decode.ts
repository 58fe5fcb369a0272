import { ByteSlots, ClockCache } from '../clock';
import { type Command, Option } from '../commander';
import { decodeRead, type ReadInput, readInput } from '../../core/decode';
import type { MessageText } from '../messages';
import { DwordParseError } from '../../core/dword';
import { isKeywordToken, readPasted } from '../../core/paste';
import { ByteOutput, createOutput, EXIT, isTerminal, stdinTokens } from '../io';
import { openOfficial, type MessageOptions, withMessageOptions } from '../official';
import { type CommonOptions, withCommonOptions, withHelpNotes } from '../options';
import { decodedElementParts, decodedProperties, element, errorObject } from '../render/json';
import { decodedLine, decodedRows, inputTextParts } from '../render/text';

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

/** Inputs kept for repeats (bulk input repeats codes): at most this many, dropped all at once when full. */
const INPUT_MEMO_SIZE = 8192;
/** Values rendered and kept: at most this many, in at most this many bytes; those not used lately go first. */
const VALUE_MEMO_SIZE = 16384;
const VALUE_MEMO_BYTES = 24 * 1024 * 1024;
const NO_MESSAGES: MessageText[] = [];
/** How much V8's old space may grow beyond what is live in a bulk run (see keepHeapSmall). */
const HEAP_GROWING_PERCENT = 40;
/** Output is gathered into writes of this many bytes. */
const FLUSH_BYTES = 64 * 1024;

/** A value's output, kept as bytes (none once dropped), and the message texts it has. */
interface ValuePart {
  lines: Buffer | undefined;
  messages: MessageText[];
}

/** What an input gives: its text around its value's kept output, or an error (and its JSON element). */
interface Rendered {
  before?: Buffer;
  value?: ValuePart;
  after?: Buffer;
  error?: string;
}

/**
 * A bulk run keeps what it has rendered, and what it drops becomes garbage in V8's old space,
 * which V8 lets grow to several times what is live before collecting it (at 4× here: peak RSS of
 * a million values as JSON ~200 MB). Grown by 40% instead, the heap stays near what is live, for a few
 * more collections of a small heap. V8 reads this flag whenever it sets the next limit.
 */
function keepHeapSmall(): void {
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
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
    if (values.length === 0 || values.includes('-')) keepHeapSmall();
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
    const sink = new ByteOutput((bytes) => o.out(bytes), FLUSH_BYTES);
    // An input's output is the same each time it comes: repeats are rendered once. Bad inputs are
    // remembered too (finding the names closest to a misspelt one is slow), and reported each
    // time they come. Below the inputs, what their values give is kept as well: 0x80070005,
    // -2147024891 and 80070005 are three inputs but one value to decode and render. What is kept
    // for a value is its bytes, outside the JavaScript heap, which then stays small.
    const memo = new Map<string, Rendered>();
    // Inputs that share a value dropped render it again: their memo then holds no bytes beyond these.
    const slots = new ByteSlots();
    const byValue = new ClockCache<ValuePart>(VALUE_MEMO_SIZE, VALUE_MEMO_BYTES, (gone) => {
      slots.give(gone.lines as Buffer);
      gone.lines = undefined;
    });
    const valuePart = (read: ReadInput): ValuePart => {
      const key = `${read.value}:${read.prefer ?? ''}:${read.name ?? ''}`;
      let part = byValue.get(key);
      if (part === undefined) {
        const decoded = decodeRead(read);
        const messages = official.textsFor(decoded);
        const lines = opts.json ? decodedProperties(decoded) : opts.format === 'line' ? decodedLine(decoded) : decodedRows(o.color, decoded, messages, opts.all);
        const bytes = slots.take(lines);
        byValue.set(key, (part = { lines: bytes, messages: messages.length > 0 ? messages : NO_MESSAGES }), ByteSlots.held(bytes.length));
      }
      return part;
    };
    // What comes between two inputs' outputs, and before the first: kept with each input's text,
    // so that a repeat is three copies of bytes.
    const between = opts.json ? ',\n' : opts.format === 'text' ? '\n' : '';
    const beforeFirst = opts.json ? '\n' : '';
    const render = (input: string): Rendered => {
      try {
        const read = readInput(input);
        const value = valuePart(read);
        const [before, after] = opts.json ? decodedElementParts(read, value.messages) : opts.format === 'line' ? ['', ''] : inputTextParts(o.color, read);
        return { before: Buffer.from(between + before), value, after: Buffer.from(after) };
      } catch (e) {
        if (!(e instanceof DwordParseError)) throw e;
        return { error: e.message, before: opts.json ? Buffer.from(between + element(errorObject(input, e.message))) : undefined };
      }
    };
    let first = true;
    if (opts.json) sink.text('[');
    for await (const batch of withHead(head, inputs)) {
      for (const input of batch) {
        let known = memo.get(input);
        if (known === undefined || (known.value !== undefined && known.value.lines === undefined)) {
          if (memo.size >= INPUT_MEMO_SIZE) memo.clear();
          memo.set(input, (known = render(input)));
        }
        if (known.error !== undefined) {
          // What came before is written first, so that the error shows where its value stands.
          sink.flush();
          o.err(known.error);
          o.fail(EXIT.usage);
        }
        if (known.before === undefined) continue;
        if (first) sink.text(beforeFirst), sink.bytes(known.before.subarray(between.length));
        else sink.bytes(known.before);
        if (known.value !== undefined) sink.bytes(known.value.lines as Buffer);
        if (known.after !== undefined) sink.bytes(known.after);
        first = false;
      }
      sink.flush();
    }
    if (opts.json) sink.text(first ? ']\n' : '\n]\n');
    sink.flush();
    official.report();
  });
}
