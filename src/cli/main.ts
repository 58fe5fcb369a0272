// The command-line entry point: the only place that reads argv and decides the exit code.
import { Command, CommanderError } from './commander';
import { version } from '../../package.json';
import { COUNTS, PACKAGES } from '../data/codes.generated';
import { registerCodes } from './commands/codes';
import { registerDecode } from './commands/decode';
import { isKeywordToken, readPasted } from '../core/paste';
import { EXIT, sys, writeStderr, writeStdout } from './io';

// Every subcommand, by name. Only the one asked for is set up: that is most of start-up's work.
// decode is in this bundle; each other command is a bundle of its own (dist/codes.js, dist/scan.js
// …; see scripts/build.mjs), loaded only when asked for, so that decode does not pay to load them.
const COMMANDS: [string[], (p: Command) => void][] = [
  [['decode'], registerDecode],
  [['lookup', 'search', 'list', 'facilities'], registerCodes],
  [['encode'], (p) => (require('./commands/encode') as typeof import('./commands/encode')).registerEncode(p)],
  [['scan'], (p) => (require('./commands/scan') as typeof import('./commands/scan')).registerScan(p)],
  [['property'], (p) => (require('./commands/property') as typeof import('./commands/property')).registerProperty(p)],
  [['completion'], (p) => (require('./commands/completion') as typeof import('./commands/completion')).registerCompletion(p)],
];

/** The version, then the data behind it: how many codes, from which packages and tables. */
function versionText(): string {
  const n = COUNTS.hresult + COUNTS.win32 + COUNTS.ntstatus;
  // Not toLocaleString: loading the locale data costs every start ~15 ms.
  const fmt = (x: number): string => String(x).replace(/\B(?=(\d{3})+$)/g, ',');
  return [
    version,
    `codes: ${fmt(n)} (${fmt(COUNTS.hresult)} HRESULT, ${fmt(COUNTS.win32)} Win32, ${fmt(COUNTS.ntstatus)} NTSTATUS)`,
    `from: ${PACKAGES.map((p) => `Debian ${p}`).join(', ')}, and curated tables checked against public pages`,
  ].join('\n');
}

function program(argv: string[]): Command {
  const p = new Command('mfr')
    .description('Explain Windows error codes: HRESULT, Win32 errors and NTSTATUS values, offline.')
    // The version's text counts the codes: it is only built when asked for.
    .version(argv.includes('-V') || argv.includes('--version') ? versionText() : version, '-V, --version', 'print the version, and where the code tables come from')
    .helpOption('-h, --help', 'show help')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  mfr 0x800700AA                     decode a value (short for mfr decode 0x800700AA)',
        '  mfr lookup ACCESS_DENIED           find codes by name',
        '  mfr scan --summary build.log       find and explain the codes in a log',
        '',
        'Exit codes: 0 success; 1 found what you asked to fail on, or found nothing; 2 a usage or input error.',
        'mfr help COMMAND, or mfr COMMAND --help, for a command\'s options, examples and environment.',
      ].join('\n'),
    )
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => void writeStdout(text),
      writeErr: writeStderr,
      // One style for every error line: "mfr: …", as mfr's own errors are written.
      outputError: (text, write) => write(text.replace(/^error: /, 'mfr: ')),
    })
    .exitOverride();
  const asked = COMMANDS.find(([names]) => names.includes(argv[2] ?? ''));
  // --version needs no command; completion reads every command's flags, and help lists them all.
  const versionOnly = argv.length === 3 && (argv[2] === '-V' || argv[2] === '--version');
  for (const [, register] of versionOnly ? [] : asked && argv[2] !== 'completion' ? [asked] : COMMANDS) register(p);
  return p;
}

// Options that take a value: what follows them is no positional argument.
const OPTIONS_WITH_VALUES = new Set(['--messages', '--lang']);

/**
 * `mfr 0x800700AA` is short for `mfr decode 0x800700AA`: a value (or a code's name, or something
 * meant as a value, like `0xZZ`) where a command would be, with flags before or after it and `--`.
 */
function withDefaultCommand(argv: string[]): string[] {
  let i = 2;
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      i++;
      break;
    }
    if (/^-(?:\d|0x)/i.test(a) || !a.startsWith('-')) break; // a negative number is a value
    if (OPTIONS_WITH_VALUES.has(a)) i++;
  }
  const first = argv[i];
  if (first === undefined || COMMANDS.some(([names]) => names.includes(first)) || first === 'help') return argv;
  // Meant as a value: it starts like one, has a keyword's separator, is a code-like name
  // (E_NOSUCH), or a keyword with its value after it ("NTSTATUS 259").
  let meant = /^[-+(\[0-9]|[=:]|_/.test(first) || (isKeywordToken(first) && argv[i + 1] !== undefined);
  if (!meant) {
    try {
      readPasted(first);
      meant = true;
    } catch {
      meant = false;
    }
  }
  return meant ? [...argv.slice(0, 2), 'decode', ...argv.slice(2)] : argv;
}

/** Runs mfr on argv (node's: the program's path first, then mfr's). The exit code goes to sys. */
export async function main(raw: string[]): Promise<void> {
  // `mfr help nosuch`: say so, rather than show the general help.
  if (raw[2] === 'help' && raw[3] !== undefined && !COMMANDS.some(([names]) => names.includes(raw[3] ?? ''))) {
    writeStderr(`mfr: unknown command '${raw[3]}' (mfr --help lists them)\n`);
    sys.setExitCode(EXIT.usage);
    return;
  }
  const argv = withDefaultCommand(raw);
  try {
    await program(argv).parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; usage errors were already printed by commander.
      sys.setExitCode(e.exitCode === 0 ? EXIT.ok : EXIT.usage);
      return;
    }
    writeStderr(`mfr: ${e instanceof Error ? e.message : String(e)}\n`);
    sys.setExitCode(EXIT.usage);
  }
}
