// The CLI's start-up and bulk paths as a user meets them: the code cache in the user's cache
// folder, and many values on stdin (read a chunk at a time, repeats rendered once).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode, decodeInput, decodeRead, readInput } from '../src/core/decode';
import { decodedLine } from '../src/cli/render/text';
import { codeRow, packRows } from '../src/cli/rows';
import { decodedElementParts, decodedJson, decodedProperties, element, jsonArray, propertyLines } from '../src/cli/render/json';
import { ByteSlots, ClockCache } from '../src/cli/clock';
import { ByteOutput } from '../src/cli/io';
import { listCodes } from '../src/core/query';
import { allCodes } from '../src/data/db';


const BIN = join(__dirname, '..', 'bin', 'mfr.js');

function mfr(args: string[], env: Record<string, string | undefined> = {}, input = '') {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1', MFR_MESSAGES: undefined, ...env } as NodeJS.ProcessEnv });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fresh = (): string => mkdtempSync(join(tmpdir(), 'mfr-cache-test-'));
const caches = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.v8cache')).sort() : []);
const STEM = new RegExp(`^mfr\\.decode-[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8cache$`);

describe('the code cache', () => {

  test('the first run writes it, later runs use it and print the same', () => {
    const dir = fresh();
    const first = mfr(['decode', '0x800700AA'], { MFR_CACHE_DIR: dir });
    expect(caches(dir)).toEqual([expect.stringMatching(STEM)]);
    const file = join(dir, caches(dir)[0] as string);
    const written = statSync(file).mtimeMs;
    const second = mfr(['decode', '0x800700AA'], { MFR_CACHE_DIR: dir });
    expect(second).toEqual(first);
    expect(first.stdout).toMatch(/^0x800700AA\n {2}hex {10}0x800700AA\n/);
    expect(statSync(file).mtimeMs).toBe(written);
  });

  test('each command has a cache of its own: one made by --version would hold little of decode', () => {
    const dir = fresh();
    mfr(['--version'], { MFR_CACHE_DIR: dir });
    mfr(['0x800700AA'], { MFR_CACHE_DIR: dir });
    mfr(['lookup', 'E_FAIL'], { MFR_CACHE_DIR: dir });
    expect(caches(dir).map((f) => f.split('-')[0])).toEqual(['mfr.decode', 'mfr.lookup', 'mfr.options']);
  });

  test('a damaged cache is refused by V8 and written anew; the output does not change', () => {
    const dir = fresh();
    const good = mfr(['lookup', 'E_FAIL'], { MFR_CACHE_DIR: dir });
    const file = join(dir, caches(dir)[0] as string);
    writeFileSync(file, Buffer.alloc(4096, 0x5a));
    expect(mfr(['lookup', 'E_FAIL'], { MFR_CACHE_DIR: dir })).toEqual(good);
    expect(readFileSync(file).equals(Buffer.alloc(4096, 0x5a))).toBe(false);
  });

  test('other builds\' caches stay (two installs may share the folder), but only the newest four for this Node', () => {
    const dir = fresh();
    const older = ['0000000000000001', '0000000000000002', '0000000000000003', '0000000000000004'].map((id) => `mfr.decode-${id}-${process.version}-${process.arch}.v8cache`);
    const otherNode = `mfr.decode-0123456789abcdef-v99.0.0-${process.arch}.v8cache`;
    // The first is the oldest.
    older.forEach((f, i) => {
      writeFileSync(join(dir, f), 'x');
      utimesSync(join(dir, f), new Date(2020, 0, 1 + i), new Date(2020, 0, 1 + i));
    });
    writeFileSync(join(dir, otherNode), 'x');
    mfr(['decode', '5'], { MFR_CACHE_DIR: dir });
    const left = caches(dir);
    expect(left).toHaveLength(5);
    expect(left).toContain(otherNode);
    expect(left).not.toContain(older[0]);
    expect(left).toEqual(expect.arrayContaining(older.slice(1)));
    // A second build, sharing the folder, does not take the first one's cache away.
    const mineNow = left.find((f) => STEM.test(f) && !older.includes(f)) as string;
    writeFileSync(join(dir, 'mfr.decode-00000000000000ff-' + process.version + '-' + process.arch + '.v8cache'), 'x');
    mfr(['decode', '6'], { MFR_CACHE_DIR: dir });
    expect(caches(dir)).toContain(mineNow);
  });

  test('it goes to XDG_CACHE_HOME, else ~/.cache; MFR_CACHE_DIR set empty turns it off', () => {
    const home = fresh();
    const xdg = fresh();
    const env = { MFR_CACHE_DIR: undefined, HOME: home, XDG_CACHE_HOME: undefined };
    if (process.platform === 'linux') {
      mfr(['decode', '5'], env);
      expect(caches(join(home, '.cache', 'mfr'))).toHaveLength(1);
      mfr(['decode', '5'], { ...env, XDG_CACHE_HOME: xdg });
      expect(caches(join(xdg, 'mfr'))).toHaveLength(1);
    }
    const off = fresh();
    expect(mfr(['decode', '5'], { MFR_CACHE_DIR: '', HOME: off, XDG_CACHE_HOME: undefined, LOCALAPPDATA: off }).status).toBe(0);
    expect(readdirSync(off)).toEqual([]);
  });

  test('a cache folder that cannot be made costs nothing but speed: same output, nothing on stderr', () => {
    const dir = fresh();
    const blocked = join(dir, 'file');
    writeFileSync(blocked, 'not a folder');
    const r = mfr(['decode', '5'], { MFR_CACHE_DIR: join(blocked, 'mfr') });
    expect(r).toEqual(mfr(['decode', '5'], { MFR_CACHE_DIR: '' }));
    expect(r.stderr).toBe('');
  });

  test('commands in bundles of their own (scan, encode) are cached too', () => {
    const dir = fresh();
    expect(mfr(['encode', '--win32', '5'], { MFR_CACHE_DIR: dir }).stdout).toContain('0x80070005');
    expect(mfr(['scan', '--help'], { MFR_CACHE_DIR: dir }).status).toBe(0);
    expect(caches(dir).map((f) => f.split('-')[0])).toEqual(['encode', 'mfr.encode', 'mfr.scan', 'scan']);
  });
});

describe('many values on stdin', () => {
  // Tokens of every kind, repeated, with bad ones among them: 30,000 in all, so that stdin comes
  // in many chunks and tokens straddle their edges.
  const tokens = ['0x800700AA', '5', '-2147024891', 'E_FAIL', 'c0000005', '0xZZ', '259', '0xDEADBEEF', 'hr=0x80070005', 'nosuchcode', '4294967295'];
  const input = Array.from({ length: 30_000 }, (_, i) => `${tokens[(i * 7) % tokens.length]}${i % 3 ? ' ' : '\n'}`).join('');
  const values = input.split(/\s+/).filter(Boolean);

  test('--format line: one line per good value, in order, as decoding each alone gives; one error per bad one', () => {
    const r = mfr(['decode', '--format', 'line', '--no-messages'], {}, input);
    const good = values.filter((v) => v !== '0xZZ' && v !== 'nosuchcode');
    expect(r.stdout).toBe(good.map((v) => decodedLine(decodeInput(v))).join(''));
    const errors = r.stderr.split('\n').filter(Boolean);
    expect(errors).toHaveLength(values.length - good.length);
    expect(errors.filter((e) => e.startsWith('mfr: "0xZZ": '))).toHaveLength(values.filter((v) => v === '0xZZ').length);
    expect(r.status).toBe(2);
  });

  test('--json: one element per value, errors in their places, the same element for each repeat', () => {
    const r = mfr(['decode', '--json', '--no-messages'], {}, input);
    const out = JSON.parse(r.stdout) as { input: string; error?: string; name?: string }[];
    expect(out.map((o) => o.input)).toEqual(values);
    expect(out.filter((o) => o.input === '0xZZ').every((o) => typeof o.error === 'string')).toBe(true);
    const seen = new Map<string, string>();
    for (const o of out) {
      const text = JSON.stringify(o);
      expect(seen.get(o.input) ?? text).toBe(text);
      seen.set(o.input, text);
    }
    expect(out.find((o) => o.input === '0x800700AA')?.name).toBe('E_BUSY');
  });

  test('an error is written where its value stands among the output', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" decode --format line --no-messages 5 0xZZ 7 2>&1`], { encoding: 'utf8' });
    expect(r.stdout.split('\n').map((l) => l.slice(0, 14))).toEqual(['0x00000005 (WI', 'mfr: "0xZZ": n', '0x00000007 (WI', '']);
  });

  test('a reader that stops early ends a bulk run quietly, exit 0', () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'values.txt'), Array.from({ length: 300_000 }, (_, i) => String(i)).join('\n'));
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" decode --json < "${join(dir, 'values.txt')}" | head -3`], { encoding: 'utf8' });
    expect(r.stdout).toBe('[\n  {\n    "schemaVersion": 1,\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('a bulk run renders a value once and the input around it each time', () => {
  // Inputs of every notation, with a note (80070005: both readings name codes), a name, a keyword.
  const inputs = ['0x80070005', '80070005', '-2147024891', '2147942405', 'E_ACCESSDENIED', 'ERROR_ACCESS_DENIED', 'hr=0x80070005', 'NTSTATUS 259', '259', '0xDEADBEEF', '(0x80070005).', '10000000', '0n5'];
  const messages = [{ text: 'Zugriff verweigert', lang: 'de-DE', source: 'x.dll' }];

  test('a value written field by field is JSON.stringify of decodedJson: every code in the table, and random values', () => {
    let seed = 20261126;
    const values = [...new Set(allCodes().map((c) => c.value))];
    for (let i = 0; i < 20000; i++) values.push((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0));
    let differ = 0;
    let first = '';
    for (const v of values) {
      const d = decode(v);
      if (decodedProperties(d) !== propertyLines(decodedJson(d))) differ++, (first ||= d.hex);
    }
    expect({ differ, first }).toEqual({ differ: 0, first: '' });
    expect(values.length).toBeGreaterThan(30000);
  });

  test.each(inputs)('%s: the value field by field, with what the input says (a name first, a kind first)', (input) => {
    const d = decodeRead(readInput(input));
    expect(decodedProperties(d)).toBe(propertyLines(decodedJson(d)));
  });

  test('strings that need escaping are escaped as JSON.stringify does', () => {
    const d = decode(0x80070005);
    for (const text of ['say "no"', 'back\\slash', 'tab\there', 'lone \ud800 surrogate', 'pair \ud83d\ude00 ok', 'line\u2028sep', '\u007f']) {
      const odd = { ...d, description: text, names: [{ ...d.names[0]!, name: text }] };
      expect(decodedProperties(odd)).toBe(propertyLines(decodedJson(odd)));
    }
  });

  test.each(inputs)('%s: JSON from parts is JSON.stringify of the whole', (input) => {
    const read = readInput(input);
    for (const m of [[], messages]) {
      const whole = element({ ...decodedJson(decodeInput(input)), messages: m });
      const [before, after] = decodedElementParts(read, m);
      expect(before + propertyLines(decodedJson(decodeRead(read))) + after).toBe(whole);
    }
  });

  // One run keeps what each value gives and shares it among that value's inputs: the output must
  // be what each input gives in a run of its own (no note, name order or input line carried over).
  test.each([[[]], [['--json']], [['--format', 'line']], [['--all']]])('one run of every input prints what separate runs print (%j)', (flags) => {
    const alone = inputs.map((v) => mfr(['decode', '--no-messages', ...flags, v]).stdout);
    const together = mfr(['decode', '--no-messages', ...flags, ...inputs, ...inputs]).stdout;
    const expected = flags.includes('--json')
      ? `[\n${[...alone, ...alone].map((o) => o.slice(2, -3)).join(',\n')}\n]\n`
      : flags.includes('line')
        ? [...alone, ...alone].join('')
        : [...alone, ...alone].join('\n');
    expect(together).toBe(expected);
  });
});

