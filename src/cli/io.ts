// The CLI's side effects in one place: stdout with early-close handling, stderr, colour, exit codes.
import { fstatSync, writeSync } from 'node:fs';
import type { ChalkInstance } from 'chalk';
import { setWrapWidth } from './render/text';

/** The styles the renderers use; chalk when colour is on, plain text when it is off. */
export type Paint = Pick<ChalkInstance, 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan'>;

const plain = (text: string): string => text;
const PLAIN: Paint = { bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain } as unknown as Paint;

/** chalk is loaded only when colour is on: most runs are piped and pay nothing for it. */
export function paintFor(level: 0 | 1 | 2 | 3): Paint {
  if (level === 0) return PLAIN;
  const { Chalk } = require('chalk') as typeof import('chalk');
  return new Chalk({ level });
}

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, found: 1, usage: 2 } as const;

export interface Output {
  /** Writes to stdout; false when its buffer is full (wait for 'drain'). */
  out(text: string | Uint8Array): boolean;
  err(line: string): void;
  color: Paint;
  /** Set once any input was bad; the process then exits 2 after the good inputs are done. */
  fail(code: number): void;
}

/**
 * What the CLI takes from the process and gives back to it. The process's own, but for tests that
 * run the CLI in process (test/run.ts), which give theirs with useSystem.
 */
export interface System {
  env: NodeJS.ProcessEnv;
  /** Writes to fd 1 or 2 as fs.writeSync does: the bytes written; EAGAIN and EPIPE thrown. */
  write(fd: 1 | 2, data: string | Uint8Array, offset?: number): number;
  isTerminal(fd: 0 | 1): boolean;
  /** stdin as text (UTF-8), and as bytes. */
  stdinText(): AsyncIterable<string>;
  stdinBytes(): AsyncIterable<Buffer>;
  exitCode(): number;
  setExitCode(code: number): void;
}

const processSystem: System = {
  env: process.env,
  write: (fd, data, offset) => (typeof data === 'string' ? writeSync(fd, data) : writeSync(fd, data, offset)),
  isTerminal: terminal,
  stdinText: () => process.stdin.setEncoding('utf8') as AsyncIterable<string>,
  stdinBytes: () => process.stdin as AsyncIterable<Buffer>,
  exitCode: () => Number(process.exitCode ?? 0),
  setExitCode: (code) => void (process.exitCode = code),
};

export let sys: System = processSystem;

let closed = false;
let viaStream = false;
let whenClosed: (() => void) | undefined;

/** Runs the CLI on `s` from now on, as if in a new process. */
export function useSystem(s: System): void {
  sys = s;
  closed = viaStream = stderrViaStream = false;
  whenClosed = undefined;
}

/**
 * What to do when the reader closes the pipe early, instead of ending quietly with status 0: a
 * command with a verdict to reach (scan --fail-on) goes on without output.
 */
export function onPipeClosed(handler: () => void): void {
  whenClosed = handler;
}

/**
 * Writes to stdout. Plain blocking writes to fd 1 are the fast path: creating process.stdout
 * loads node:stream and costs every start ~2 ms. A reader that closed early (`| head -1`) ends
 * mfr quietly with status 0. Where fd 1 is non-blocking (EAGAIN), the stream takes over.
 */
export function writeStdout(text: string | Uint8Array): boolean {
  if (closed) return true;
  if (viaStream) return process.stdout.write(text);
  let bytes = typeof text === 'string' ? undefined : text;
  let done = 0;
  try {
    // A string is written as it is: no Buffer copy of it is left for the collector to find.
    if (bytes === undefined) {
      const n = sys.write(1, text as string);
      if (n >= Buffer.byteLength(text as string)) return true;
      bytes = Buffer.from(text as string);
      done = n;
    }
    while (done < bytes.length) done += sys.write(1, bytes, done);
    return true;
  } catch (e) {
    bytes ??= Buffer.from(text as string);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return endQuietly(), true;
    if (code !== 'EAGAIN') throw e;
    viaStream = true;
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return endQuietly();
      throw err;
    });
    return process.stdout.write(bytes.subarray(done));
  }
}

/**
 * Output gathered into one buffer and written when it is full or flushed: bulk output copies
 * bytes it keeps instead of joining strings (and leaves the collector little to do).
 */
export class ByteOutput {
  private buf: Buffer;
  private pos = 0;

  constructor(
    private readonly write: (bytes: Uint8Array) => void,
    private readonly size: number,
  ) {
    this.buf = Buffer.allocUnsafeSlow(size);
  }

