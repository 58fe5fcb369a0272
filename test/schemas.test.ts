// Every command's real JSON output, good inputs and bad, validates against the schema shipped in
// schemas/ (JSON Schema draft 2020-12).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';

const BIN = join(__dirname, '..', 'bin', 'mfr.js');
const DIR = join(__dirname, '..', 'schemas');
const MESSAGES = join(__dirname, 'fixtures', 'messages', 'system32');
const LOG = join(__dirname, 'corpus', 'win-platform', 'hyperv-live-migration-event-errors.log');

const ajv = new Ajv2020({ allErrors: true, strict: true });
for (const f of readdirSync(DIR)) ajv.addSchema(JSON.parse(readFileSync(join(DIR, f), 'utf8')));

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [BIN, ...args, '--json'], { input, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1', MFR_MESSAGES: undefined } });
}

function valid(schema: string, value: unknown): string[] {
  const check = ajv.getSchema(`urn:mfr:schema:${schema}`);
  if (!check) throw new Error(`no schema ${schema}`);
  return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

test.each([
  ['decode', ['decode', '0x800700AA', '5', 'NTSTATUS 259', 'E_FAIL', '0n5', '80070005', '0xZZ', '--messages', MESSAGES]],
  ['decode', ['decode', '0', '0xFFFFFFFF', '0xD0000022', '0xE0000246', '--no-messages']],
  ['lookup', ['lookup', 'E_ACCESSDENIED', 'ACCESS_DEN', 'NOSUCHNAMEATALL', '--messages', MESSAGES]],
  ['search', ['search', 'access', 'denied', '--messages', MESSAGES]],
  ['list', ['list', '--facility', 'WIN32']],
  ['list', ['list', '--facility', 'NOPE']],
  ['list', ['list', '--kind', 'ntstatus']],
  ['facilities', ['facilities']],
  ['encode', ['encode', '--win32', '5']],
  ['encode', ['encode', '--facility', 'NOPE', '--code', '1']],
  ['property', ['property']],
])('%s %j', (schema, args) => {
  const r = run(args as string[]);
  expect(r.error).toBeUndefined();
  const out = JSON.parse(r.stdout);
  expect(valid(schema, out)).toEqual([]);
  expect(out.length).toBeGreaterThan(0);
});

test.each([
  ['findings', ['scan', LOG, join(__dirname, 'missing.log')]],
  ['summary', ['scan', '--summary', LOG]],
  ['findings with message text', ['scan', '--messages', MESSAGES, '-']],
])('scan: every line (%s)', (_, args) => {
  const r = run(args as string[], 'CreateFile: error 5\nhr=0x80070005\n');
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines) expect(valid('scan', line)).toEqual([]);
});

test('the schemas refuse what the contract rules out', () => {
  const good = JSON.parse(run(['decode', '5', '--no-messages']).stdout);
  expect(valid('decode', good)).toEqual([]);
  expect(valid('decode', [{ ...good[0], hex: '0x0005' }])).not.toEqual([]);
  expect(valid('decode', [{ ...good[0], schemaVersion: 2 }])).not.toEqual([]);
  expect(valid('decode', [{ ...good[0], hresult: { ...good[0].hresult, facility: 0 } }])).not.toEqual([]);
  expect(valid('decode', [{ input: 'x', error: 'bad' }])).not.toEqual([]);
});

test('the package ships the schemas', () => {
  expect(require('../package.json').files).toContain('schemas/');
});
