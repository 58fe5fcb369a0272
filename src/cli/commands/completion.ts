// mfr completion bash|zsh|fish|powershell: a script that completes commands, their flags, files for
// scan, and code names for decode and lookup (asked of mfr itself as you type, so the script stays
// small and the names stay those of the installed version).
import type { Command } from 'commander';
import { allCodes } from '../../data/db';
import { MIGRATION_FAILURE_REASON } from '../../core/migration';
import { createOutput, EXIT } from '../io';

type Shell = 'bash' | 'zsh' | 'fish' | 'powershell';

/** Every command but completion itself, and its long and short flags. */
function commandFlags(program: Command): [string, string[]][] {
  return program.commands
    .filter((c) => c.name() !== 'completion')
    .map((c) => [c.name(), [...c.options.flatMap((o) => [o.long, o.short].filter((f): f is string => !!f)), '--help']]);
}

/** Code names that start with the prefix (any case), at most `limit`, for the shells to offer. */
export function namesStartingWith(prefix: string, limit = 200): string[] {
  const p = prefix.toUpperCase();
  const out: string[] = [];
  for (const n of [...MIGRATION_FAILURE_REASON.values.map((v) => v.name), ...allCodes().map((c) => c.name)]) {
    if (n.toUpperCase().startsWith(p) && !out.includes(n)) out.push(n);
    if (out.length >= limit) break;
  }
  return out.sort();
}

function script(shell: Shell, program: Command): string {
  const cmds = commandFlags(program);
  const names = cmds.map(([n]) => n).join(' ');
  switch (shell) {
    case 'bash':
    case 'zsh': {
      const cases = cmds.map(([n, flags]) => `    ${n}) flags="${flags.join(' ')}" ;;`).join('\n');
      return `${shell === 'zsh' ? 'autoload -U +X bashcompinit && bashcompinit\n' : ''}# mfr completion (${shell}); load it with: source <(mfr completion ${shell})
_mfr() {
  local cur cmd flags
  cur="\${COMP_WORDS[COMP_CWORD]}"
  cmd="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${names} completion help" -- "$cur") )
    return
  fi
  case "$cmd" in
${cases}
    completion) COMPREPLY=( $(compgen -W "bash zsh fish powershell" -- "$cur") ); return ;;
    *) flags="" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$flags" -- "$cur") )
  elif [ "$cmd" = decode ] || [ "$cmd" = lookup ]; then
    COMPREPLY=( $(mfr completion --names "$cur" 2>/dev/null) )
  elif [ "$cmd" = scan ]; then
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}
complete -o default -F _mfr mfr
`;
    }
    case 'fish': {
      const lines = [`# mfr completion (fish); load it with: mfr completion fish | source`, 'complete -c mfr -f', `complete -c mfr -n __fish_use_subcommand -a '${names} completion help'`];
      for (const [n, flags] of cmds) {
        for (const f of flags) lines.push(`complete -c mfr -n '__fish_seen_subcommand_from ${n}' ${f.startsWith('--') ? `-l ${f.slice(2)}` : `-s ${f.slice(1)}`}`);
      }
      lines.push(`complete -c mfr -n '__fish_seen_subcommand_from decode lookup' -a '(mfr completion --names (commandline -ct))'`);
      lines.push(`complete -c mfr -n '__fish_seen_subcommand_from scan' -F`);
      lines.push(`complete -c mfr -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish powershell'`);
      return lines.join('\n') + '\n';
    }
    case 'powershell': {
      const table = cmds.map(([n, flags]) => `    '${n}' = @(${flags.map((f) => `'${f}'`).join(', ')})`).join('\n');
      return `# mfr completion (PowerShell); load it with: mfr completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName mfr -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $words = @($commandAst.CommandElements | ForEach-Object { $_.ToString() })
  $flags = @{
${table}
  }
  if ($words.Count -le 1 -or ($words.Count -eq 2 -and $wordToComplete)) {
    $candidates = @(${cmds.map(([n]) => `'${n}'`).join(', ')}, 'completion', 'help')
  } elseif ($wordToComplete -like '-*') {
    $candidates = $flags[$words[1]]
  } elseif ($words[1] -in @('decode', 'lookup')) {
    $candidates = @(mfr completion --names $wordToComplete 2>$null)
  } else {
    return
  }
  $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}
`;
    }
  }
}

export function registerCompletion(program: Command): void {
  program
    .command('completion')
    .summary('print a shell completion script')
    .description(
      'Print a script that completes mfr\'s commands, flags, files for scan and code names for decode and lookup. ' +
        'bash: source <(mfr completion bash); zsh: source <(mfr completion zsh); fish: mfr completion fish | source; ' +
        'PowerShell: mfr completion powershell | Out-String | Invoke-Expression (add the line to your shell\'s profile to keep it).',
    )
    .argument('[shell]', 'bash, zsh, fish or powershell')
    .option('--names <prefix>', 'print the code names that start with the prefix, one a line (what the scripts ask)')
    .action((shell: string | undefined, opts: { names?: string }) => {
      const o = createOutput(false);
      if (opts.names !== undefined) {
        o.out(namesStartingWith(opts.names).map((n) => n + '\n').join(''));
        return;
      }
      if (shell !== 'bash' && shell !== 'zsh' && shell !== 'fish' && shell !== 'powershell') {
        o.err(`${JSON.stringify(shell ?? '')}: no such shell; use bash, zsh, fish or powershell`);
        o.fail(EXIT.usage);
        return;
      }
      o.out(script(shell, program));
    });
}
