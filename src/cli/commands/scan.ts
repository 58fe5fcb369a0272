import { appendFileSync, closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, type Stats, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { type Command, Option } from '../commander';
import { type Decoded, decode, generalDescription } from '../../core/decode';
import { parseDword } from '../../core/dword';
import { type Confidence, type Finding, preferredKind, TextScanner, valueOfName } from '../../core/scan';
import type { Description } from '../../data/describe';
import { createOutput, EXIT, type Output, isTerminal, onPipeClosed, sys } from '../io';
import { type MessageOptions, openOfficial, withMessageOptions } from '../official';
import { type CommonOptions, withCommonOptions, withHelpNotes } from '../options';
import { descriptionText, severityText } from '../render/text';
import type { MessageText } from '../messages';
import { openText, sanitize } from '../textinput';
import { errorObject, jsonLine, SCHEMA_VERSION } from '../render/json';

type FailOn = 'failure' | 'any' | 'never';

interface ScanOptions extends CommonOptions, MessageOptions {
  summary?: boolean;
  format: 'text' | 'github' | 'azure';
  failOn: FailOn;
  minConfidence: Confidence;
  quiet?: boolean;
  ignore?: string[];
  ignoreFile?: string;
}

const STDIN = '<stdin>';
/** Read from the current directory when present: codes and names to leave out, one or more a line. */
const IGNORE_FILE = '.mfrignore';
// GitHub shows at most 10 error and 10 warning annotations a step.
const GITHUB_LIMIT = 10;

interface Place {
  file: string;
  line: number;
  column: number;
}

/** One code as scan reports it: where, how sure, and what it is. */
interface Code {
  decoded: Decoded;
  name: string | null;
  description: Description | null;
  failure: boolean;
  /** Its output, made on first use: with the general description, and with the seed's. */
  rendered: [Rendered?, Rendered?];
}

interface Rendered {
  /** The JSON fields after confidence and why, and the closing brace. */
  jsonTail: string;
  /** The text line after the indent, without confidence. */
  text: string;
  /** Windows' message text lines, if any. */
  after: string;
}

interface Tally extends Code {
  count: number;
  first: Place;
  confidence: Confidence;
}

const KIND_INDEX = { hresult: 0, win32: 1, ntstatus: 2 } as const;
/** A code's value and kind as one number. */
const codeKey = (f: Finding): number => f.value * 4 + KIND_INDEX[f.kind];

/** A failure: the HRESULT/NTSTATUS severity bit, or any non-zero Win32 error. */
function isFailure(d: Decoded): boolean {
  return d.layout === 'win32' ? d.value !== 0 : d.value >>> 31 === 1;
}

const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

// GitHub workflow commands: % \r \n escaped in the message, and : , too in properties.
const ghData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const ghProp = (s: string): string => ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
// Azure Pipelines logging commands: % ; ] \r \n escaped.
const azData = (s: string): string => s.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const azProp = (s: string): string => azData(s).replace(/;/g, '%3B').replace(/]/g, '%5D');

