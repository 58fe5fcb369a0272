import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DEFAULT_WSL_ROOT,
  type LoadMessageOptions,
  MESSAGE_MODULES,
  languageRank,
  loadMessageSources,
  preferredLanguage,
} from '../src/cli/messages';

const FIX = path.join(__dirname, 'fixtures', 'messages');
const SYS = path.join(FIX, 'system32');
const NOWHERE = path.join(os.tmpdir(), 'mfr-test-no-such-folder');

const TEXT = {
  en5: 'Fixture: access is refused.',
  de5: 'Fixture: Der Zugang wird abgelehnt (äöü ß).',
  fr5: "Fixture : l'accès est refusé (é è ç).",
  enHr: 'Fixture: access is refused (as an HRESULT).',
  deHr: 'Fixture: Der Zugang wird abgelehnt (als HRESULT).',
  nt22: '{Fixture} A process asked for access it may not have.',
  notListed: 'Fixture: this text comes from a module that a folder scan ignores.',
};

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mfr-messages-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function copy(from: string, to: string): string {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  return to;
}

function sources(over: Partial<LoadMessageOptions>, lines?: string[]) {
  return loadMessageSources({
    paths: [],
    env: {},
    platform: 'linux',
    wslRoot: NOWHERE,
    verbose: lines ? (l) => lines.push(l) : undefined,
    ...over,
  });
}

