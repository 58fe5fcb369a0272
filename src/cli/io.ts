// The CLI's side effects in one place: stdout with early-close handling, stderr, colour, exit codes.
import type { ChalkInstance } from 'chalk';

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
  out(text: string): boolean;
  err(line: string): void;
  color: Paint;
  /** Set once any input was bad; the process then exits 2 after the good inputs are done. */
  fail(code: number): void;
}

let closed = false;

/** A reader that closed early (`| head -1`) ends mfr quietly with status 0. */
export function handleClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      process.exit(EXIT.ok);
    }
    throw e;
  });
}

export function stdoutClosed(): boolean {
  return closed;
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
  const color = paintFor(colorLevel(colorFlag, process.env, process.stdout.isTTY === true));
  return {
    out: (text) => closed || process.stdout.write(text),
    err: (line) => {
      process.stderr.write(`mfr: ${line}\n`);
    },
    color,
    fail: (code) => {
      if (Number(process.exitCode ?? 0) < code) process.exitCode = code;
    },
  };
}

/** Tokens from stdin, read as a stream: whitespace-separated, bounded memory. */
export async function* stdinTokens(): AsyncGenerator<string> {
  let rest = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin as AsyncIterable<string>) {
    const parts = (rest + chunk).split(/\s+/);
    rest = parts.pop() ?? '';
    if (rest.length > 1024) {
      // A run of 1 KiB without white space is no number; keep its start so the error names it.
      yield rest.slice(0, 64) + '…';
      rest = '';
    }
    for (const p of parts) if (p) yield p;
  }
  if (rest) yield rest;
}
