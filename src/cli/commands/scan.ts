import { closeSync, openSync, readSync } from 'node:fs';
import { once } from 'node:events';
import { type Command, Option } from 'commander';
import { type Decoded, decode, generalDescription } from '../../core/decode';
import { type Finding, TextScanner } from '../../core/scan';
import { type CodeKind, codeByName } from '../../data/db';
import type { Description } from '../../data/describe';
import { createOutput, EXIT, type Output, isTerminal } from '../io';
import { type MessageOptions, openOfficial, withMessageOptions } from '../official';
import { type CommonOptions, withCommonOptions } from '../options';
import { descriptionText, severityText } from '../render/text';
import type { MessageText } from '../messages';
import { openText, sanitize } from '../textinput';

type FailOn = 'failure' | 'any' | 'never';

interface ScanOptions extends CommonOptions, MessageOptions {
  summary?: boolean;
  format: 'text' | 'github';
  failOn: FailOn;
}

const STDIN = '<stdin>';

interface Place {
  file: string;
  line: number;
  column: number;
}

interface Tally {
  count: number;
  first: Place;
  decoded: Decoded;
  description: Description | null;
}

/** What the text says a finding is: a Win32 error ("error 5"), or the kind of the name found. */
function kindOf(f: Finding): CodeKind | undefined {
  if (f.form === 'win32-decimal') return 'win32';
  return f.form === 'name' ? codeByName(f.name ?? '')?.kind : undefined;
}

/** A failure: the HRESULT/NTSTATUS severity bit, or any non-zero Win32 error. */
function isFailure(d: Decoded): boolean {
  return d.layout === 'win32' ? d.value !== 0 : d.value >>> 31 === 1;
}

