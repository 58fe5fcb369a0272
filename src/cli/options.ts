// Options shared by the subcommands, declared once as data.
import { type Command, Option } from 'commander';

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