describe('list --json: rows rendered at build time are the rows the renderer writes', () => {
  test.each([[[]], [['--kind', 'win32']], [['--facility', 'DXGI']], [['--facility', '7']], [['--kind', 'ntstatus', '--facility', 'NTWIN32']], [['--kind', 'win32', '--facility', 'DXGI']]])('list --json %j', (args) => {
    const r = mfr(['list', '--json', ...args]);
    const opt = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
    const codes = listCodes({ kind: opt('--kind') as 'win32' | 'ntstatus' | undefined, facility: opt('--facility') });
    expect(r.stdout).toBe(jsonArray(codes.map(codeRow)));
    expect(r.status).toBe(0);
  });

  test('the packed rows, joined, are jsonArray of every code', () => {
    const bytes = packRows();
    const words = new Uint32Array(bytes.buffer, 0, 2);
    const count = words[1] as number;
    const text = Buffer.from(bytes.subarray(8 + (count + 1) * 4)).toString('utf8');
    expect(`[\n${text.slice(0, -2)}\n]\n`).toBe(jsonArray(allCodes().map(codeRow)));
  });
});

describe('the bulk cache (CLOCK)', () => {
  test('keeps at most its size, drops what was not used since the hand passed, and tells of each drop', () => {
    const dropped: string[] = [];
    const c = new ClockCache<string>(3, 1000, (v) => dropped.push(v));
    c.set('a', 'A', 1);
    c.set('b', 'B', 1);
    c.set('c', 'C', 1);
    expect(c.get('a')).toBe('A');
    c.set('d', 'D', 1);
    // a was used: the hand clears its mark and drops b, the first unused.
    expect(dropped).toEqual(['B']);
    expect([c.get('a'), c.get('b'), c.get('c'), c.get('d')]).toEqual(['A', undefined, 'C', 'D']);
    expect(c.count).toBe(3);
  });

  test('keeps at most its budget of bytes, dropping as many as it takes', () => {
    const dropped: string[] = [];
    const c = new ClockCache<string>(100, 10, (v) => dropped.push(v));
    c.set('a', 'A', 4);
    c.set('b', 'B', 4);
    c.set('c', 'C', 9);
    expect(dropped).toEqual(['A', 'B']);
    expect([c.count, c.bytes, c.get('c')]).toEqual([1, 9, 'C']);
    c.set('d', 'D', 1);
    c.set('e', 'E', 1);
    // c was read: the hand passes it and drops d, the first unused, which is enough.
    expect([c.count, c.bytes, c.get('c'), c.get('e')]).toEqual([2, 10, 'C', 'E']);
    expect(dropped).toEqual(['A', 'B', 'D']);
  });
});

