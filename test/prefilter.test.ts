// scan's compiled first pass must not change what scan finds: the findings with it are the
// findings of the whole-text search, on the corpus and on random mixes of codes and decoys.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextScanner } from '../src/core/scan';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadCorpus } = require('./corpus-score.js');

function findings(text: string, oneByte: boolean, chunk = 65536): string[] {
  const s = new TextScanner({ minConfidence: 'medium', oneByte });
  const out = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...s.push(text.slice(i, i + chunk)));
  out.push(...s.end());
  return out.map((f) => `${f.line}:${f.column} ${f.text} ${f.value.toString(16)} ${f.kind} ${f.confidence} ${f.why.join('; ')}`);
}

test('on every corpus excerpt, the same findings with and without the first pass', () => {
  let compared = 0;
  for (const e of loadCorpus(join(__dirname, 'corpus'))) {
    const text = readFileSync(e.path, 'latin1');
    const whole = findings(text, false);
    expect({ file: e.file, found: findings(text, true) }).toEqual({ file: e.file, found: whole });
    compared += whole.length;
  }
  expect(compared).toBeGreaterThan(150);
});

const PIECES = [
  'hr=0x80004005', 'HRESULT: 0x80070005 (E_ACCESSDENIED)', 'error 5', 'C:\\app.exe', '[WinError 1455]', 'exited with code -1073741819',
  'errno 3221225477', 'NTSTATUS 259', 'HResult:\n   -2147024891', 'tid(b20) 800705AA Insufficient', 'P7: c0000005', '(-7ff8ffa9)',
  'Wsl/CallMsi/E_ABORT', 'RollbackErrorCode = 0xC1900101', 'Error0xC004F074', 'specified. (0x2)', '[0x520]', 'resultMapped=80070643',
  "ErrorCode = '0x80004005 : c0000135'", 'GetLastError() = 5', 'exit code is 1603', 'failed = 1', 'errorCount=5', 'terror 5',
  'make: *** [all] Error 2', 'npm error 404 Not Found', 'flags=0x80000000', 'tid 0x8abc1234', '0x00007FF6A1B2C3D4',
  '{6B29FC40-CA47-1067-B31D-00DD010662DA}', '2026-11-25T10:15:30.123Z', 'version 10.0.19041.5', 'x', ' ', '\n', ':', '=', '-', '(', ')',
  'status', 'code', 'Win32Exception (5)', 'WSAECONNREFUSED', '0xFFFFFFFF80070005', 'HypercallStatus:c035000b', 'exit_code=-1073740791',
];

test('on random mixes of codes and decoys, cut into random chunks, the same findings', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 50 }), (parts, chunk) => {
      const text = parts.join(' ');
      expect(findings(text, true, chunk)).toEqual(findings(text, false, chunk));
    }),
    { numRuns: 1000 },
  );
});

test('the committed first pass is what its source compiles to', () => {
  const fresh = execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build-wasm.mjs'), '--print'], { encoding: 'utf8' });
  expect(readFileSync(join(__dirname, '..', 'src', 'core', 'prefilter.wasm.ts'), 'utf8') === fresh).toBe(true);
}, 60_000);
