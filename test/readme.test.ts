// The README's facts are checked against the code, not typed and forgotten.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT } from '../src/cli/io';
import { decodeInput } from '../src/core/decode';
import { decodedJson } from '../src/cli/render/json';
import { allCodes, allFacilities } from '../src/data/db';
import { writtenCount } from '../src/data/describe';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const n = (x: number) => x.toLocaleString('en-US');

test('the first lines are the two set-up commands', () => {
  const firstCode = readme.split('```')[1] ?? '';
  expect(firstCode).toContain('npm ci && npm run build && npx mfr decode 0x800700AA');
  expect(firstCode).toContain('npm test');
});

test('the counts in the README are the counts of the committed tables', () => {
  const codes = allCodes();
  const kind = (k: string) => codes.filter((c) => c.kind === k).length;
  const facilities = (space: string) => allFacilities().filter((f) => f.space === space).length;
  const sentence = readme.replace(/\s+/g, ' ');
  expect(sentence).toContain(
    `${n(codes.length)} codes (${n(kind('hresult'))} HRESULTs, ${n(kind('win32'))} Win32 errors, ${n(kind('ntstatus'))} NTSTATUS values) ` +
      `in ${facilities('hresult')} HRESULT and ${facilities('ntstatus')} NTSTATUS facilities, ${n(writtenCount())} of them with descriptions written for mfr`,
  );
  expect(sentence).toContain(`${n(writtenCount())} codes have a description written for mfr`);
  expect(writtenCount()).toBeGreaterThanOrEqual(400);
});

test('the decode --json field table of the README lists exactly the fields decode prints', () => {
  const section = readme.slice(readme.indexOf('`decode --json`'), readme.indexOf('`lookup --json`'));
  const documented = section
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .flatMap((l) => [...(l.split('|')[1] ?? '').matchAll(/`(\w+)`/g)].map((m) => m[1]));
  const d = { ...decodedJson(decodeInput('0x800700AA')), messages: [] };
  expect(documented.sort()).toEqual(Object.keys(d).sort());
  // The nested objects' fields are listed in their rows.
  const row = (field: string) => section.split('\n').find((l) => l.startsWith(`| \`${field}\``)) ?? '';
  for (const key of Object.keys(d.hresult)) expect(row('hresult')).toContain(key);
  for (const key of Object.keys(d.ntstatus)) expect(row('ntstatus')).toContain(key);
  for (const key of Object.keys(d.interpretations[0] ?? {})) expect(row('interpretations')).toContain(key);
});

test('every exit code the CLI uses is documented', () => {
  for (const code of Object.values(EXIT)) expect(readme).toMatch(new RegExp(`\\| ${code} \\| \\w`));
});

test('the example output in the README is what mfr prints', () => {
  const { spawnSync } = require('node:child_process');
  const example = /```\n\$ mfr decode 0x800700AA\n([\s\S]*?)```/.exec(readme)?.[1];
  const r = spawnSync(process.execPath, [join(__dirname, '..', 'bin', 'mfr.js'), 'decode', '0x800700AA', '--no-messages'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, MFR_MESSAGES: undefined },
  });
  expect(r.stdout).toBe(example);
});
