// The evidence scan weighs, as data: keywords and what they say of the value after them, the
// words that speak against a value, the dialects of non-Windows tools, and the weights.
// Each table is small and named; scan.ts holds one small function per kind of evidence.

/** What a keyword before a value says about it. */
export type KeywordClass =
  | 'hresult' // hr, HRESULT: the value is an HRESULT, success codes too
  | 'ntstatus' // NTSTATUS: the value is an NTSTATUS
  | 'migration' // MigrationFailureReason: an HRESULT
  | 'exception' // exception code: an NTSTATUS-style exception code
  | 'winerror' // words only Windows uses for a Win32 error: WinError, GetLastError, gle
  | 'error' // error, err, error code: a Win32 error when Windows is talking
  | 'failed' // failed, FAILED: weak
  | 'exit' // exit code, return code: large values, and Win32 errors past POSIX's 255
  | 'result' // status, result: large values only
  | 'errno'; // errno: POSIX; only a number no POSIX errno can be counts

export interface KeywordRule {
  /** Lower-case words; a space stands for an optional space, tab or underscore. */
  words: string[];
  score: number;
  /** The value is always read as this kind (success codes and small values too). */
  kind?: 'hresult' | 'ntstatus';
  /** A small decimal after it is a Win32 error. */
  win32?: boolean;
  /** Eight bare digits after it are hex even without a hex letter: "HRESULT 80070005". */
  hexDigits?: boolean;
  /** Words only Windows uses: a small value after them is no HTTP status or POSIX errno. */
  windowsOnly?: boolean;
  /** A decimal beyond 255 (no POSIX exit status) or a hex value after it may be a Win32 error. */
  exitWin32?: boolean;
}

export const KEYWORDS: Record<KeywordClass, KeywordRule> = {
  hresult: { words: ['hresult', 'hres', 'hr'], score: 4, kind: 'hresult', hexDigits: true },
  ntstatus: { words: ['ntstatus', 'nt status'], score: 4, kind: 'ntstatus', hexDigits: true },
  migration: { words: ['migrationfailurereason'], score: 4, kind: 'hresult', hexDigits: true },
  exception: { words: ['exception code', 'exceptioncode'], score: 4, hexDigits: true },
  winerror: {
    words: ['winerror', 'win32 error', 'win32 error code', 'win32exception', 'windows error', 'system error', 'getlasterror()', 'getlasterror', 'last error', 'gle', 'lasterror'],
    score: 4,
    win32: true,
    windowsOnly: true,
  },
  error: {
    words: ['error code', 'errorcode', 'errcode', 'error number', 'error status', 'error', 'err', 'failure code', 'failed with error', 'failed with error code', 'dwerror', 'substatus', 'sub status'],
    score: 2,
    win32: true,
  },
  failed: { words: ['failed with', 'failed', 'failure'], score: 2, win32: true },
  exit: {
    words: ['exit code', 'exitcode', 'exit status', 'exited with code', 'exited with exit code', 'exit', 'return code', 'returncode', 'return value', 'returning', 'rc'],
    score: 2,
    exitWin32: true,
  },
  result: { words: ['returned', 'result', 'status', 'code', 'exception'], score: 2 },
  errno: { words: ['errno'], score: 1 },
};

/**
 * Letters a keyword may run on with before its separator ("resultMapped=", "ErrorCode="), and
 * those that make it some other quantity ("errorCount=5", "statusCode: 404" is HTTP's).
 */
export const KEYWORD_SUFFIX_AGAINST = /^(?:count|counts|cnt|num|number|size|len|length|line|lines|time|ms|secs?|id|ids|index|idx|rate|percent|pct|msg|message|text|string|str|type|class|level|name|file|path|url|page|limit|max|min|threshold|total|s)$/i;