describe('a folder laid out like System32', () => {
  test.each([
    ['de-DE', TEXT.de5, 'de-DE', 'de-DE/kernelbase.dll.mui'],
    ['fr-FR', TEXT.fr5, 'fr-FR', 'fr-FR/kernelbase.dll.mui'],
    ['en-US', TEXT.en5, 'en-US', 'en-US/kernelbase.dll.mui'],
    [undefined, TEXT.en5, 'en-US', 'en-US/kernelbase.dll.mui'],
    ['ja-JP', TEXT.en5, 'en-US', 'en-US/kernelbase.dll.mui'], // no Japanese: en-US
    ['de-AT', TEXT.de5, 'de-DE', 'de-DE/kernelbase.dll.mui'], // same language, other region
  ])('lang %s → %s', (lang, text, tag, file) => {
    const s = sources({ paths: [SYS], lang });
    expect(s.lookup(5)).toEqual([{ text, lang: tag, source: path.join(SYS, file) }]);
    expect(s.problems).toEqual([]);
  });

  test('HRESULT, NTSTATUS and Win32 values; signed and unsigned forms; misses', () => {
    const s = sources({ paths: [SYS], lang: 'de-DE' });
    expect(s.lookup(0x80070005)).toEqual([{ text: TEXT.deHr, lang: 'de-DE', source: path.join(SYS, 'de-DE/kernelbase.dll.mui') }]);
    expect(s.lookup(-2147024891)).toEqual(s.lookup(0x80070005));
    // ntdll.dll has English only: that is the best it has for a German user.
    expect(s.lookup(0xc0000022)).toEqual([{ text: TEXT.nt22, lang: 'en-US', source: path.join(SYS, 'ntdll.dll') }]);
    expect(s.lookup(1722)[0]!.text).toBe('Fixture: Der Server %1 ist für Aufruf %2 nicht erreichbar.');
    expect(s.lookup(999)).toEqual([]);
  });

  test('modules not on the list are ignored; only the wanted satellites are read', () => {
    const s = sources({ paths: [SYS], lang: 'de-DE' });
    expect(s.lookup(5).map((t) => t.text)).not.toContain(TEXT.notListed);
    expect(s.read).toEqual([
      path.join(SYS, 'kernelbase.dll'),
      path.join(SYS, 'de-DE/kernelbase.dll.mui'),
      path.join(SYS, 'en-US/kernelbase.dll.mui'),
      path.join(SYS, 'ntdll.dll'),
    ]);
  });

  test('a value missing in the wanted language falls back per value', () => {
    copy(path.join(SYS, 'kernelbase.dll'), path.join(tmp, 'kernelbase.dll'));
    copy(path.join(SYS, 'en-US/kernelbase.dll.mui'), path.join(tmp, 'en-US/kernelbase.dll.mui'));
    // A German satellite whose block for 0x800700AA is renumbered to 0x800700AB.
    const de = Buffer.from(fs.readFileSync(path.join(SYS, 'de-DE/kernelbase.dll.mui')));
    const block = Buffer.from([0xaa, 0x00, 0x07, 0x80, 0xaa, 0x00, 0x07, 0x80]);
    const at = de.indexOf(block);
    expect(at).toBeGreaterThan(0);
    de.writeUInt32LE(0x800700ab, at);
    de.writeUInt32LE(0x800700ab, at + 4);
    fs.mkdirSync(path.join(tmp, 'de-DE'));
    fs.writeFileSync(path.join(tmp, 'de-DE/kernelbase.dll.mui'), de);
    const s = sources({ paths: [tmp], lang: 'de-DE' });
    expect(s.lookup(5)).toEqual([{ text: TEXT.de5, lang: 'de-DE', source: path.join(tmp, 'de-DE/kernelbase.dll.mui') }]);
    expect(s.lookup(0x800700aa)).toEqual([
      { text: 'Fixture: the thing is busy (as an HRESULT).', lang: 'en-US', source: path.join(tmp, 'en-US/kernelbase.dll.mui') },
    ]);
    expect(s.lookup(0x800700ab)[0]).toMatchObject({ text: 'Fixture: Das Ding ist belegt (als HRESULT).', lang: 'de-DE' });
  });

  test('one file with several languages gives one result, in the best language', () => {
    const s = sources({ paths: [path.join(FIX, 'multi64.dll')], lang: 'de-DE' });
    expect(s.lookup(5)).toEqual([{ text: TEXT.de5, lang: 'de-DE', source: path.join(FIX, 'multi64.dll') }]);
  });

  test('with neither the language nor en-US, any language present is used', () => {
    copy(path.join(SYS, 'kernelbase.dll'), path.join(tmp, 'kernelbase.dll'));
    copy(path.join(SYS, 'fr-FR/kernelbase.dll.mui'), path.join(tmp, 'fr-FR/kernelbase.dll.mui'));
    const s = sources({ paths: [tmp], lang: 'ja-JP' });
    expect(s.lookup(5)).toEqual([{ text: TEXT.fr5, lang: 'fr-FR', source: path.join(tmp, 'fr-FR/kernelbase.dll.mui') }]);
  });

  test('module and folder names are matched without regard to case', () => {
    copy(path.join(SYS, 'kernelbase.dll'), path.join(tmp, 'KernelBase.dll'));
    copy(path.join(SYS, 'de-DE/kernelbase.dll.mui'), path.join(tmp, 'DE-de/KERNELBASE.DLL.MUI'));
    const s = sources({ paths: [tmp], lang: 'de-DE' });
    expect(s.lookup(5)).toEqual([{ text: TEXT.de5, lang: 'de-DE', source: path.join(tmp, 'DE-de/KERNELBASE.DLL.MUI') }]);
  });

  test('verbose: one line per folder scanned and per file read', () => {
    const lines: string[] = [];
    const s = sources({ paths: [SYS], lang: 'de-DE' }, lines);
    expect(lines).toEqual([]); // nothing is read before the first lookup
    s.lookup(5);
    expect(lines).toEqual([
      `messages: scanned ${SYS}: 2 of ${MESSAGE_MODULES.length} known modules found`,
      `messages: read ${path.join(SYS, 'kernelbase.dll')}: no message table`,
      `messages: read ${path.join(SYS, 'de-DE/kernelbase.dll.mui')}: 6 messages in de-DE`,
      `messages: read ${path.join(SYS, 'en-US/kernelbase.dll.mui')}: 6 messages in en-US`,
      `messages: read ${path.join(SYS, 'ntdll.dll')}: 3 messages in en-US`,
    ]);
    s.lookup(0x80070005);
    expect(lines).toHaveLength(5); // files are read once
  });
});

describe('single files', () => {
  test('a file named explicitly is read even when not on the module list', () => {
    const s = sources({ paths: [path.join(SYS, 'notlisted.dll')] });
    expect(s.lookup(5)).toEqual([{ text: TEXT.notListed, lang: 'en-US', source: path.join(SYS, 'notlisted.dll') }]);
  });

  test.each([
    ['multi64.dll', 'fr-FR', TEXT.fr5, 'fr-FR'],
    ['multi32-ansi.dll', 'de-DE', TEXT.de5, 'de-DE'],
    ['multi32-ansi.dll', 'pt-BR', TEXT.en5, 'en-US'],
  ])('%s in %s', (file, lang, text, tag) => {
    const s = sources({ paths: [path.join(FIX, file)], lang });
    expect(s.lookup(5)).toEqual([{ text, lang: tag, source: path.join(FIX, file) }]);
  });

  test('a file and a folder: one result per module, identical texts once', () => {
    const s = sources({ paths: [path.join(SYS, 'notlisted.dll'), SYS, path.join(FIX, 'multi64.dll')] });
    expect(s.lookup(5).map((t) => [t.text, path.relative(FIX, t.source)])).toEqual([
      [TEXT.notListed, 'system32/notlisted.dll'],
      [TEXT.en5, 'system32/en-US/kernelbase.dll.mui'],
      // multi64.dll says the same in en-US: not repeated
    ]);
  });
});

