// The command-line entry point: the only place that reads argv and decides the exit code.
import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import { registerCodes } from './commands/codes';
import { registerDecode } from './commands/decode';
import { registerEncode } from './commands/encode';
import { registerProperty } from './commands/property';
import { registerScan } from './commands/scan';
import { parseDword } from '../core/dword';
import { EXIT, writeStdout } from './io';

// Every subcommand, by name. Only the one asked for is set up: that is most of start-up's work.
const COMMANDS: [string[], (p: Command) => void][] = [
  [['decode'], registerDecode],
  [['lookup', 'search', 'list', 'facilities'], registerCodes],
  [['encode'], registerEncode],
  [['scan'], registerScan],
  [['property'], registerProperty],
];

function program(argv: string[]): Command {
  const p = new Command('mfr')
    .description('Explain Windows error codes: HRESULT, Win32 errors and NTSTATUS values, offline.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => void writeStdout(text),
      // One style for every error line: "mfr: …", as mfr's own errors are written.
      outputError: (text, write) => write(text.replace(/^error: /, 'mfr: ')),
    })
    .exitOverride();
  const asked = COMMANDS.find(([names]) => names.includes(argv[2] ?? ''));
  for (const [, register] of asked ? [asked] : COMMANDS) register(p);
  return p;
}

/** `mfr 0x800700AA` is short for `mfr decode 0x800700AA`: a value where a command would be. */
function withDefaultCommand(argv: string[]): string[] {
  const first = argv[2];
  if (first === undefined || COMMANDS.some(([names]) => names.includes(first))) return argv;
  try {
    parseDword(first);
  } catch {
    return argv;
  }
  return [...argv.slice(0, 2), 'decode', ...argv.slice(2)];
}

async function main(raw: string[]): Promise<void> {
  const argv = withDefaultCommand(raw);
  try {
    await program(argv).parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; usage errors were already printed by commander.
      process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    process.stderr.write(`mfr: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = EXIT.usage;
  }
}

void main(process.argv);
