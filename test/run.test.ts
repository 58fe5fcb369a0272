// The in-process runner (test/run.ts) gives what the real bin gives: the other CLI tests rely on it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { run } from './run';

const BIN = join(__dirname, '..', 'bin', 'mfr.js');
const env = { NO_COLOR: '1', FORCE_COLOR: undefined, MFR_MESSAGES: undefined };

const CASES: [string[], string][] = [
  [['decode', '0x800700AA'], ''],
  [['0x80070005', '--json'], ''],
  [['decode', '--format', 'line', '5', 'E_FAIL', 'oops', '0xC0000005'], ''],
  [['decode'], '0x80070005 5 nosuch\n'],
  [['lookup', 'ACCESS_DENIED'], ''],
  [['search', 'access', 'denied', '--json'], ''],
  [['list', '--facility', 'DXGI'], ''],
  [['facilities', '--json'], ''],
  [['encode', '--facility', 'WIN32', '--code', '5'], ''],
  [['property', '--json'], ''],
  [['scan', '--summary'], 'error 0x80070005 at start\nexit code -1073741819\nmake: *** [all] Error 2\n'],
  [['scan', '--json', '--fail-on', 'failure'], 'hr=0x80004005\n'],
  [['completion', 'bash'], ''],
  [['nosuch'], ''],
  [['decode', '--nosuch'], ''],
  [['--version'], ''],
  [['help', 'scan'], ''],
];

test.each(CASES)('mfr %j in process prints what bin/mfr.js prints', async (args, input) => {
  const real = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, ...env } as NodeJS.ProcessEnv });
  const mine = await run(args, { input, env });
  expect(mine).toEqual({ status: real.status, stdout: real.stdout, stderr: real.stderr });
  expect(real.stdout.length + real.stderr.length).toBeGreaterThan(0);
});
