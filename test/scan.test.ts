import { decode } from '../src/core/decode';
import { type Confidence, findCodes, MAX_LINE, preferredKind, TextScanner } from '../src/core/scan';
import { KEYWORDS } from '../src/core/scanrules';

const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };
/** What scan reports at its default floor (medium): match, value, kind and primary name. */
const reported = (text: string, floor: Confidence = 'medium') =>
  findCodes(text)
    .filter((m) => RANK[m.confidence] >= RANK[floor])
    .map((m) => ({ text: m.text, hex: hex(m.value), kind: m.kind, name: m.form === 'name' ? m.name : decode(m.value, preferredKind(m)).name, confidence: m.confidence }));
const hex = (v: number): string => '0x' + v.toString(16).toUpperCase().padStart(8, '0');

const run = (chunks: string[]) => {
  const s = new TextScanner();
  return [...chunks.flatMap((c) => s.push(c)), ...s.end()];
};

describe('every form, on lines as real logs write them', () => {
  test.each([
    // [line, match, hex, kind, name, confidence]
    ['    "link.exe" exited with code -1073741819.', 'exited with code -1073741819', '0xC0000005', 'ntstatus', 'STATUS_ACCESS_VIOLATION', 'high'],
    ['Process crashed: exit_code=-1073740791', 'exit_code=-1073740791', '0xC0000409', 'ntstatus', 'STATUS_STACK_BUFFER_OVERRUN', 'high'],
    ['npm ERR! errno 3221225477', 'errno 3221225477', '0xC0000005', 'ntstatus', 'STATUS_ACCESS_VIOLATION', 'medium'],
    ['fork/exec: exit status 3221225781', 'exit status 3221225781', '0xC0000135', 'ntstatus', 'STATUS_DLL_NOT_FOUND', 'high'],
    ['OSError: [WinError 1455] The paging file is too small', 'WinError 1455', '0x000005AF', 'win32', 'ERROR_COMMITMENT_LIMIT', 'medium'],
    ['[SC] ControlService FAILED 1062:', 'FAILED 1062', '0x00000426', 'win32', 'ERROR_SERVICE_NOT_ACTIVE', 'medium'],
    ['MSI (s) (A0:B4): Installation success or error status: 1603.', 'error status: 1603', '0x00000643', 'win32', 'ERROR_INSTALL_FAILURE', 'medium'],
    ['Update failed (exit code: 1618).', 'exit code: 1618', '0x00000652', 'win32', 'ERROR_INSTALL_ALREADY_RUNNING', 'medium'],
    ['Failed to write item to store. [0x520]', '0x520', '0x00000520', 'win32', 'ERROR_NO_SUCH_LOGON_SESSION', 'medium'],
    ['MoveFileEx: Access is denied. (0x5)', '0x5', '0x00000005', 'win32', 'ERROR_ACCESS_DENIED', 'medium'],
    ['A cluster network is not available for this operation. (0x000013AB).', '0x000013AB', '0x000013AB', 'win32', 'ERROR_NETWORK_NOT_AVAILABLE', 'medium'],
    ['WSManFault Message = Code="2150858770" Machine="host01"', 'Code="2150858770', '0x80338012', 'hresult', 'ERROR_WSMAN_DESTINATION_UNREACHABLE', 'high'],
    ['The operation failed with HResult <2147957527>', 'HResult <2147957527', '0x80073B17', 'hresult', 'ERROR_MRM_NAMED_RESOURCE_NOT_FOUND', 'high'],
    ['2026/06/05 11:07:50 Agent Reporting event: resultMapped=80070643', 'resultMapped=80070643', '0x80070643', 'hresult', 'ERROR_INSTALL_FAILURE', 'medium'],
    [' (caller: 00007FF6AE153B72) Exception(2) tid(b20) 800705AA Insufficient system resources exist.', '800705AA', '0x800705AA', 'hresult', 'ERROR_NO_SYSTEM_RESOURCES', 'high'],
    ['P7: c0000005', 'c0000005', '0xC0000005', 'ntstatus', 'STATUS_ACCESS_VIOLATION', 'medium'],
    ['Installer failed (-7ff8ffa9)', 'failed (-7ff8ffa9', '0x80070057', 'hresult', 'E_INVALIDARG', 'medium'],
    ['Error code: Wsl/Service/CreateInstance/0x8007019e', '0x8007019e', '0x8007019E', 'hresult', 'ERROR_LINUX_SUBSYSTEM_NOT_PRESENT', 'medium'],
    ['Error code: Wsl/CallMsi/E_ABORT', 'E_ABORT', '0x80004004', 'hresult', 'E_ABORT', 'high'],
    ['TSManager 1/1/2026 HRESULT=80220005 (..\\tsmanager.cpp,1234)', 'HRESULT=80220005', '0x80220005', 'hresult', null, 'high'],
    ['NtCreateFile returned NTSTATUS 259', 'NTSTATUS 259', '0x00000103', 'ntstatus', 'STATUS_PENDING', 'high'],
    ['CoInitializeSecurity hr=0x00000001', 'hr=0x00000001', '0x00000001', 'hresult', 'S_FALSE', 'high'],
    ['Hyper-V event: Virtual machine migration for VM01 failed (0x800700AA).', 'failed (0x800700AA', '0x800700AA', 'hresult', 'E_BUSY', 'high'],
    ['Cluster resource VM01 failed with error 0X800700aa', 'failed with error 0X800700aa', '0x800700AA', 'hresult', 'E_BUSY', 'high'],
    ['System.UnauthorizedAccessException: Exception from HRESULT: 0x80070005 (E_ACCESSDENIED)', 'HRESULT: 0x80070005', '0x80070005', 'hresult', 'E_ACCESSDENIED', 'high'],
    ['System.Runtime.InteropServices.COMException (0x80040154): Class not registered', '0x80040154', '0x80040154', 'hresult', 'REGDB_E_CLASSNOTREG', 'medium'],
    ['   HResult=-2147024894', 'HResult=-2147024894', '0x80070002', 'hresult', 'ERROR_FILE_NOT_FOUND', 'high'],
    ['{"Message":"Access is denied.","HResult":-2147024891,"Source":"System.IO"}', 'HResult":-2147024891', '0x80070005', 'hresult', 'E_ACCESSDENIED', 'high'],
    ['klist failed with 0xc000018b: GetTicket substatus): 0x35', 'substatus): 0x35', '0x00000035', 'win32', 'ERROR_BAD_NETPATH', 'medium'],
    ['MSI (s) (A0:B4): Custom action returned actual error code 1603, Return value: 1603', 'Return value: 1603', '0x00000643', 'win32', 'ERROR_INSTALL_FAILURE', 'medium'],
    ['System.ComponentModel.Win32Exception (5): Access is denied.', 'Win32Exception (5', '0x00000005', 'win32', 'ERROR_ACCESS_DENIED', 'high'],
    ['CreateFileW failed, error 5', 'error 5', '0x00000005', 'win32', 'ERROR_ACCESS_DENIED', 'medium'],
    ['The RPC call returned Win32 error 1722', 'Win32 error 1722', '0x000006BA', 'win32', 'RPC_S_SERVER_UNAVAILABLE', 'high'],
    ['OpenProcess: GetLastError() = 5', 'GetLastError() = 5', '0x00000005', 'win32', 'ERROR_ACCESS_DENIED', 'high'],
    ['System error 53 has occurred.', 'System error 53', '0x00000035', 'win32', 'ERROR_BAD_NETPATH', 'medium'],
    ['DISM: Failed to get the package [gle=0x80004005]', 'gle=0x80004005', '0x80004005', 'hresult', 'E_FAIL', 'high'],
    ['Application Error: exception code e0434352, exception address 00007FFB9D2A5C28', 'exception code e0434352', '0xE0434352', 'ntstatus', 'EXCEPTION_COMPLUS', 'high'],
    ['Faulting module ntdll.dll, Exception code: 0xc0000374', 'Exception code: 0xc0000374', '0xC0000374', 'ntstatus', 'STATUS_HEAP_CORRUPTION', 'high'],
    ['RollbackErrorCode = 0xC1900101, ExtendedCode = 0x40017', 'ErrorCode = 0xC1900101', '0xC1900101', 'hresult', 'MOSETUP_E_SETUP_PLATFORM', 'high'],
    ['Context:ffffbe03d5a96000 PartitionId:15 HypercallStatus:c035000b', 'Status:c035000b', '0xC035000B', 'ntstatus', 'STATUS_HV_INSUFFICIENT_MEMORY', 'medium'],
    ['VM01 MigrationFailureReason: 0x800700AA', 'MigrationFailureReason: 0x800700AA', '0x800700AA', 'hresult', 'E_BUSY', 'high'],
    ['MigrationFailureReason = 0', 'MigrationFailureReason = 0', '0x00000000', 'hresult', 'S_OK', 'medium'],
    ['Get-ClusterNode : ERROR_CLUSTER_NODE_NOT_FOUND', 'ERROR_CLUSTER_NODE_NOT_FOUND', '0x000013B2', 'win32', 'ERROR_CLUSTER_NODE_NOT_FOUND', 'medium'],
    ['connect failed: WSAECONNREFUSED', 'WSAECONNREFUSED', '0x0000274D', 'win32', 'WSAECONNREFUSED', 'medium'],
    ['frame ret 0xFFFFFFFF80070005 from DeviceIoControl', '0xFFFFFFFF80070005', '0x80070005', 'hresult', 'E_ACCESSDENIED', 'medium'],
  ] as const)('%s', (line, text, hexValue, kind, name, confidence) => {
    expect(reported(line)).toContainEqual({ text, hex: hexValue, kind, name, confidence });
  });

  test('"HResult:" ending a line: the value on the next line is an HRESULT', () => {
    expect(reported('   HResult:\n      -2147024891\n')).toEqual([
      { text: '-2147024891', hex: '0x80070005', kind: 'hresult', name: 'E_ACCESSDENIED', confidence: 'high' },
    ]);
    // ... also when the two lines arrive in different chunks
    const f = run(['x\n   HResult:\n', '      -2147024891\n']);
    expect(f.map((x) => [x.line, x.value, x.kind, x.confidence])).toEqual([[3, 0x80070005, 'hresult', 'high']]);
  });

  test('values listed after one keyword are each a finding', () => {
    expect(reported("ErrorCode = '0x80004005 : c0000135'").map((f) => [f.hex, f.kind])).toEqual([
      ['0x80004005', 'hresult'],
      ['0xC0000135', 'ntstatus'],
    ]);
    expect(reported('klist failed with 0xc000018b/-1073741429: The SAM database').map((f) => f.hex)).toEqual(['0xC000018B', '0xC000018B']);
  });

  test('a code and its name side by side are one finding, and the name raises confidence', () => {
    expect(reported('0x80070005 (E_ACCESSDENIED)')).toEqual([{ text: '0x80070005', hex: '0x80070005', kind: 'hresult', name: 'E_ACCESSDENIED', confidence: 'high' }]);
    expect(reported('E_ACCESSDENIED 0x80070005')).toHaveLength(1);
    expect(reported('hr=0x80004005\nhr=0x80004005\n')).toHaveLength(2);
  });

  test('every finding says why, in words', () => {
    const [f] = findCodes('OSError: [WinError 5] Access is denied');
    expect(f?.why).toEqual(['after "WinError"', 'named win32 error']);
    expect(f?.confidence).toBe('medium');
    const [g] = findCodes('Exception from HRESULT: 0x80070005 (E_ACCESSDENIED) at C:\\app\\run.exe');
    expect(g?.why).toEqual(['after "HRESULT"', '0x and 8 digits', 'named hresult failure', 'E_ACCESSDENIED beside it']);
    const [h] = findCodes('C:\\app.exe: error 5');
    expect(h?.why).toEqual(['after "error"', 'named win32 error', 'Windows talking']);
  });
});

