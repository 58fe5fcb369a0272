// Windows message text through the CLI, from the fixtures built by scripts/make-fixtures.sh.
import { join } from 'node:path';
import { run } from './run';

const FIX = join(__dirname, 'fixtures', 'messages');

/** mfr run in this process (test/run.ts). */
function mfr(args: string[], env: Record<string, string | undefined> = {}, input = '') {
  return run(args, { input, env: { NO_COLOR: '1', LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, MFR_MESSAGES: undefined, ...env } });
}

const messagesOf = (r: { stdout: string }) => JSON.parse(r.stdout)[0].messages;

describe('decode with message files', () => {
  test('mfr decode 5 --messages <fixture> shows the fixture text for the chosen language', async () => {
    const dll = join(FIX, 'multi64.dll');
    expect(messagesOf(await mfr(['decode', '5', '--json', '--messages', dll]))).toEqual([{ text: 'Fixture: access is refused.', lang: 'en-US', source: dll }]);
    const de = await mfr(['decode', '5', '--messages', dll, '--lang', 'de-DE']);
    expect(de.status).toBe(0);
    expect(de.stdout).toMatch(/windows says +Fixture: Der Zugang wird abgelehnt.*\(de-DE, /);
    expect(messagesOf(await mfr(['decode', '5', '--json', '--messages', dll], { LANG: 'fr_FR.UTF-8' }))[0].lang).toBe('fr-FR');
  });

  test('a folder laid out like System32, with MUI satellites; MFR_MESSAGES works the same', async () => {
    const folder = join(FIX, 'system32');
    const viaFlag = messagesOf(await mfr(['decode', '0x800700AA', '--json', '--messages', folder, '--lang', 'de-DE']));
    expect(viaFlag[0]).toMatchObject({ lang: 'de-DE', source: join(folder, 'de-DE', 'kernelbase.dll.mui') });
    const viaEnv = messagesOf(await mfr(['decode', '0x800700AA', '--json', '--lang', 'de-DE'], { MFR_MESSAGES: folder }));
    expect(viaEnv).toEqual(viaFlag);
  });

  test('NTSTATUS text from ntdll, and the wrapped code of an HRESULT_FROM_NT', async () => {
    const folder = join(FIX, 'system32');
    const nt = messagesOf(await mfr(['decode', '0xC0000022', '--json', '--messages', folder]));
    expect(nt[0].source).toBe(join(folder, 'ntdll.dll'));
    expect(messagesOf(await mfr(['decode', '0xD0000022', '--json', '--messages', folder]))).toEqual(nt);
  });

  test('--verbose says what was read; --no-messages reads nothing', async () => {
    const r = await mfr(['decode', '5', '--verbose', '--messages', join(FIX, 'system32')]);
    expect(r.stderr).toMatch(/read .*kernelbase\.dll\.mui: \d+ messages in en-US/);
    const off = await mfr(['decode', '5', '--json', '--no-messages'], { MFR_MESSAGES: join(FIX, 'system32') });
    expect(messagesOf(off)).toEqual([]);
  });

  test('a named file that is missing or corrupt: one stderr line, decode still done, exit 2', async () => {
    const r = await mfr(['decode', '5', '--messages', join(FIX, 'nope.dll')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^mfr: messages: .*nope\.dll: no such file/);
    expect(r.stdout).toContain('ERROR_ACCESS_DENIED');
    const bad = await mfr(['decode', '5', '--messages', join(FIX, 'src', 'common.mc')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/common\.mc: not a PE file/);
  });

  test('lookup, search and scan show the text too', async () => {
    const dll = join(FIX, 'multi64.dll');
    expect((await mfr(['lookup', 'ERROR_ACCESS_DENIED', '--messages', dll])).stdout).toMatch(/windows says +Fixture: access is refused\./);
    expect((await mfr(['search', 'access', 'denied', '--messages', dll])).stdout).toMatch(/windows says \(en-US\): Fixture: access is refused\./);
    const scan = await mfr(['scan', '--json', '--messages', dll], {}, 'CreateFile: error 5\n');
    expect(JSON.parse(scan.stdout).messages[0].text).toBe('Fixture: access is refused.');
  });

  test('a value the database does not know is still decoded, with the text of the message file', async () => {
    const [d] = JSON.parse((await mfr(['decode', '0xC0FE0001', '--json', '--messages', join(FIX, 'system32')])).stdout);
    expect(d).toMatchObject({ name: null, description: null, hex: '0xC0FE0001' });
    expect(d.messages).toEqual([{ text: 'Fixture: a status only this message file knows.', lang: 'en-US', source: join(FIX, 'system32', 'ntdll.dll') }]);
    expect((await mfr(['decode', '0xC0FE0001', '--messages', join(FIX, 'system32')])).stdout).toMatch(/windows says +Fixture: a status only this message file knows\./);
  });

  test('%1-style inserts stay visible', async () => {
    const m = messagesOf(await mfr(['decode', '1722', '--json', '--messages', join(FIX, 'multi64.dll')]));
    expect(m[0].text).toMatch(/%1/);
  });
});
