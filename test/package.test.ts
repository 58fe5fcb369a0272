// The package as a user installs it: packed, installed into a prefix of its own, run from
// another folder. It carries no dependencies (the bundle has them), so the install needs no network.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test('npm pack, npm install -g from the tarball, and the installed mfr decodes from another folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mfr-pack-'));
  const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  execFileSync(npm, ['pack', '--pack-destination', dir, '--ignore-scripts'], { cwd: root, env, stdio: 'ignore' });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  expect(tarball).toMatch(/^mfr-\d+\.\d+\.\d+\.tgz$/);
  const prefix = join(dir, 'prefix');
  const install = spawnSync(npm, ['install', '-g', '--prefix', prefix, '--offline', join(dir, tarball ?? '')], { cwd: dir, env, encoding: 'utf8' });
  expect(install.status).toBe(0);
  expect(install.stderr).not.toMatch(/npm (warn|WARN|error)/);
  const bin = join(prefix, process.platform === 'win32' ? 'mfr.cmd' : join('bin', 'mfr'));
  const run = (args: string[]) => spawnSync(bin, args, { cwd: tmpdir(), encoding: 'utf8', env: { ...env, NO_COLOR: '1', MFR_MESSAGES: undefined } });
  const text = run(['decode', '0x800700AA', '--no-messages']);
  expect([text.status, text.stderr]).toEqual([0, '']);
  expect(text.stdout).toMatch(/^0x800700AA\n  hex +0x800700AA\n/);
  const json = run(['--json', 'E_ACCESSDENIED', '--no-messages']);
  expect(JSON.parse(json.stdout)[0]).toMatchObject({ hex: '0x80070005', name: 'E_ACCESSDENIED' });
  // The man page is installed where man finds it, and completion works from the installed mfr.
  const page = join(prefix, 'share', 'man', 'man1', 'mfr.1');
  expect(readFileSync(page, 'utf8')).toMatch(/^\.TH MFR 1 /);
  expect(run(['completion', 'bash']).stdout).toContain('complete -o default -F _mfr mfr');
  // No dependency is installed beside it: everything it loads is in its bundle.
  const modules = join(prefix, 'lib', 'node_modules', 'mfr', 'node_modules');
  expect(() => readdirSync(modules)).toThrow();
}, 120_000);