/** Words right before a value that make it no code: a flag, an address, an id, a size. */
export const AGAINST_BEFORE = /(?:^|[^a-z])(?:flags?|mask|access|desiredaccess|attrib(?:ute)?s?|addr(?:ess)?|ptr|pointer|offset|base|handle|tid|pid|thread(?:id)?|process(?:id)?|id|ids|size|len(?:gth)?|count|line|port|version|ver|build|crc|checksum|hash|sha|seed|color|colour|rgb|argb|timestamp|time|value|val|key|token|session|cookie|serial|sector|block|lba|inode|ip|sp|pc|rip|rsp|eip|esp|rax|rbx|rcx|rdx|at|in)[ \t]*[:=#]?[ \t]*$/i;

/**
 * Text after a value that says a POSIX or HTTP tool is talking: strerror texts and HTTP reason
 * phrases ("error=2, No such file or directory", "error 404 Not Found").
 */
export const ERRNO_AFTER = /^[ \t]*[,:;)\]-]?[ \t]*\(?E[A-Z]{3,12}\b/;

export const AGAINST_AFTER = new RegExp(
  String.raw`^[ \t]*[,:;)\]-]?[ \t]*\(?(?:` +
    [
      'no such file or directory', 'permission denied', 'operation not permitted', 'connection refused', 'connection reset by peer',
      'broken pipe', 'input/output error', 'no space left on device', 'cannot allocate memory', 'resource temporarily unavailable',
      'too many open files', 'is a directory', 'not a directory', 'file exists', 'bad file descriptor', 'invalid argument',
      'connection timed out', 'network is unreachable', 'no route to host', 'address already in use', 'interrupted system call',
      'device or resource busy', 'read-only file system', 'text file busy', 'exec format error', 'no child processes',
      'not found', 'forbidden', 'unauthorized', 'bad request', 'internal server error', 'service unavailable', 'bad gateway',
      'gateway time-?out', 'too many requests', 'method not allowed', 'not modified', 'moved permanently', 'unprocessable entity',
      'conflict', 'precondition failed', 'request timeout', 'payload too large', 'not implemented', 'not acceptable', 'gone',
      'http/', 'bytes', 'ms\\b', 'seconds', 'secs?\\b', 'min\\b', 'minutes', 'lines?\\b', 'files?\\b', 'tests?\\b', 'items?\\b',
      'warnings?\\b', 'errors?\\b', 'times\\b', '%',
    ].join('|') +
    ')',
  'i',
);

/**
 * A line's dialect: tools that are not Windows talking. A value on such a line needs strong
 * evidence of its own (an HRESULT shape, a named failure) to count.
 */
export const POSIX_DIALECT = new RegExp(
  [
    String.raw`\bmake(?:\[\d+\])?: \*\*\*`, String.raw`\bnpm (?:ERR!|error|warn)`, String.raw`\byarn (?:error|run)`, String.raw`\bpnpm\b`,
    String.raw`\bcurl: \(\d+\)`, String.raw`^\[ *\d+\.\d+\] `, String.raw`\bkernel: `, String.raw`\bsegfault at\b`,
    String.raw`\bcollect2\b`, String.raw`\bld returned\b`, String.raw`\berror\[E\d+\]`, String.raw`\bgoroutine \d+`, String.raw`\bpanic: `,
    String.raw`\bsystemd\[\d+\]`, String.raw`\bstatus=\d+/[A-Z]+`, String.raw`\bcode=(?:exited|killed|dumped)`, String.raw`^E: `, String.raw`\bdpkg\b`,
    String.raw`\[Errno \d+\]`, String.raw`\bsignal \d+\b`, String.raw`\bSIG[A-Z]{2,6}\b`, String.raw`\bOOMKilled\b`, String.raw`\bexit status \d{1,3}\b`,
    String.raw`\bHTTP/\d`, String.raw`\bHTTP (?:error|status)\b`, String.raw`\brpc error: code = `, String.raw`\bgyp (?:ERR|info)! (?:stack|not ok)`,
    String.raw`\bdocker(?:d|-compose)?\b.*\b(?:exit code|returned a non-zero code)`, String.raw`/(?:usr|home|var|etc|opt|tmp|lib)/`,
    String.raw`\bfatal: unable to access\b`, String.raw`\bforrtl: `, String.raw`\bexit code 1\d\d\b`,
  ].join('|'),
);

/** Signs that Windows is talking on a line: its paths, programs, APIs and log formats. */
export const WINDOWS_DIALECT = new RegExp(
  [
    String.raw`\b[A-Za-z]:\\`, String.raw`\\\\[\w.$-]+\\`, String.raw`\.(?:exe|dll|sys|msi|msix|appx|ps1|cmd|bat|vcxproj|csproj|sln)\b`,
    String.raw`\bWindows\b`, String.raw`\bWin32\b`, String.raw`\bHRESULT\b`, String.raw`\bNTSTATUS\b`, String.raw`\bMSI \([sc]\)`,
    String.raw`\bCBS\b`, String.raw`\bDISM\b`, String.raw`\bMSBuild\b`, String.raw`\b(?:error|warning) (?:MSB|LNK|C|CS|NU|NETSDK)\d{3,4}\b`,
    String.raw`^\[SC\] `, String.raw`\bWinRM\b`, String.raw`\bWSMan`, String.raw`\bFullyQualifiedErrorId\b`, String.raw`\bCategoryInfo\b`,
    String.raw`\bvmcompute\b`, String.raw`\bvmms\b`, String.raw`\bhcsshim\b`, String.raw`\bHyper-V\b`, String.raw`\bWsl/`, String.raw`\bWSL\b`,
    String.raw`\bFaulting (?:application|module)\b`, String.raw`\bSystem\.[A-Z]\w+(?:Exception|Error)\b`, String.raw`\bCOMException\b`,
    String.raw`\bWin32Exception\b`, String.raw`\b(?:Create|Open|Read|Write|Delete|Move|Copy|Get|Set|Reg|Load|Find|Device|Nt|Zw|Co(?:Create|Initialize|Get|Set|Register))[A-Z]\w*(?:\(\))?(?: failed| returned|:)`,
    String.raw`\bsetupapi\b`, String.raw`\bdvi: `, String.raw`\bsvchost\b`, String.raw`\bEvent ?ID\b`, String.raw`\bWindowsUpdate\b`,
    String.raw`\bmsiexec\b`, String.raw`\bpowershell\b`, String.raw`\bcluster\b`, String.raw`\bKerberos\b`, String.raw`\bP\d{1,2}: `,
  ].join('|'),
  'i',
);

/** Weights of the evidence about the value itself, and the confidence levels they add up to. */
export const WEIGHTS = {
  // How the value is written.
  hex8: 2, // 0x + 8 digits (or sign-extended 16)
  hexShort: 0, // 0x + fewer digits
  bareHex: 0, // 8 hex digits, no 0x
  bareHexLetters: 1, // ... with a hex letter and no keyword: a trace's "800705AA Insufficient..."
  negativeHex: 1, // -7ff8ffa9
  bigDecimal: 2, // -2147024891, 3221225477: numbers only a 32-bit code makes
  // What the value is.
  namedFailure: 2,
  namedWin32: 1,
  knownFacility: 1,
  maskLike: -4,
  // What surrounds it.
  nameBeside: 2, // 0x80070005 (E_ACCESSDENIED)
  messageShaped: 3,
  messageAfter: 2, // Windows' own text for the value follows it (with message files) // "... cannot find the file specified. (0x2)"
  sentenceAfter: 1, // "800705AA Insufficient system resources exist..."
  windowsLine: 1,
  windowsNearby: 1,
  beyondPosixExit: 1,
  httpStatus: -2, // 400-599 after a plain error keyword: could be HTTP's
  posixLine: -3,
  againstAfter: -4,
  againstBefore: -5,
} as const;

export const CONFIDENCE = { high: 6, medium: 4, low: 2 } as const;
