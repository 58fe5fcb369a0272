// The command-line entry point: the only place that reads argv and decides the exit code.
import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import { registerCodes } from './commands/codes';
import { registerDecode } from './commands/decode';
import { registerEncode } from './commands/encode';
import { registerProperty } from './commands/property';
import { registerScan } from './commands/scan';
import { EXIT, handleClosedPipe } from './io';

function program(): Command {
  const p = new Command('mfr')
    .description('Explain Windows error codes: HRESULT, Win32 errors and NTSTATUS values, offline.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError()
    .exitOverride();
  registerDecode(p);
  registerCodes(p);
  registerEncode(p);
  registerScan(p);
  registerProperty(p);
  return p;
}

async function main(argv: string[]): Promise<void> {
  handleClosedPipe();
  try {
    await program().parseAsync(argv);
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