  text(s: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    if (this.pos + s.length * 3 > this.size) {
      this.flush();
      if (s.length * 3 > this.size) return this.write(Buffer.from(s));
    }
    this.pos += this.buf.write(s, this.pos);
  }

  bytes(b: Uint8Array): void {
    if (this.pos + b.length > this.size) {
      this.flush();
      if (b.length > this.size) return this.write(b);
    }
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  flush(): void {
    if (this.pos === 0) return;
    this.write(this.buf.subarray(0, this.pos));
    this.pos = 0;
    // A stream holds what it was given until it is written: the next writes go to a new buffer.
    if (viaStream) this.buf = Buffer.allocUnsafeSlow(this.size);
  }
}

let stderrViaStream = false;

/**
 * Writes to stderr the way writeStdout writes to stdout: plainly to fd 2, so that a message does
 * not cost loading node:stream; the stream takes over where fd 2 is non-blocking. A closed stderr
 * is no reason to stop.
 */
export function writeStderr(text: string): void {
  if (!stderrViaStream) {
    const bytes = Buffer.from(text);
    let done = 0;
    try {
      while (done < bytes.length) done += sys.write(2, bytes, done);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return;
      if (code !== 'EAGAIN') throw e;
      stderrViaStream = true;
      process.stderr.on('error', () => undefined);
      process.stderr.write(bytes.subarray(done));
      return;
    }
  }
  process.stderr.write(text);
}

/** Whether stdout or stderr became a stream, which may still be writing. */
export function streaming(): boolean {
  return viaStream || stderrViaStream;
}

function endQuietly(): void {
  closed = true;
  if (whenClosed) return whenClosed();
  process.exit(EXIT.ok);
}

/**
 * Whether fd 1 (stdout) or 0 (stdin) is a terminal, without creating process.stdout/stdin:
 * pipes and files are not, and only a character device needs the tty module's word.
 */
export function isTerminal(fd: 0 | 1): boolean {
  return sys.isTerminal(fd);
}

function terminal(fd: 0 | 1): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return (require('node:tty') as typeof import('node:tty')).isatty(fd);
}

/** `--color` / `--no-color` win, then FORCE_COLOR, then NO_COLOR, then whether stdout is a TTY. */
export function colorLevel(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  const force = env.FORCE_COLOR;
  if (flag === true) return force && /^[123]$/.test(force) ? (Number(force) as 1 | 2 | 3) : 1;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    return /^[123]$/.test(force) ? (Number(force) as 1 | 2 | 3) : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!isTTY || env.TERM === 'dumb') return 0;
  return /truecolor|24bit/.test(env.COLORTERM ?? '') ? 3 : /256/.test(env.TERM ?? '') ? 2 : 1;
}

export function createOutput(colorFlag: boolean | undefined): Output {
  const tty = isTerminal(1);
  const color = paintFor(colorLevel(colorFlag, sys.env, tty));
  // On a terminal, text wraps to its width (process.stdout is made only then: pipes pay nothing).
  if (tty) setWrapWidth(process.stdout.columns ?? 0);
  return {
    out: writeStdout,
    err: (line) => {
      writeStderr(`mfr: ${line}\n`);
    },
    color,
    fail: (code) => {
      if (sys.exitCode() < code) sys.setExitCode(code);
    },
  };
}

/**
 * Tokens from stdin, read as a stream: whitespace-separated, a chunk's worth at a time (so that a
 * bulk run pays per chunk, not per value), bounded memory.
 */
export async function* stdinTokens(): AsyncGenerator<string[]> {
  let rest = '';
  // A run of 1 KiB without white space is no number: it is reported once, by its start, and the
  // rest of it is skipped, so memory stays bounded.
  let skipping = false;
  for await (const chunk of sys.stdinText()) {
    const parts = (rest + chunk).split(/\s+/);
    rest = parts.pop() ?? '';
    if (skipping && parts.length > 0) {
      parts.shift();
      skipping = false;
    }
    const batch: string[] = [];
    for (const p of parts) if (p) batch.push(p.length > 1024 ? p.slice(0, 64) + '…' : p);
    if (skipping) rest = '';
    else if (rest.length > 1024) {
      batch.push(rest.slice(0, 64) + '…');
      rest = '';
      skipping = true;
    }
    if (batch.length > 0) yield batch;
  }
  if (rest && !skipping) yield [rest];
}
