// Every command's whole output, byte for byte, against the snapshots in __snapshots__: help texts,
// text blocks, tables, JSON, lines, annotations, colour, errors and exit codes. A change to what a
// user sees fails here until the snapshot is updated on purpose (npx jest -u, then read the diff).
import { run } from './run';

const env = { NO_COLOR: undefined, FORCE_COLOR: undefined, MFR_MESSAGES: undefined, GITHUB_STEP_SUMMARY: undefined, TERM: 'xterm' };

const LOG = [
  '2026-11-25 10:00:05 ERROR Live migration of VM01 failed (0x800700AA)',
  'link.exe exited with code -1073741819',
  'CoInitialize hr=0x00000001',
  'NtWaitForSingleObject NTSTATUS 259',
  'read error 5 somewhere',
  'ControlService FAILED 1062:',
  'make: *** [all] Error 2',
  '',
].join('\n');

const CASES: [string, string[], string][] = [
  ['help', ['--help'], ''],
  ['version', ['--version'], ''],
  ['decode help', ['decode', '--help'], ''],
  ['lookup help', ['help', 'lookup'], ''],
  ['scan help', ['scan', '--help'], ''],
  ['encode help', ['encode', '--help'], ''],
  ['list help', ['list', '--help'], ''],
  ['decode text', ['decode', '0x800700AA', '0xC0000005', '5', '80070005', '0', 'NTSTATUS 259', '0x10000000', '--no-messages'], ''],
  ['decode --all', ['decode', '0x80070005', '--all', '--no-messages'], ''],
  ['decode colour', ['decode', '0x80070005', '0xDEADBEEF', '--color', '--no-messages'], ''],
  ['decode json', ['decode', '0x800700AA', 'E_FAIL', '80070005', 'hr=0xC0000022', 'oops', '--json', '--no-messages'], ''],
  ['decode line', ['decode', '--format', 'line', '0x800700AA', '1', '0xC0000005', '0x8007019E', '0x12345678', '--no-messages'], ''],
  ['decode errors', ['decode', '0x', '-1', '0x100000000', 'E_FIAL', '1.5', '--no-messages'], ''],
  ['decode stdin', ['decode', '--format', 'line', '--no-messages'], '0x80070005\n5 -2147467259\n'],
  ['lookup', ['lookup', 'ACCESS_DENIED'], ''],
  ['lookup json', ['lookup', 'E_BUSY', 'ERROR_ACESS_DENIED', '--json'], ''],
  ['search', ['search', 'access', 'denied'], ''],
  ['search json', ['search', 'migration', '--json'], ''],
  ['list facility', ['list', '--facility', 'DXGI'], ''],
  ['list kind json', ['list', '--kind', 'ntstatus', '--facility', 'NTWIN32', '--json'], ''],
  ['facilities', ['facilities'], ''],
  ['encode', ['encode', '--facility', 'WIN32', '--code', '170'], ''],
  ['encode nt json', ['encode', '--nt', '0xC0000022', '--json'], ''],
  ['encode refused', ['encode', '--win32', 'E_FAIL'], ''],
  ['property', ['property'], ''],
  ['property json', ['property', '--json'], ''],
  ['scan text', ['scan', '-'], LOG],
  ['scan summary', ['scan', '--summary', '-'], LOG],
  ['scan json', ['scan', '--json', '-'], LOG],
  ['scan github', ['scan', '--format', 'github', '-'], LOG],
  ['scan azure', ['scan', '--format', 'azure', '-'], LOG],
  ['scan low confidence, fail on failure', ['scan', '--min-confidence', 'low', '--fail-on', 'failure', '-'], LOG],
  ['scan nothing found', ['scan', '--fail-on', 'any', '-'], 'all good here\n'],
  ['completion bash', ['completion', 'bash'], ''],
  ['completion zsh', ['completion', 'zsh'], ''],
  ['completion fish', ['completion', 'fish'], ''],
  ['completion powershell', ['completion', 'powershell'], ''],
  ['unknown command', ['decod', '5'], ''],
  ['unknown option', ['lookup', '--nope', 'X'], ''],
];

test.each(CASES)('%s: mfr %j', async (_name, args, input) => {
  const r = await run(args, { input, env });
  expect(`exit ${r.status}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`).toMatchSnapshot();
});