export function registerScan(program: Command): void {
  withMessageOptions(withHelpNotes(withCommonOptions(
    program
      .command('scan')
      .summary('find and explain the error codes in logs')
      .description(
        'Find HRESULT, NTSTATUS and Win32 error codes and code names in log text and explain each. Each finding is ' +
          'weighed on its context and has a confidence. Reads plain, gzip, UTF-8 and UTF-16 text, streaming, in bounded ' +
          'memory. With no files, or "-", reads stdin; folders are read whole, and glob patterns are expanded.',
      )
      .argument('[files...]', 'log files, folders or glob patterns ("logs/*.log"); none or "-" reads stdin')
      .option('--summary', 'one row per distinct code: count, first place seen, name, description')
      .addOption(new Option('--format <format>', 'text, GitHub Actions annotations, or Azure Pipelines issues').choices(['text', 'github', 'azure']).default('text'))
      .addOption(new Option('--fail-on <what>', 'exit 1 when a failure code (or any code) was found').choices(['failure', 'any', 'never']).default('never'))
      .addOption(new Option('--min-confidence <level>', 'report findings at or above this confidence').choices(['low', 'medium', 'high']).default('medium'))
      .option('-q, --quiet', 'print nothing; the exit status says what was found (with --fail-on)')
      .option('--ignore <code>', 'leave this code or name out (repeatable)', (v: string, all: string[] = []) => [...all, v])
      .option('--ignore-file <file>', `codes and names to leave out, whitespace-separated, # comments (default: ${IGNORE_FILE} when present)`),
  ), {
    examples: ['mfr scan build.log deploy.log.gz', 'mfr scan --summary logs/', 'kubectl logs pod | mfr scan --json', 'mfr scan -q --fail-on failure ci.log', 'mfr scan --format github --fail-on failure "logs/*.log"'],
    exit1: 'with --fail-on: a failure code (or any code) was found',
    messages: true,
  })).action(async (args: string[], opts: ScanOptions) => {
    const o = createOutput(opts.color);
    const official = openOfficial(opts, o);
    const texts = new Map<number, MessageText[]>();
    const textsFor = (d: Decoded): MessageText[] => {
      let t = texts.get(d.value);
      if (!t) texts.set(d.value, (t = official.textsFor(d)));
      return t;
    };
    const c = o.color;
    const ignored = ignoreList(opts, o);
    if (ignored === undefined) return;
    const minRank = RANK[opts.minConfidence];
    const grouped = opts.summary || opts.format !== 'text';
    let quiet = Boolean(opts.quiet);
    // A reader that closes the pipe early ends the run, unless a verdict was asked for: then the
    // rest is read quietly, and the exit status still says what was found.
    if (opts.failOn !== 'never') onPipeClosed(() => void (quiet = true));

    // Each code is decoded and rendered once: keyed by value and kind as one number (a name found
    // as written keeps its own spelling).
    const codes = new Map<number, Code>();
    const named = new Map<string, Code>();
    const codeFor = (f: Finding): Code => {
      let code = f.name === undefined ? codes.get(codeKey(f)) : named.get(f.name);
      if (!code) {
        const d = decode(f.value, preferredKind(f));
        code = { decoded: d, name: f.name ?? d.name, description: generalDescription(d), failure: isFailure(d), rendered: [] };
        if (f.name === undefined) codes.set(codeKey(f), code);
        else named.set(f.name, code);
      }
      return code;
    };
    // Tallies per code (per file and code with --format github/azure).
    const tallies = new Map<number, Tally>();
    let fileIndex = 0;
    let foundAny = false;
    let foundFailure = false;

    // What a code prints is the same every time it is found: made once per code and description.
    const rendered = (code: Code, desc: Description | null, migration: boolean): Rendered => {
      const slot = migration ? 1 : 0;
      let r = code.rendered[slot];
      if (r) return r;
      const d = code.decoded;
      const messages = textsFor(d);
      const jsonTail = JSON.stringify(record(code, desc, 'high', undefined, messages)).replace(/^\{"confidence":"high",/, '');
      let text = `${c.bold(d.hex)} ${c.bold(code.name ?? 'unknown code')}  ${severityText(c, d.severity)}  ${facilityText(d)}  ${descriptionText(c, desc?.text ?? null, desc?.source ?? null)}`;
      let after = '';
      for (const m of messages) after += `      ${c.dim(`windows says (${m.lang}):`)} ${sanitize(m.text.replace(/\r?\n/g, ' '))}\n`;
      return (code.rendered[slot] = r = { jsonTail, text, after });
    };

    // Output in pieces of about 64 KB, so a long line full of codes does not build one huge string.
    const emit = (file: string, findings: Finding[], toDisplay: (s: string) => string): string[] => {
      const pieces: string[] = [];
      let s = '';
      let lastLine = -1;
      let lastText = '';
      let aboutMigration = false;
      const fileJson = JSON.stringify(file);
      for (const f of findings) {
        if (RANK[f.confidence] < minRank || ignored.has(f.value)) continue;
        const code = codeFor(f);
        const d = code.decoded;
        // The seed's descriptions speak of migrations: they apply on a line that does.
        if (f.lineText !== lastText) (lastText = f.lineText), (aboutMigration = /migrat/i.test(lastText));
        const migration = d.migration !== null && aboutMigration;
        const desc: Description | null = migration && d.migration ? { text: d.migration.description, source: 'seed' } : code.description;
        foundAny = true;
        foundFailure ||= code.failure;
        if (quiet) continue;
        if (grouped) {
          const key = (opts.summary ? 0 : fileIndex * 2 ** 35) + codeKey(f);
          const tally = tallies.get(key);
          if (tally) {
            tally.count++;
            if (RANK[f.confidence] > RANK[tally.confidence]) tally.confidence = f.confidence;
          } else tallies.set(key, { ...code, description: desc, count: 1, first: { file, line: f.line, column: f.column }, confidence: f.confidence });
          continue;
        }
        const r = rendered(code, desc, migration);
        if (opts.json) {
          s += `{"schemaVersion":${SCHEMA_VERSION},"file":${fileJson},"line":${f.line},"column":${f.column},"match":${JSON.stringify(toDisplay(f.text))},"confidence":"${f.confidence}","why":${JSON.stringify(f.why.join('; '))},${r.jsonTail}\n`;
          if (s.length > 1 << 16) pieces.push(s), (s = '');
          continue;
        }
        if (f.line !== lastLine) s += `${c.cyan(file)}:${c.cyan(String(f.line))}: ${sanitize(toDisplay(f.lineText))}\n`;
        lastLine = f.line;
        s += `    ${r.text}${f.confidence === 'high' ? '' : c.dim(`  (${f.confidence} confidence)`)}\n${r.after}`;
        if (s.length > 1 << 16) pieces.push(s), (s = '');
      }
      pieces.push(s);
      return pieces;
    };

    if (args.length === 0 && isTerminal(0)) {
      o.err('no logs to scan: give files, e.g. mfr scan build.log, or pipe text in');
      o.fail(EXIT.usage);
      return;
    }
    for (const file of inputs(args.length === 0 ? ['-'] : args, o, Boolean(opts.json && !opts.quiet))) {
      const label = file === '-' ? STDIN : file;
      fileIndex++;
      try {
        const text = await openText(file === '-' ? sys.stdinBytes() : fileChunks(file));
        const scanner = new TextScanner({ messageText: official.available() ? (v) => official.firstText(v) : undefined, minConfidence: opts.minConfidence, oneByte: text.encoding === 'utf-8' });
        for await (const chunk of text.chunks) for (const piece of emit(label, scanner.push(chunk), text.toDisplay)) await write(o, piece);
        for (const piece of emit(label, scanner.end(), text.toDisplay)) await write(o, piece);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (!err.code) throw e;
        o.err(`${label}: ${readError(err)}`);
        o.fail(EXIT.usage);
        if (opts.json && !quiet) await write(o, jsonLine(errorObject(label, readError(err))));
      }
    }

    if (!quiet && grouped) {
      const rows = [...tallies.values()];
      if (opts.summary) await write(o, summary(rows, opts, c, textsFor));
      else await write(o, annotations(rows, opts.format === 'azure' ? 'azure' : 'github'));
      if (opts.format === 'github' && sys.env.GITHUB_STEP_SUMMARY) stepSummary(sys.env.GITHUB_STEP_SUMMARY, rows, o);
    }
    official.report();
    if ((opts.failOn === 'any' && foundAny) || (opts.failOn === 'failure' && foundFailure)) o.fail(EXIT.found);
  });
}

/** The fields a finding or summary row carries about its code: lean, not the whole decode. */
function record(code: Code, desc: Description | null, confidence: Confidence, why: string | undefined, messages: MessageText[]): Record<string, unknown> {
  const d = code.decoded;
  return {
    confidence,
    ...(why === undefined ? {} : { why }),
    hex: d.hex,
    value: d.value,
    name: code.name,
    kind: d.layout,
    severity: d.severity,
    facility: d.facility,
    description: desc?.text ?? null,
    descriptionSource: desc?.source ?? null,
    ...(messages.length > 0 ? { messages } : {}),
  };
}

function facilityText(d: Decoded): string {
  return d.layout === 'win32' ? `Win32 error ${d.value}` : d.facility.name ? `${d.facility.name} (${d.facility.value})` : `facility ${d.facility.value}`;
}

type Paint = ReturnType<typeof createOutput>['color'];

function summary(rows: Tally[], opts: ScanOptions, c: Paint, textsFor: (d: Decoded) => MessageText[]): string {
  rows.sort((a, b) => b.count - a.count || a.decoded.value - b.decoded.value);
  let s = '';
  for (const t of rows) {
    const d = t.decoded;
    if (opts.json) s += jsonLine({ count: t.count, first: t.first, ...record(t, t.description, t.confidence, undefined, textsFor(d)) });
    else s += `${String(t.count).padStart(7)}  ${d.hex}  ${c.bold((t.name ?? 'unknown code').padEnd(32))}  ${c.dim(`${t.first.file}:${t.first.line}`)}  ${descriptionText(c, t.description?.text ?? null, t.description?.source ?? null)}\n`;
  }
  return s;
}

/** Severity order for annotations: failures, then warnings; success codes get none. */
function level(t: Tally): 'error' | 'warning' | undefined {
  if (t.failure && t.decoded.severity !== 'warning') return 'error';
  if (t.decoded.severity === 'warning' || t.decoded.severity === 'informational') return 'warning';
  return undefined;
}

function byImportance(a: Tally, b: Tally): number {
  return (level(a) === 'error' ? 0 : 1) - (level(b) === 'error' ? 0 : 1) || b.count - a.count || a.first.file.localeCompare(b.first.file) || a.first.line - b.first.line;
}

/** One annotation per distinct code and file, most severe first; GitHub's per-step limits kept. */
function annotations(rows: Tally[], format: 'github' | 'azure'): string {
  const annotated = rows.filter((t) => level(t) !== undefined).sort(byImportance);
  let s = '';
  const shown = { error: 0, warning: 0 };
  let left = 0;
  for (const t of annotated) {
    const lvl = level(t) ?? 'warning';
    const d = t.decoded;
    const name = t.name ?? 'unknown code';
    const times = t.count > 1 ? ` (${t.count} times in this file)` : '';
    const message = `${name} (${d.hex})${times}: ${t.description?.text ?? 'no description known'}`;
    if (format === 'azure') {
      s += `##vso[task.logissue type=${lvl};sourcepath=${azProp(t.first.file)};linenumber=${t.first.line};columnnumber=${t.first.column};code=${d.hex}]${azData(message)}\n`;
      continue;
    }
    if (shown[lvl] >= GITHUB_LIMIT) {
      left++;
      continue;
    }
    shown[lvl]++;
    s += `::${lvl} file=${ghProp(t.first.file)},line=${t.first.line},col=${t.first.column},title=${ghProp(`${name} (${d.hex})`)}::${ghData(message)}\n`;
  }
  if (left > 0) s += `mfr: ${left} more ${left === 1 ? 'code was' : 'codes were'} found but not annotated (GitHub shows ${GITHUB_LIMIT} errors and ${GITHUB_LIMIT} warnings a step); run mfr scan --summary for all\n`;
  return s;
}

/** A Markdown table of every code found, appended to the GitHub step summary. */
function stepSummary(path: string, rows: Tally[], o: Output): void {
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  let md = '### mfr scan\n\n';
  if (rows.length === 0) md += 'No error codes found.\n\n';
  else {
    md += '| code | name | severity | count | first seen | description |\n|---|---|---|---:|---|---|\n';
    for (const t of [...rows].sort(byImportance)) {
      md += `| ${t.decoded.hex} | ${cell(t.name ?? 'unknown code')} | ${t.decoded.severity} | ${t.count} | ${cell(`${t.first.file}:${t.first.line}`)} | ${cell(t.description?.text ?? '')} |\n`;
    }
    md += '\n';
  }
  try {
    appendFileSync(path, md);
  } catch (e) {
    o.err(`GITHUB_STEP_SUMMARY: ${(e as Error).message}`);
  }
}

/** The values --ignore and the ignore file name, or undefined after a usage error. */
function ignoreList(opts: ScanOptions, o: Output): Set<number> | undefined {
  const values = new Set<number>();
  const add = (token: string, where: string): boolean => {
    const named = /^[A-Za-z]/.test(token) && !/^[0-9a-fA-F]{8}$/.test(token) ? valueOfName(token) : undefined;
    if (named !== undefined) return void values.add(named), true;
    try {
      values.add(parseDword(token));
      return true;
    } catch (e) {
      const why = `not a code or a code name mfr knows${/^[A-Za-z]/.test(token) ? '' : ` (${(e as Error).message.replace(/^"[^"]*": /, '')})`}`;
      o.err(`${where}: "${token}": ${why}`);
      o.fail(EXIT.usage);
      if (opts.json) o.out(jsonLine(errorObject(token, `${where}: ${why}`)));
      return false;
    }
  };
  let ok = true;
  for (const t of opts.ignore ?? []) ok = add(t, '--ignore') && ok;
  const file = opts.ignoreFile ?? (existsSync(IGNORE_FILE) ? IGNORE_FILE : undefined);
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      o.err(`${file}: ${readError(e as NodeJS.ErrnoException)}`);
      o.fail(EXIT.usage);
      return undefined;
    }
    for (const line of text.split(/\r?\n/)) {
      for (const t of line.replace(/#.*/, '').split(/\s+/)) if (t) ok = add(t, file) && ok;
    }
  }
  return ok ? values : undefined;
}

/**
 * The files to read: "-" for stdin, files as given, folders walked (sorted, hidden entries
 * skipped), and glob patterns expanded here, for shells that do not (cmd.exe, PowerShell).
 * A pattern that matches nothing is an error; a missing file is reported when it is read.
 */
function* inputs(args: string[], o: Output, json: boolean): Generator<string> {
  for (const arg of args) {
    const stats = arg === '-' ? undefined : statOf(arg);
    if (arg === '-' || stats) {
      if (stats?.isDirectory()) yield* walk(arg);
      else yield arg;
      continue;
    }
    if (!/[*?[{]/.test(arg)) {
      yield arg;
      continue;
    }
    const { globSync } = require('tinyglobby') as typeof import('tinyglobby');
    const matches = globSync(arg.replace(/\\/g, '/'), { onlyFiles: true, dot: false, expandDirectories: false }).sort();
    if (matches.length === 0) {
      o.err(`${arg}: no file matches this pattern`);
      o.fail(EXIT.usage);
      if (json) o.out(jsonLine(errorObject(arg, 'no file matches this pattern')));
    }
    yield* matches;
  }
}

/** The file's stats, or undefined when it cannot be seen (missing, or no permission). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
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
