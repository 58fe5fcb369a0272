import { findCodes, MAX_LINE, TextScanner } from '../src/core/scan';

const found = (line: string) => findCodes(line).map((m) => [m.text, m.value, m.form]);

describe('scan recognizes codes on realistic lines', () => {
  test.each([
    ['Hyper-V event: Virtual machine migration operation for VM01 failed (0x800700AA).', '0x800700AA', 0x800700aa, 'hex'],
    ['Cluster resource Virtual Machine VM01 failed with error 0X800700aa', 'error 0X800700aa', 0x800700aa, 'keyword-hex'],
    ['HRESULT 800700AA returned by MigrateVirtualSystemToHost', 'HRESULT 800700AA', 0x800700aa, 'keyword-hex'],
    ['System.UnauthorizedAccessException: Exception from HRESULT: 0x80070005 (E_ACCESSDENIED)', 'HRESULT: 0x80070005', 0x80070005, 'keyword-hex'],
    ['CoCreateInstance failed: hr=0x80004005', 'hr=0x80004005', 0x80004005, 'keyword-hex'],
    ['WinRM client: HRESULT 0x8007274c', 'HRESULT 0x8007274c', 0x8007274c, 'keyword-hex'],
    ['frame ret 0xFFFFFFFF80070005 from DeviceIoControl', '0xFFFFFFFF80070005', 0x80070005, 'hex'],
    ['   HResult: -2147024891', 'HResult: -2147024891', 0x80070005, 'signed-decimal'],
    ['Write-Error: error -2147467259 while loading module', 'error -2147467259', 0x80004005, 'signed-decimal'],
    ['The command "app.exe" exited with exit code -1073741819.', 'exit code -1073741819', 0xc0000005, 'signed-decimal'],
    ['Error: spawn UNKNOWN errno 3221225477', 'errno 3221225477', 0xc0000005, 'unsigned-decimal'],
    ['fork/exec: exit status 3221225477', 'exit status 3221225477', 0xc0000005, 'unsigned-decimal'],
    ['CreateFileW failed, error 5', 'error 5', 5, 'win32-decimal'],
    ['The RPC call returned Win32 error 1722', 'Win32 error 1722', 1722, 'win32-decimal'],
    ['OpenProcess: GetLastError() = 5', 'GetLastError() = 5', 5, 'win32-decimal'],
    ['WSManFault ErrorCode: 1722', 'ErrorCode: 1722', 1722, 'win32-decimal'],
    ['System error 53 has occurred.', 'System error 53', 53, 'win32-decimal'],
    ['Get-ClusterNode : ERROR_CLUSTER_NODE_NOT_FOUND', 'ERROR_CLUSTER_NODE_NOT_FOUND', 5042, 'name'],
    ['Faulting module ntdll.dll, exception STATUS_ACCESS_VIOLATION', 'STATUS_ACCESS_VIOLATION', 0xc0000005, 'name'],
    ['returned E_ACCESSDENIED to caller', 'E_ACCESSDENIED', 0x80070005, 'name'],
    ['VM01 MigrationFailureReason: 0x800700AA', 'MigrationFailureReason: 0x800700AA', 0x800700aa, 'keyword-hex'],
    ['MigrationFailureReason = 2147942570', 'MigrationFailureReason = 2147942570', 0x800700aa, 'unsigned-decimal'],
    ['MigrationFailureReason -2147467259', 'MigrationFailureReason -2147467259', 0x80004005, 'signed-decimal'],
    ['MigrationFailureReason 0', 'MigrationFailureReason 0', 0, 'unsigned-decimal'],
  ])('%s', (line, text, value, form) => {
    expect(found(line)).toContainEqual([text, value, form]);
  });

  test('the .NET form with the name after the value is one finding per line', () => {
    const scanner = new TextScanner();
    const f = [...scanner.push('Exception from HRESULT: 0x80070005 (E_ACCESSDENIED)\n'), ...scanner.end()];
    expect(f.map((x) => x.value)).toEqual([0x80070005]);
  });
});