describe('bulk output gathered into one buffer', () => {
  test('texts and bytes of every size come out whole and in order, in writes no larger than the buffer', () => {
    const writes: Buffer[] = [];
    const out = new ByteOutput((b) => writes.push(Buffer.from(b)), 16);
    const parts: (string | Buffer)[] = ['ab', Buffer.from('cdef'), 'é€😀', 'x'.repeat(40), Buffer.from('y'.repeat(17)), '', 'z'];
    for (const p of parts) typeof p === 'string' ? out.text(p) : out.bytes(p);
    out.flush();
    out.flush();
    expect(Buffer.concat(writes).toString()).toBe(parts.map(String).join(''));
    // Only a part longer than the buffer is written by itself; nothing empty is written.
    expect(writes.map((w) => w.length)).toEqual([6, 9, 40, 17, 1]);
  });
});

describe('slots for kept bytes', () => {
  test('a slot given back is used again for the next of its size, and kept bytes stay as they were', () => {
    const slots = new ByteSlots();
    const a = slots.take('a'.repeat(100));
    const b = slots.take('b'.repeat(300));
    const c = slots.take('ü'.repeat(100));
    const long = slots.take('l'.repeat(9000));
    expect([a.length, b.length, c.length, long.length]).toEqual([100, 300, 200, 9000]);
    expect([ByteSlots.held(100), ByteSlots.held(300), ByteSlots.held(200), ByteSlots.held(9000), ByteSlots.held(0)]).toEqual([128, 384, 256, 9000, 128]);
    slots.give(a);
    slots.give(long);
    const d = slots.take('d'.repeat(120));
    // The same memory as a's slot: 120 bytes need one step of 128, as 100 did.
    expect([d.buffer === a.buffer, d.byteOffset]).toEqual([true, a.byteOffset]);
    const e = slots.take('e'.repeat(129));
    expect(e.byteOffset).not.toBe(a.byteOffset);
    expect([d.toString(), b.toString(), c.toString(), e.toString()]).toEqual(['d'.repeat(120), 'b'.repeat(300), 'ü'.repeat(100), 'e'.repeat(129)]);
  });
});
