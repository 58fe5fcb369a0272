// Options shared by the subcommands, declared once as data.
import { type Command, Option } from './commander';

export interface CommonOptions {
  json?: boolean;
  color?: boolean;
}

const COMMON: (() => Option)[] = [
  () => new Option('--json', 'print JSON instead of text'),
  () => new Option('--color', 'colour the text output even when stdout is not a terminal'),
  () => new Option('--no-color', 'never colour the output (NO_COLOR in the environment does the same)'),
];

export function withCommonOptions(cmd: Command): Command {
  for (const make of COMMON) cmd.addOption(make());
  return cmd;
}

/** What every command's help ends with: examples, exit codes and the environment it reads. */
export interface HelpNotes {
  examples: string[];
  /** Exit codes beyond 0; 2 (usage or input error) is every command's. */
  exit1?: string;
  /** Whether the command reads Windows message files (MFR_MESSAGES, LANG). */
  messages?: boolean;
}

export function withHelpNotes(cmd: Command, notes: HelpNotes): Command {
  const env = [
    ...(notes.messages ? ['  MFR_MESSAGES           Windows message files or folders to read (a path list)', '  LC_ALL, LC_MESSAGES, LANG   the language of Windows message text'] : []),
    '  NO_COLOR               set and not empty: no colour',
    '  FORCE_COLOR            colour level 0-3, whatever stdout is',
    '  MFR_CACHE_DIR          where compiled code is kept for a faster start; empty: nowhere',
  ];
  const exit = ['  0  success', ...(notes.exit1 ? [`  1  ${notes.exit1}`] : []), '  2  a usage or input error (the good inputs are still processed)'];
  return cmd.addHelpText(
    'after',
    ['', 'Examples:', ...notes.examples.map((e) => `  ${e}`), '', 'Exit codes:', ...exit, '', 'Environment:', ...env].join('\n'),
  );
}
