// Shell completion as a user loads it: the bash script sourced in bash, asked what to offer.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(__dirname, '..', 'bin', 'mfr.js');
const mfr = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

// A `mfr` on PATH, as an install gives one: the script asks it for code names.
const dir = mkdtempSync(join(tmpdir(), 'mfr-completion-'));
writeFileSync(join(dir, 'mfr'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
chmodSync(join(dir, 'mfr'), 0o755);

/** What bash offers after the words typed so far (the last one is being completed). */
function offered(...words: string[]): string[] {
  const script = [
    'source <(mfr completion bash)',
    `COMP_WORDS=(mfr ${words.map((w) => `'${w}'`).join(' ')})`,
    `COMP_CWORD=${words.length}`,
    '_mfr',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, PATH: `${dir}:${process.env.PATH}` } });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean).sort();
}

test('bash: commands, then each command\'s flags, then code names for decode and lookup', () => {
  expect(offered('')).toEqual(['completion', 'decode', 'encode', 'facilities', 'help', 'list', 'lookup', 'property', 'scan', 'search']);
  expect(offered('se')).toEqual(['search']);
  expect(offered('scan', '--fa')).toEqual(['--fail-on']);
  expect(offered('decode', '--f')).toEqual(['--format']);
  expect(offered('lookup', 'ERROR_ACCESS_DENIED')).toEqual(['ERROR_ACCESS_DENIED', 'ERROR_ACCESS_DENIED_APPDATA']);
  expect(offered('decode', 'e_busy')).toEqual(['E_BUSY']);
  expect(offered('completion', 'f')).toEqual(['fish']);
});

test.each(['zsh', 'fish', 'powershell'])('%s: a script naming every command', (shell) => {
  const r = mfr(['completion', shell]);
  expect(r.status).toBe(0);
  for (const c of ['decode', 'lookup', 'search', 'list', 'facilities', 'encode', 'scan', 'property']) expect(r.stdout).toContain(c);
  expect(r.stdout).toContain('mfr completion --names');
});

test('an unknown shell: one line, exit 2', () => {
  expect(mfr(['completion', 'tcsh'])).toMatchObject({ status: 2, stdout: '', stderr: 'mfr: "tcsh": no such shell; use bash, zsh, fish or powershell\n' });
});