describe('what is not a Windows code is not reported', () => {
  test.each([
    ['make', 'make: *** [all] Error 2'],
    ['make, nested', 'make[2]: *** [CMakeFiles/app.dir/all] Error 1'],
    ['npm 404', 'npm error 404 Not Found - GET https://registry.npmjs.org/nosuch'],
    ['npm errno', 'npm ERR! errno 1'],
    ['HTTP status', 'error: 403'],
    ['HTTP with a reason', 'curl: (22) The requested URL returned error: 404 Not Found'],
    ['git', 'fatal: the remote end hung up unexpectedly Error 128'],
    ['POSIX errno text', 'java.io.IOException: Cannot run program "foo": error=2, No such file or directory'],
    ['errno name', 'Error: connect error 111 ECONNREFUSED 127.0.0.1:5432'],
    ['kernel segfault', '[ 1234.567890] foo[1234]: segfault at 10 ip 00007f00deadbeef sp 00007ffcafe01234 error 6 in libc.so.6'],
    ['Python errno', 'OSError: [Errno 28] No space left on device'],
    ['small exit code', 'Process exited with exit code 1'],
    ['shell exit code', 'ERROR: Job failed: exit code 137'],
    ['small errno', 'read failed: errno 5'],
    ['a count after failed', 'Install call complete (succeeded = 0, failed = 1, cancelled = 0)'],
    ['a keyword inside a word', 'the terror 5 of mirror 2'],
    ['a keyword with a count suffix', 'errorCount=5 error_count=5 statusCode: 404'],
    ['WIL counter', 'LogHr(1) tid(13d8) Message'],
    ['memory address', 'Exception at 0x00007FF6A1B2C3D4 in app.exe'],
    ['12-digit address', 'mapped at 0x7ff6a1b2c3d4'],
    ['GUID', 'Activity {6B29FC40-CA47-1067-B31D-00DD010662DA} started'],
    ['GUID without braces', 'request 800700aa-ca47-1067-b31d-00dd010662da done'],
    ['hash', 'commit da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['bare 8-hex id', 'build id 800700AA done'],
    ['colour', 'background: 0xFF336699; color #800700'],
    ['flags and masks', 'flags=0x80000000 mask 0x80000000 CreateFile(desiredAccess=0xC0000000)'],
    ['thread id', 'DEBUG thread 0x8abc1234 tid 0x80070005 frame 0x00007ff60bb84000'],
    ['timestamp', '2026-11-25T10:15:30.123Z 1700000000'],
    ['line number', 'src/main.c:1722: warning: unused variable'],
    ['byte count', 'Copied 2147942570 bytes in 5 ms'],
    ['version', 'Microsoft Windows [Version 10.0.19041.5]'],
    ['duration', 'took 5 hr 30 min'],
    ['decimal after dot', 'error 5.1 percent'],
    ['Fortran runtime', 'forrtl: error (200): program aborting due to window-CLOSE event'],
    ['identifier that is no code', 'set HTTP_PROXY and MY_ERROR_THING'],
    ['success name in passing', 'note: S_OK is fine here'],
  ])('%s', (_, line) => {
    expect(reported(line)).toEqual([]);
  });
});

describe('the keyword table, word by word', () => {
  // A value each keyword class accepts, and one it does not.
  const accepted: Record<string, [string, string]> = {
    hresult: ['0x80070005', '0x80070005'],
    ntstatus: ['0xC0000005', '0xC0000005'],
    migration: ['0x800700AA', '0x800700AA'],
    exception: ['c0000005', '0xC0000005'],
    winerror: ['5', '0x00000005'],
    error: ['0x80070005', '0x80070005'],
    failed: ['0x80070005', '0x80070005'],
    exit: ['-1073741819', '0xC0000005'],
    result: ['0x80070005', '0x80070005'],
    errno: ['3221225477', '0xC0000005'],
  };
  const cases = Object.entries(KEYWORDS).flatMap(([cls, rule]) => rule.words.map((w) => [cls, w] as const));
  const seps = [' ', ': ', '=', ' = ', ' (', '[', '="'];

  test.each(cases)('%s: "%s" before a value, with every separator', (cls, word) => {
    const [value, want] = accepted[cls] ?? ['', ''];
    for (const sep of seps) {
      const line = `C:\\app.exe: ${word}${sep}${value}`;
      const got = findCodes(line).map((m) => hex(m.value));
      expect({ line, got }).toEqual({ line, got: [want] });
    }
  });

  test.each(cases)('%s: "%s" inside another word is no keyword', (_cls, word) => {
    if (word.includes(' ')) return;
    expect(reported(`the x${word.replace(/[()]/g, '')}y 5 and q${word.replace(/[()]/g, '')} 7`)).toEqual([]);
  });

  test('a small decimal is a Win32 error only after the words that say so', () => {
    expect(reported('C:\\app.exe: error 5').map((f) => f.kind)).toEqual(['win32']);
    expect(reported('C:\\app.exe: status 5')).toEqual([]);
    expect(reported('C:\\app.exe: exit code 5')).toEqual([]);
    expect(reported('C:\\app.exe: exit code 1603').map((f) => f.name)).toEqual(['ERROR_INSTALL_FAILURE']);
    expect(reported('C:\\app.exe: result 5')).toEqual([]);
    expect(reported('C:\\app.exe: errno 5')).toEqual([]);
  });
});

describe('TextScanner', () => {
  test('line numbers, columns and line text run on across chunks; CRLF is trimmed', () => {
    const f = run(['first line\r\nsecond hr=0x80004005 x\r', '\nthird\nfourth E_FAIL at C:\\x']);
    expect(f.map((x) => [x.line, x.column, x.lineText, x.confidence])).toEqual([
      [2, 8, 'second hr=0x80004005 x', 'high'],
      [4, 8, 'fourth E_FAIL at C:\\x', 'high'],
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
    for (let i = 0; i < line.length; i += 70001) parts.push(line.slice(i, i + 70001));
    const f = run([...parts, '\nnext E_FAIL\n']);
    expect(f.filter((x) => x.line === 1).map((x) => x.column)).toEqual(codeAt);
    expect(f[f.length - 1]).toMatchObject({ line: 2, value: 0x80004005 });
    expect(f[0]?.lineText.length).toBeLessThan(500);
  });

  test('a keyword and value cut apart in a line over MAX_LINE is reported once', () => {
    for (let tail = 488; tail <= 520; tail++) {
      const line = 'a'.repeat(MAX_LINE) + ' hr=0x80070005 ' + 'b'.repeat(tail);
      const f = run([line, '\n']);
      expect(f.map((x) => [x.text, x.column])).toEqual([['hr=0x80070005', MAX_LINE + 2]]);
    }
  });

  // Work must grow with the text, not with text × findings: one long line full of codes used to
  // rescan the whole line for every finding (minutes for a few MB). Its speed is the bench's to
  // measure ("one 10 MB line of codes"); here, every finding of a 5 MB line, in place (the test's
  // time limit stops a scan that hangs).
  test('one long line made of codes: every finding, each at its own column', () => {
    const unit = 'C:\\x.exe error 5 ';
    const line = unit.repeat(300_000); // 5 MB, 300,000 codes
    const s = new TextScanner();
    const found = [];
    for (let i = 0; i < line.length; i += 65536) found.push(...s.push(line.slice(i, i + 65536)));
    found.push(...s.end());
    expect(found).toHaveLength(300_000);
    expect(new Set(found.map((f) => `${f.text} ${f.value} ${f.kind}`))).toEqual(new Set(['error 5 5 win32']));
    expect([found[0]?.column, found[1]?.column, found[299_999]?.column]).toEqual([10, 10 + unit.length, 10 + 299_999 * unit.length]);
  }, 60_000);
});
