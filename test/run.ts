// Runs the CLI in this process, from src/: argv, stdin, env and a terminal or not in; stdout,
// stderr and the exit code out, as a child process would give them. Tests that need a real
// process (pipes closed early, signals, the code cache, file permissions) spawn bin/mfr.js.
import { main } from '../src/cli/main';
import { useSystem } from '../src/cli/io';

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string | Buffer;
  /** Added to this process's environment; undefined removes a variable. */
  env?: Record<string, string | undefined>;
  /** Whether stdout (and stdin) is a terminal. */
  tty?: boolean;
  /** The working folder for the run. */
  cwd?: string;
}

export async function run(args: string[], opts: RunOptions = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries({ ...process.env, ...opts.env })) if (v !== undefined) env[k] = v;
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let exitCode = 0;
  const input = opts.input === undefined ? undefined : Buffer.from(opts.input);
  useSystem({
    env,
    write(fd, data, offset = 0) {
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.subarray(offset));
      (fd === 1 ? out : err).push(bytes);
      return bytes.length;
    },
    isTerminal: () => opts.tty === true,
    async *stdinText() {
      if (input !== undefined && input.length > 0) yield input.toString('utf8');
    },
    async *stdinBytes() {
      if (input !== undefined && input.length > 0) yield input;
    },
    exitCode: () => exitCode,
    setExitCode: (code) => void (exitCode = code),
  });
  const home = process.cwd();
  if (opts.cwd !== undefined) process.chdir(opts.cwd);
  try {
    await main([process.execPath, 'mfr', ...args]);
  } finally {
    process.chdir(home);
  }
  return { status: exitCode, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