describe('scan leaves non-codes alone', () => {
  test.each([
    ['memory address', 'Exception at 0x00007FF6A1B2C3D4 in app.exe'],
    ['12-digit address', 'mapped at 0x7ff6a1b2c3d4'],
    ['GUID', 'Activity {6B29FC40-CA47-1067-B31D-00DD010662DA} started'],
    ['GUID without braces', 'request 800700aa-ca47-1067-b31d-00dd010662da done'],
    ['hash', 'commit da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['bare 8-hex without a keyword', 'build id 800700AA done'],
    ['colour', 'background: 0xFF336699; color #800700'],
    ['timestamp', '2026-11-25T10:15:30.123Z 1700000000'],
    ['line number', 'src/main.c:1722: warning: unused variable'],
    ['byte count', 'Copied 2147942570 bytes in 5 ms'],
    ['version', 'Microsoft Windows [Version 10.0.19041.5]'],
    ['small exit code', 'Process exited with exit code 1'],
    ['small errno', 'read failed: errno 5'],
    ['identifier that is no code', 'set HTTP_PROXY and MY_ERROR_THING'],
    ['snake case', 'error_count=5 warning_count=2'],
    ['plain hex value that is no failure', 'value 0x00401000'],
    ['decimal after dot', 'error 5.1 percent'],
  ])('%s', (_, line) => {
    expect(found(line)).toEqual([]);
  });
});

describe('TextScanner', () => {
  const run = (chunks: string[]) => {
    const s = new TextScanner();
    const out = chunks.flatMap((c) => s.push(c));
    return [...out, ...s.end()];
  };

  test('line numbers, columns and line text run on across chunks; CRLF is trimmed', () => {
    const f = run(['first line\r\nsecond hr=0x80004005 x\r', '\nthird\nfourth E_FAIL']);
    expect(f.map((x) => [x.line, x.column, x.lineText])).toEqual([
      [2, 8, 'second hr=0x80004005 x'],
      [4, 8, 'fourth E_FAIL'],
    ]);
  });

  test('a code split across a chunk boundary is still found', () => {
    const text = 'aaa\nfailed (0x800700AA) at step 2\nHResult: -2147024891\n';
    for (let cut = 1; cut < text.length; cut++) {
      const f = run([text.slice(0, cut), text.slice(cut)]);
      expect(f.map((x) => [x.line, x.value])).toEqual([
        [2, 0x800700aa],
        [3, 0x80070005],
      ]);
    }
  });

  test('a line longer than MAX_LINE is searched in pieces, codes at the seams included', () => {
    const filler = 'x '.repeat(1000);
    const parts: string[] = [];
    let line = '';
    const codeAt: number[] = [];
    while (line.length < MAX_LINE * 2.5) {
      line += filler;
      codeAt.push(line.length + 2); // 1-based, after the space
      line += ' 0x800700AA ';
    }
    // Feed it in odd-sized pieces so seams fall everywhere.
    for (let i = 0; i < line.length; i += 70001) parts.push(line.slice(i, i + 70001));
    const f = run([...parts, '\nnext E_FAIL\n']);
    expect(f.filter((x) => x.line === 1).map((x) => x.column)).toEqual(codeAt);
    expect(f[f.length - 1]).toMatchObject({ line: 2, value: 0x80004005 });
    expect(f[0]?.lineText.length).toBeLessThan(500);
  });
});

describe('scan, the cases a review found', () => {
  const run = (chunks: string[]) => {
    const s = new TextScanner();
    return [...chunks.flatMap((c) => s.push(c)), ...s.end()];
  };

  test('the same code twice is two findings; only a code beside its name is one', () => {
    expect(run(['hr=0x80004005\nhr=0x80004005\n'])).toHaveLength(2);
    expect(run(['returned 0xC0000005\nexception code 0xc0000005\n'])).toHaveLength(2);
    expect(run(['HResult: -2147024891 HResult=-2147024891\n'])).toHaveLength(2);
    expect(run(['failed: 0x80070005, 0x80070005\n'])).toHaveLength(2);
    expect(run(['Exception from HRESULT: 0x80070005 (E_ACCESSDENIED)\n'])).toHaveLength(1);
    expect(run(['E_ACCESSDENIED 0x80070005\n'])).toHaveLength(1);
  });

  test.each([
    ['flags=0x00000000 mask 0x00000001 value 0x00000102'],
    ['tid 0x00000103'],
    ['mapped 0x10000000 bytes'],
    ['mask 0x80000000'],
    ['CreateFile(desiredAccess=0xC0000000)'],
    ['took 5 hr 30 min'],
  ])('flags, masks and handles are no codes: %s', (line) => {
    expect(found(line)).toEqual([]);
  });

  test.each([
    ['connect failed: WSAECONNREFUSED', 'WSAECONNREFUSED', 10061],
    ['net use: NERR_Success', 'NERR_Success', 0],
    ['SqlClient: COR_E_SqlException', 'COR_E_SqlException', 0x80131904],
    ['result NOERROR', 'NOERROR', 0],
  ])('names as spelt in the headers: %s', (line, name, value) => {
    expect(found(line)).toContainEqual([name, value, 'name']);
  });

  test.each([
    ['NTSTATUS 259', 259],
    ['MigrationFailureReason: 5', 5],
    ['HRESULT = 1', 1],
  ])('any value after an HRESULT or NTSTATUS keyword: %s', (line, value) => {
    expect(found(line).map((m) => m[1])).toEqual([value]);
  });

  test('a keyword and value cut apart in a line over MAX_LINE is reported once', () => {
    for (let tail = 488; tail <= 520; tail++) {
      const line = 'a'.repeat(MAX_LINE) + ' hr=0x80070005 ' + 'b'.repeat(tail);
      const f = run([line, '\n']);
      expect(f.map((x) => [x.text, x.column])).toEqual([['hr=0x80070005', MAX_LINE + 2]]);
    }
  });
});