// GitHub workflow commands: % \r \n escaped in the message, and : , too in properties.
const ghData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const ghProp = (s: string): string => ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function registerScan(program: Command): void {
  withMessageOptions(withCommonOptions(
    program
      .command('scan')
      .summary('find and explain the error codes in logs')
      .description(
        'Find HRESULT, NTSTATUS and Win32 error codes and code names in log text and explain each. Reads plain,\n' +
          'gzip, UTF-8 and UTF-16 text, streaming, in bounded memory. With no files, or "-", reads stdin.',
      )
      .argument('[files...]', 'log files; none or "-" reads stdin')
      .option('--summary', 'one row per distinct code: count, first place seen, name, description')
      .addOption(new Option('--format <format>', 'text, or GitHub Actions annotations').choices(['text', 'github']).default('text'))
      .addOption(
        new Option('--fail-on <what>', 'exit 1 when a failure code (or any code) was found').choices(['failure', 'any', 'never']).default('never'),
      ),
  )).action(async (files: string[], opts: ScanOptions) => {
    const o = createOutput(opts.color);
    const official = openOfficial(opts, o);
    const texts = new Map<number, MessageText[]>();
    const textsFor = (d: Decoded): MessageText[] => {
      let t = texts.get(d.value);
      if (!t) texts.set(d.value, (t = official.textsFor(d)));
      return t;
    };
    const c = o.color;
    const cache = new Map<string, Decoded>();
    const tallies = new Map<string, Tally>();
    let foundAny = false;
    let foundFailure = false;

    const emit = (file: string, findings: Finding[], toDisplay: (s: string) => string): string => {
      let s = '';
      let lastLine = -1;
      for (const f of findings) {
        const kind = kindOf(f);
        const key = `${kind ?? ''}:${f.value}`;
        let d = cache.get(key);
        if (!d) cache.set(key, (d = decode(f.value, kind)));
        // The seed's descriptions speak of migrations: on a line that does not, the general one applies.
        const desc: Description | null =
          d.descriptionSource === 'seed' && d.description !== null && /migrat/i.test(f.lineText)
            ? { text: d.description, source: 'seed' }
            : generalDescription(d);
        const failure = isFailure(d);
        foundAny = true;
        foundFailure ||= failure;
        const place = { file, line: f.line, column: f.column };
        const tally = tallies.get(key);
        if (tally) tally.count++;
        else tallies.set(key, { count: 1, first: place, decoded: d, description: desc });
        if (opts.summary) continue;
        const name = f.name ?? d.name ?? 'unknown code';
        if (opts.json) {
          const described = { description: desc?.text ?? null, descriptionSource: desc?.source ?? null };
          s += JSON.stringify({ ...place, match: toDisplay(f.text), form: f.form, ...d, ...described, messages: textsFor(d) }) + '\n';
        } else if (opts.format === 'github') {
          const level = failure ? 'error' : 'warning';
          s += `::${level} file=${ghProp(file)},line=${f.line},col=${f.column},title=${ghProp(`${name} (${d.hex})`)}::${ghData(`${toDisplay(f.text)}: ${name} (${d.hex}) ${desc?.text ?? ''}`.trim())}\n`;
        } else {
          if (f.line !== lastLine) s += `${c.cyan(file)}:${c.cyan(String(f.line))}: ${sanitize(toDisplay(f.lineText))}\n`;
          lastLine = f.line;
          const fac = d.layout === 'win32' ? `Win32 error ${d.value}` : d.facility.name ? `${d.facility.name} (${d.facility.value})` : `facility ${d.facility.value}`;
          s += `    ${c.bold(d.hex)} ${c.bold(name)}  ${severityText(c, d.severity)}  ${fac}  ${descriptionText(c, desc?.text ?? null, desc?.source ?? null)}\n`;
          for (const m of textsFor(d)) s += `      ${c.dim(`windows says (${m.lang}):`)} ${sanitize(m.text.replace(/\r?\n/g, ' '))}\n`;
        }
      }
      return s;
    };

    if (files.length === 0 && isTerminal(0)) {
      o.err('no logs to scan: give files, e.g. mfr scan build.log, or pipe text in');
      o.fail(EXIT.usage);
      return;
    }
    const sources = files.length === 0 ? ['-'] : files;
    for (const file of sources) {
      const label = file === '-' ? STDIN : file;
      try {
        const text = await openText(file === '-' ? (process.stdin as AsyncIterable<Buffer>) : fileChunks(file));
        const scanner = new TextScanner();
        for await (const chunk of text.chunks) await write(o, emit(label, scanner.push(chunk), text.toDisplay));
        await write(o, emit(label, scanner.end(), text.toDisplay));
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (!err.code) throw e;
        o.err(`${label}: ${readError(err)}`);
        o.fail(EXIT.usage);
      }
    }

    if (opts.summary) {
      const rows = [...tallies.values()].sort((a, b) => b.count - a.count || a.decoded.value - b.decoded.value);
      let s = '';
      for (const t of rows) {
        const d = t.decoded;
        const described = { description: t.description?.text ?? null, descriptionSource: t.description?.source ?? null };
        if (opts.json) s += JSON.stringify({ count: t.count, first: t.first, ...d, ...described, messages: textsFor(d) }) + '\n';
        else s += `${String(t.count).padStart(7)}  ${d.hex}  ${c.bold((d.name ?? 'unknown code').padEnd(32))}  ${c.dim(`${t.first.file}:${t.first.line}`)}  ${descriptionText(c, described.description, described.descriptionSource)}\n`;
      }
      await write(o, s);
    }
    official.report();
    if ((opts.failOn === 'any' && foundAny) || (opts.failOn === 'failure' && foundFailure)) o.fail(EXIT.found);
  });
}

function readError(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
      return `corrupt gzip data (${e.message})`;
    default:
      return e.message;
  }
}

/**
 * A file's bytes in 64 KiB pieces, read synchronously: from the page cache that is faster than a
 * stream, whose reads leave the thread idle between chunks. (Larger pieces cost more: V8 keeps
 * strings over 128 KiB apart, and each chunk becomes a string.)
 */
async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(1 << 16);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) return;
      yield buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** Writes and waits while stdout's buffer is full, so a slow reader bounds our memory. */
async function write(o: Output, text: string): Promise<void> {
  if (text && !o.out(text)) await once(process.stdout, 'drain');
}