describe('where the files come from', () => {
  test('MFR_MESSAGES is a path list (":" on Linux)', () => {
    const env = { MFR_MESSAGES: `${path.join(SYS, 'ntdll.dll')}:${path.join(SYS, 'notlisted.dll')}` };
    const s = sources({ env });
    expect(s.read).toEqual([path.join(SYS, 'ntdll.dll'), path.join(SYS, 'notlisted.dll')]);
  });

  test('MFR_MESSAGES uses ";" on Windows', () => {
    const env = { MFR_MESSAGES: `${path.join(SYS, 'ntdll.dll')};;${path.join(SYS, 'notlisted.dll')}`, SystemRoot: NOWHERE };
    const s = sources({ env, platform: 'win32' });
    expect(s.read).toEqual([path.join(SYS, 'ntdll.dll'), path.join(SYS, 'notlisted.dll')]);
  });

  test('--messages paths win over MFR_MESSAGES', () => {
    const s = sources({ paths: [path.join(SYS, 'ntdll.dll')], env: { MFR_MESSAGES: SYS } });
    expect(s.read).toEqual([path.join(SYS, 'ntdll.dll')]);
  });

  test('WSL: the Windows folder is found at the WSL root', () => {
    const s = sources({ wslRoot: SYS, lang: 'fr-FR' });
    expect(s.lookup(5)[0]).toMatchObject({ text: TEXT.fr5, lang: 'fr-FR' });
  });

  test('on Linux with no folder given, the Windows folder is looked for at /mnt/c/Windows/System32 (WSL)', () => {
    const lines: string[] = [];
    const s = sources({ wslRoot: undefined }, lines);
    s.lookup(5);
    if (fs.existsSync(DEFAULT_WSL_ROOT)) expect(s.read.length).toBeGreaterThan(0);
    else expect(lines).toEqual(['messages: no Windows message files (/mnt/c/Windows/System32 not found); name some with --messages or MFR_MESSAGES']);
  });

  test('no Windows folder: nothing read, no problem, a verbose hint', () => {
    const lines: string[] = [];
    const s = sources({ wslRoot: NOWHERE }, lines);
    expect(s.lookup(5)).toEqual([]);
    expect(s.read).toEqual([]);
    expect(s.problems).toEqual([]);
    expect(lines).toEqual([`messages: no Windows message files (${NOWHERE} not found); name some with --messages or MFR_MESSAGES`]);
  });

  test('Windows: %SystemRoot%\\System32', () => {
    copy(path.join(SYS, 'ntdll.dll'), path.join(tmp, 'System32', 'ntdll.dll'));
    const s = sources({ platform: 'win32', env: { SystemRoot: tmp } });
    expect(s.lookup(0xc0000022)).toEqual([{ text: TEXT.nt22, lang: 'en-US', source: path.join(tmp, 'System32', 'ntdll.dll') }]);
  });

  test('Windows auto-detection ignores the WSL root', () => {
    const s = sources({ platform: 'win32', env: { SystemRoot: NOWHERE }, wslRoot: SYS });
    expect(s.read).toEqual([]);
  });
});

describe('language', () => {
  test.each<[string | undefined, NodeJS.ProcessEnv, string | undefined]>([
    ['de-DE', {}, 'de-DE'],
    ['de_de', {}, 'de-DE'],
    ['sr-latn-rs', {}, 'sr-Latn-RS'],
    [undefined, { LANG: 'de_DE.UTF-8' }, 'de-DE'],
    [undefined, { LANG: 'fr_FR@euro' }, 'fr-FR'],
    [undefined, { LANG: 'de_DE.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8' }, 'fr-FR'],
    [undefined, { LANG: 'de_DE.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8', LC_ALL: 'ja_JP.UTF-8' }, 'ja-JP'],
    [undefined, { LANG: 'de_DE.UTF-8', LC_ALL: '' }, 'de-DE'],
    [undefined, { LANG: 'C.UTF-8' }, undefined],
    [undefined, { LANG: 'POSIX' }, undefined],
    [undefined, {}, undefined],
    ['it-IT', { LC_ALL: 'de_DE.UTF-8' }, 'it-IT'],
  ])('lang %s, env %j → %s', (lang, env, tag) => {
    expect(preferredLanguage(lang, env)).toBe(tag);
  });

  test('the language comes from the environment', () => {
    const s = sources({ paths: [SYS], env: { LANG: 'de_DE.UTF-8' } });
    expect(s.lookup(5)[0]!.lang).toBe('de-DE');
  });

  test('ranking: exact, same language, neutral, en-US, English, the rest', () => {
    expect(languageRank(0x407, 'de-DE')).toBe(0);
    expect(languageRank(0x007, 'de-DE')).toBe(1);
    expect(languageRank(0xc07, 'de-DE')).toBe(1);
    expect(languageRank(0x000, 'de-DE')).toBe(2);
    expect(languageRank(0x409, 'de-DE')).toBe(3);
    expect(languageRank(0x809, 'de-DE')).toBe(4);
    expect(languageRank(0x40c, 'de-DE')).toBe(5);
    expect(languageRank(0x409, 'en-US')).toBe(0);
  });

  test('a tag that is not a language tag is a problem, and en-US is used', () => {
    const s = sources({ paths: [SYS], lang: 'de DE!' });
    expect(s.problems).toEqual(['language "de DE!": not a language tag such as de-DE; using en-US']);
    expect(s.lookup(5)[0]!.lang).toBe('en-US');
  });
});

