// Properties over many generated inputs (fast-check), beside the table-driven tests.
import fc from 'fast-check';
import { decode } from '../src/core/decode';
import { hex32, parseDword, toSigned } from '../src/core/dword';
import { hresultFromNt, hresultFromWin32, ntstatusFromHresult, win32FromHresult } from '../src/core/hresult';
import { TextScanner } from '../src/core/scan';

const dword = fc.integer({ min: 0, max: 0xffffffff });

test('every DWORD reads back from its hex, unsigned and signed forms', () => {
  fc.assert(
    fc.property(dword, (v) => {
      expect(parseDword(hex32(v))).toBe(v);
      expect(parseDword(hex32(v).toLowerCase() + 'L')).toBe(v);
      expect(parseDword(String(v))).toBe(v);
      if (v >= 0x80000000) expect(parseDword(String(toSigned(v)))).toBe(v);
    }),
  );
});

test('HRESULT_FROM_WIN32 and HRESULT_FROM_NT are undone by their inverses', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 0xffff }), (w) => {
      expect(win32FromHresult(hresultFromWin32(w))).toBe(w);
    }),
  );
  fc.assert(
    fc.property(dword, (nt) => {
      const v = nt & ~0x10000000;
      expect(ntstatusFromHresult(hresultFromNt(v >>> 0))).toBe(v >>> 0);
    }),
  );
});

test('decode never throws on a DWORD and always says its hex', () => {
  fc.assert(
    fc.property(dword, (v) => {
      const d = decode(v);
      expect(d.hex).toBe(hex32(v));
      expect(d.interpretations.length).toBeGreaterThan(0);
    }),
    { numRuns: 300 },
  );
});

const LINES = [
  'INFO all is well at 0x00007FF6A1B2C3D4',
  'ERROR Live migration failed (0x800700AA)',
  'Exception from HRESULT: 0x80070005 (E_ACCESSDENIED)',
  'exit code -1073741819',
  'Win32 error 1722',
  'connect: WSAECONNREFUSED',
  'Überprüfung: HResult: -2147024891\r',
  '',
];

test('the findings do not depend on how the text is cut into chunks', () => {
  const text = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 30 }).map((ls) => ls.join('\n'));
  fc.assert(
    fc.property(text, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }), (t, cuts) => {
      const whole = new TextScanner();
      const expected = [...whole.push(t), ...whole.end()].map((f) => [f.line, f.column, f.value, f.text]);
      const pieces = new TextScanner();
      const got: unknown[] = [];
      let at = 0;
      for (const n of cuts) {
        got.push(...pieces.push(t.slice(at, at + n)).map((f) => [f.line, f.column, f.value, f.text]));
        at += n;
      }
      got.push(...pieces.push(t.slice(at)).map((f) => [f.line, f.column, f.value, f.text]));
      got.push(...pieces.end().map((f) => [f.line, f.column, f.value, f.text]));
      expect(got).toEqual(expected);
    }),
    { numRuns: 200 },
  );
});