describe('problems', () => {
  test('a missing path', () => {
    const missing = path.join(tmp, 'nope.dll');
    const s = sources({ paths: [missing, path.join(SYS, 'ntdll.dll')] });
    expect(s.problems).toEqual([`${missing}: no such file or folder`]);
    expect(s.lookup(0xc0000022)).toHaveLength(1); // the good file still counts
  });

  test('a missing path in MFR_MESSAGES', () => {
    const missing = path.join(tmp, 'nope');
    const s = sources({ env: { MFR_MESSAGES: missing } });
    expect(s.problems).toEqual([`${missing}: no such file or folder`]);
  });

  test('corrupt, truncated and non-PE files each give one line naming the file', () => {
    const good = fs.readFileSync(path.join(FIX, 'multi64.dll'));
    const text = path.join(tmp, 'readme.dll');
    fs.writeFileSync(text, 'not a DLL at all, just some words that are long enough for a DOS header to be looked at');
    const cut = path.join(tmp, 'cut.dll');
    fs.writeFileSync(cut, good.subarray(0, good.length - 900));
    const empty = path.join(tmp, 'empty.dll');
    fs.writeFileSync(empty, '');
    const s = sources({ paths: [text, cut, empty, path.join(SYS, 'ntdll.dll')] });
    expect(s.lookup(0xc0000022)).toHaveLength(1);
    expect(s.problems).toHaveLength(3);
    expect(s.problems[0]).toBe(`${text}: not a PE file (no MZ header)`);
    expect(s.problems[1]).toMatch(new RegExp(`^${cut.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: truncated message table at 0x`));
    expect(s.problems[2]).toBe(`${empty}: not a PE file (0 bytes is too short for a DOS header)`);
    expect(s.read).toEqual([path.join(SYS, 'ntdll.dll')]);
  });

  test('a corrupt satellite in a scanned folder', () => {
    copy(path.join(SYS, 'kernelbase.dll'), path.join(tmp, 'kernelbase.dll'));
    fs.mkdirSync(path.join(tmp, 'en-US'));
    fs.writeFileSync(path.join(tmp, 'en-US', 'kernelbase.dll.mui'), Buffer.from('MZ' + '\0'.repeat(100)));
    const s = sources({ paths: [tmp] });
    expect(s.lookup(5)).toEqual([]);
    expect(s.problems).toEqual([`${path.join(tmp, 'en-US', 'kernelbase.dll.mui')}: not a PE file (no PE signature at 0x0)`]);
  });

  test('a folder given explicitly without any known module', () => {
    copy(path.join(SYS, 'notlisted.dll'), path.join(tmp, 'notlisted.dll'));
    const s = sources({ paths: [tmp] });
    expect(s.problems).toHaveLength(1);
    expect(s.problems[0]).toMatch(new RegExp(`^${tmp.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no message modules found`));
  });

  // Root reads every file: there the CLI runs as an unprivileged user (setpriv, util-linux).
  const isRoot = process.platform !== 'win32' && process.getuid?.() === 0;
  test('an unreadable file', () => {
    const f = copy(path.join(SYS, 'ntdll.dll'), path.join(tmp, 'ntdll.dll'));
    fs.chmodSync(f, 0o000);
    if (!isRoot) {
      expect(sources({ paths: [f] }).problems).toEqual([`${f}: permission denied`]);
      return;
    }
    fs.chmodSync(tmp, 0o755);
    const bin = path.join(__dirname, '..', 'bin', 'mfr.js');
    const r = require('node:child_process').spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bin, 'decode', '5', '--messages', f], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', MFR_MESSAGES: undefined },
    });
    expect([r.status, r.stderr]).toEqual([2, `mfr: messages: ${f}: permission denied\n`]);
    expect(r.stdout).toContain('ERROR_ACCESS_DENIED');
  });
});
