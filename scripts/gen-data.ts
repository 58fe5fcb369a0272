// Generates src/data/codes.generated.ts — every error-code name and value the public Windows
// headers define — from Debian's mingw-w64-common and libwine-dev packages.
//   npm run gen:data            fetch the packages (scripts/fetch-headers.sh) and write the table
//   npm run gen:data -- DIR     use headers already unpacked under DIR (DIR/usr/share/...)
// Then the curated tables in src/data/curated/*.tsv: families no installable header carries,
// each row with the public page it was checked against.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Define, evaluate, parseDefines, type Typing } from './headers';

export type Kind = 'hresult' | 'win32' | 'ntstatus';

export const MINGW = 'usr/share/mingw-w64/include';
export const WINE = 'usr/include/wine/wine/windows';

export interface HeaderSpec {
  dir: typeof MINGW | typeof WINE;
  file: string;
  /** How its codes are classified: all NTSTATUS, all Win32 errors, or by how each is written. */
  kind: Kind | 'auto';
  /** For headers that mix codes with other constants: only names matching this are codes. */
  names?: RegExp;
}

/**
 * The headers read, in order of precedence: when several names share one value, names from an
 * earlier header come first; a name an earlier header defines is never redefined by a later one.
 */
export const HEADERS: HeaderSpec[] = [
  { dir: MINGW, file: 'winerror.h', kind: 'auto' },
  { dir: MINGW, file: 'ntstatus.h', kind: 'ntstatus' },
  { dir: WINE, file: 'winerror.h', kind: 'auto' },
  { dir: WINE, file: 'ntstatus.h', kind: 'ntstatus' },
  // Component headers: Windows Update, BITS, networking, media, DirectX, storage, COM libraries.
  ...['wuerror.h', 'bitsmsg.h', 'vsserror.h', 'fltwinerror.h', 'werapi.h', 'mferror.h', 'nserror.h',
    'vfwmsgs.h', 'dmerror.h', 'xaudio2.h', 'd2derr.h', 'd3d9.h', 'd3d8.h', 'd3d.h', 'ddraw.h', 'dsound.h',
    'dinput.h', 'd3drm.h', 'dxfile.h', 'dplay8.h', 'corerror.h', 'olectl.h', 'urlmon.h', 'oledberr.h',
    'cierror.h', 'fsrmerr.h', 'sherrors.h', 'mq.h', 'adserr.h', 'stierr.h', 'wiadef.h', 'p2p.h',
    'portabledevice.h', 'rtcerr.h', 'tapi3err.h', 'msopc.h', 'xpsobjectmodel.h', 'pstore.h', 'msctf.h',
    'textstor.h', 'netcfgx.h', 'wincred.h', 'subauth.h', 'ntiologc.h'].map(
    (file): HeaderSpec => ({ dir: MINGW, file, kind: 'auto' }),
  ),
  { dir: MINGW, file: 'lmerr.h', kind: 'win32', names: /^NERR_/ },
  { dir: MINGW, file: 'raserror.h', kind: 'win32', names: /^ERROR_/ },
  { dir: MINGW, file: 'winhttp.h', kind: 'win32', names: /^ERROR_WINHTTP_/ },
  { dir: MINGW, file: 'wininet.h', kind: 'win32', names: /^ERROR_(INTERNET|FTP|GOPHER|HTTP)_/ },
  // SetupAPI's errors are Win32 errors GetLastError returns (0xE000xxxx); audio and HID codes.
  { dir: MINGW, file: 'setupapi.h', kind: 'win32', names: /^ERROR_/ },
  { dir: MINGW, file: 'audioclient.h', kind: 'auto', names: /^AUDCLNT_[ES]_/ },
  { dir: MINGW, file: 'hidpi.h', kind: 'ntstatus', names: /^HIDP_STATUS_/ },
];

/** Headers read only for the constants other headers build codes from (winnt.h's APPLICATION_ERROR_MASK). */
export const SCOPE_ONLY: { dir: typeof MINGW | typeof WINE; file: string }[] = [{ dir: MINGW, file: 'winnt.h' }];

/** Names that are not codes: severities, facilities, range markers, bases, masks, include guards. */
const NOT_A_CODE = [
  /^_/, /^(SEVERITY|FACILITY)_/, /_SEVERITY_/, /^(ERROR|STATUS|NT)_SEVERITY/,
  /^(MIN|MAX)_/, /BASEERR$/, /^[A-Z0-9_]*_H_?$/, /^(APPLICATION_ERROR_MASK|ERROR_SEVERITY_\w+)$/,
  /_FACILITY(_CODE)?$/, /^(NO_ERROR_INFO|WINVER)$/,
];
/**
 * A name ending in _FIRST, _LAST, _BASE, _MIN, _MAX or _MASK marks a range when it names a family:
 * other names of the header start with the same words (OLE_E_FIRST, DNS_ERROR_ZONE_BASE). Alone,
 * it is a code like any other (ERROR_IMAGE_NOT_AT_BASE, FWP_E_INVALID_NET_MASK).
 */
const RANGE_SUFFIX = /_(FIRST|LAST|BASE|MIN|MAX|MASK)$/;
function marksRange(name: string, names: Iterable<string>): boolean {
  const m = RANGE_SUFFIX.exec(name);
  if (!m) return false;
  // "…_ERROR_MASK", "…_CODES_BASE": the words say it is the start of a numbering.
  if (RANGE_WORD.test(name.slice(0, m.index))) return true;
  const family = name.slice(0, m.index + 1);
  for (const other of names) if (other !== name && other.startsWith(family)) return true;
  return false;
}
const RANGE_WORD = /(?:^|_)(?:ERROR|ERRORS|CODES|FMT|API|DATABASE|DATAFILE|OPERATION|SECURE|SETUP|DP|ZONE|RCODE|GENERAL|STATUS|CUSTOM)$/;

/** In a component header, a constant written without an HRESULT or NTSTATUS type is a code only
 * when its name says so (…_E_…, …_S_…, …ERR_…) and it has 32-bit form (see codeLike). */
const CODE_NAME = /(^|_)(E|S|ERR|ERROR|OK|STATUS)(_|$)|^[A-Z0-9]*ERR_/;

export interface Code {
  kind: Kind;
  value: number;
  name: string;
  source: number;
}

export interface Facility {
  /** HRESULT facilities (winerror.h) and NTSTATUS facilities (ntstatus.h) are numbered apart. */
  space: Kind;
  value: number;
  name: string;
  source: number;
}

export interface Generated {
  sources: string[];
  codes: Code[];
  facilities: Facility[];
  /** Defines left out, with why: for checking the generator's judgement by eye. */
  skipped: string[];
}

/** HRESULT-style success names written as a plain 0 (NOERROR, SCARD_S_SUCCESS, NTE_OP_OK). */
const HRESULT_SUCCESS_NAME = /^(NOERROR|[A-Z0-9]+_S_\w+|NTE_OP_OK|TBS_SUCCESS)$/;

function classify(spec: HeaderSpec, typing: Typing, value: number, name: string): Kind {
  if (spec.kind !== 'auto') return spec.kind;
  if (typing === 'ntstatus') return 'ntstatus';
  if (typing === 'hresult' || value > 0xffff || (value === 0 && HRESULT_SUCCESS_NAME.test(name))) return 'hresult';
  return 'win32';
}

/** Curated tables: families no installable header carries, one row per code with its page. */
export const CURATED = 'src/data/curated';

export interface CuratedRow {
  kind: Kind;
  value: number;
  name: string;
  /** The public page the row was checked against. */
  url: string;
  file: string;
  line: number;
}

/** Curated facility names: `facilities.tsv`, one a line: space, number, name (no FACILITY_), page. */
export const CURATED_FACILITIES = 'facilities.tsv';

export interface CuratedFacility {
  space: 'hresult' | 'ntstatus';
  value: number;
  name: string;
  url: string;
}

export function readCuratedFacilities(dir: string = CURATED): CuratedFacility[] {
  const path = join(dir, CURATED_FACILITIES);
  if (!existsSync(path)) return [];
  const rows: CuratedFacility[] = [];
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .forEach((text, i) => {
      if (text.trim() === '' || text.startsWith('#')) return;
      const [space, num, name, url, ...rest] = text.split('\t');
      const where = `${CURATED_FACILITIES}:${i + 1}`;
      if (space !== 'hresult' && space !== 'ntstatus') throw new Error(`${where}: space "${space}"`);
      const value = Number(num);
      if (!/^\d+$/.test(num ?? '') || value > (space === 'hresult' ? 0x1fff : 0xfff)) throw new Error(`${where}: value "${num}"`);
      if (!/^[A-Z][A-Z0-9_]*$/.test(name ?? '')) throw new Error(`${where}: name "${name}"`);
      if (!/^https:\/\/\S+$/.test(url ?? '') || rest.length > 0) throw new Error(`${where}: source "${url}"`);
      rows.push({ space, value, name: name ?? '', url: url ?? '' });
    });
  return rows;
}

/** Reads every `*.tsv` under `dir` (but the facilities): kind, 0x + 8 hex digits, name, https URL; `#` comments. */
export function readCurated(dir: string = CURATED): CuratedRow[] {
  if (!existsSync(dir)) return [];
  const rows: CuratedRow[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsv') && f !== CURATED_FACILITIES).sort()) {
    readFileSync(join(dir, file), 'utf8')
      .split(/\r?\n/)
      .forEach((text, i) => {
        if (text.trim() === '' || text.startsWith('#')) return;
        const [kind, hex, name, url, ...rest] = text.split('\t');
        const where = `${file}:${i + 1}`;
        if (kind !== 'hresult' && kind !== 'win32' && kind !== 'ntstatus') throw new Error(`${where}: kind "${kind}"`);
        if (!/^0x[0-9A-F]{8}$/.test(hex ?? '')) throw new Error(`${where}: value "${hex}"`);
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name ?? '')) throw new Error(`${where}: name "${name}"`);
        if (!/^https:\/\/\S+$/.test(url ?? '') || rest.length > 0) throw new Error(`${where}: source "${url}"`);
        rows.push({ kind, value: parseInt(hex ?? '', 16), name: name ?? '', url: url ?? '', file, line: i + 1 });
      });
  }
  return rows;
}

export function generate(
  root: string,
  headers: HeaderSpec[] = HEADERS,
  curated: CuratedRow[] = readCurated(),
  curatedFacilities: CuratedFacility[] = readCuratedFacilities(),
): Generated {
  const sources: string[] = [];
  const codes: Code[] = [];
  const facilities: Facility[] = [];
  const skipped: string[] = [];
  const claimed = new Map<string, number>(); // name → value, first header wins
  const facilityNames = new Set<string>();
  const scopes = new Map<string, Map<string, Define>>(); // dir → winerror.h defines of that package

  const index = (defines: Define[]): Map<string, Define> => {
    const map = new Map<string, Define>();
    // First definition wins, as the headers guard redefinitions with #ifndef.
    for (const d of defines) if (!map.has(d.name)) map.set(d.name, d);
    return map;
  };

  // Constants every header of a package may build on: winerror.h's, ntstatus.h's, winnt.h's.
  const extra = new Map<string, Map<string, Define>>();
  for (const spec of SCOPE_ONLY) {
    const path = join(root, spec.dir, spec.file);
    if (existsSync(path)) extra.set(spec.dir, index(parseDefines(readFileSync(path, 'latin1'))));
  }
  const ntScopes = new Map<string, Map<string, Define>>();

  for (const spec of headers) {
    const path = join(root, spec.dir, spec.file);
    if (!existsSync(path)) throw new Error(`missing header ${path}`);
    const own = index(parseDefines(readFileSync(path, 'latin1')));
    const label = spec.dir === WINE ? `wine/${spec.file}` : spec.file;
    if (spec.file === 'winerror.h') scopes.set(spec.dir, own);
    if (spec.file === 'ntstatus.h') ntScopes.set(spec.dir, own);
    const shared = scopes.get(spec.dir);
    const nt = ntScopes.get(spec.dir);
    const more = extra.get(spec.dir);
    const resolve = (name: string): Define | undefined => own.get(name) ?? shared?.get(name) ?? nt?.get(name) ?? more?.get(name);
    const source = sources.push(label) - 1;

    for (const d of own.values()) {
      if (d.params !== undefined) continue;
      if ((spec.file === 'winerror.h' || spec.file === 'ntstatus.h') && /^FACILITY_/.test(d.name)) {
        const space: Kind = spec.file === 'winerror.h' ? 'hresult' : 'ntstatus';
        try {
          const { value } = evaluate(d.body, resolve);
          const name = d.name.slice('FACILITY_'.length);
          const key = `${space}:${name}`;
          if (value <= (space === 'hresult' ? 0x1fff : 0xfff) && !facilityNames.has(key)) {
            facilityNames.add(key);
            facilities.push({ space, value, name, source });
          }
        } catch {
          skipped.push(`${label}:${d.line} ${d.name}: not an integer`);
        }
        continue;
      }
      if (NOT_A_CODE.some((re) => re.test(d.name)) || marksRange(d.name, own.keys())) continue;
      if (spec.names && !spec.names.test(d.name)) continue;
      let typing: Typing;
      let value: number;
      try {
        ({ value, typing } = evaluate(d.body, resolve));
      } catch (e) {
        if (spec.kind !== 'auto' || spec.dir === WINE || spec.file === 'winerror.h') {
          skipped.push(`${label}:${d.line} ${d.name}: ${(e as Error).message}`);
        }
        continue;
      }
      const alias = /^[A-Za-z_]\w*$/.test(d.body) ? claimed.has(d.body) : false;
      const isComponent = spec.file !== 'winerror.h' && spec.kind === 'auto';
      // An untyped constant in a component header must look like a code: a code-like name, and
      // a facility or code besides the severity bit (DIAH_ERROR 0x80000000 is a flag).
      const codeLike = value > 0xffff && (value & 0x0fffffff) !== 0 && CODE_NAME.test(d.name);
      if (isComponent && typing !== 'hresult' && typing !== 'ntstatus' && !alias && !codeLike) continue;
      const previous = claimed.get(d.name);
      if (previous !== undefined) {
        if (previous !== value) skipped.push(`${label}:${d.line} ${d.name}: redefines an earlier header's value`);
        continue;
      }
      claimed.set(d.name, value);
      codes.push({ kind: classify(spec, typing, value, d.name), value, name: d.name, source });
    }
  }
  // Curated rows come after every header: a name a header defines keeps the header's value.
  const curatedSource = new Map<string, number>();
  for (const row of curated) {
    const previous = claimed.get(row.name);
    if (previous !== undefined) {
      if (previous !== row.value) skipped.push(`${row.file}:${row.line} ${row.name}: a header gives it 0x${previous.toString(16)}`);
      continue;
    }
    claimed.set(row.name, row.value);
    const label = `curated/${row.file}`;
    let source = curatedSource.get(label);
    if (source === undefined) curatedSource.set(label, (source = sources.push(label) - 1));
    codes.push({ kind: row.kind, value: row.value, name: row.name, source });
  }
  // Curated facility names, after the headers' (a name a header gives a number is kept).
  if (curatedFacilities.length > 0) {
    const source = sources.push(`curated/${CURATED_FACILITIES}`) - 1;
    for (const f of curatedFacilities) {
      const key = `${f.space}:${f.name}`;
      if (facilityNames.has(key)) continue;
      facilityNames.add(key);
      facilities.push({ space: f.space, value: f.value, name: f.name, source });
    }
  }
  const kindOrder: Record<Kind, number> = { hresult: 0, win32: 1, ntstatus: 2 };
  // Stable sort: within one value, header precedence then header order is kept.
  codes.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.value - b.value || a.source - b.source);
  facilities.sort((a, b) => kindOrder[a.space] - kindOrder[b.space] || a.value - b.value || a.source - b.source);
  return { sources, codes, facilities, skipped };
}

const KIND_LETTER: Record<Kind, string> = { hresult: 'h', win32: 'w', ntstatus: 'n' };

/** The generated module: compact tab-separated tables in string literals, parsed on first use. */
export function render(g: Generated, packages: string[]): string {
  const codeLines = g.codes.map((c) => `${KIND_LETTER[c.kind]}\t${c.value.toString(16)}\t${c.name}\t${c.source}`);
  const facilityLines = g.facilities.map((f) => `${KIND_LETTER[f.space]}\t${f.value}\t${f.name}\t${f.source}`);
  return [
    '// Generated by scripts/gen-data.ts (npm run gen:data). Do not edit.',
    `// From Debian packages: ${packages.join(', ')}.`,
    '// And the curated tables in src/data/curated/ (each row names the public page it was checked against).',
    '// Names and values only; descriptions live in descriptions.ts.',
    '',
    `export const PACKAGES: readonly string[] = ${JSON.stringify(packages)};`,
    '',
    '/** Source headers, indexed by the last column of the tables below. */',
    `export const SOURCES: readonly string[] = ${JSON.stringify(g.sources)};`,
    '',
    '/** space (h hresult, n ntstatus)\\tvalue\\tname\\tsource, one facility name a line. */',
    `export const FACILITY_TABLE: string = ${JSON.stringify(facilityLines.join('\n'))};`,
    '',
    '/** How many codes of each kind the table holds (for --version, without reading the table). */',
    `export const COUNTS: { readonly hresult: number; readonly win32: number; readonly ntstatus: number } = ${JSON.stringify({
      hresult: g.codes.filter((c) => c.kind === 'hresult').length,
      win32: g.codes.filter((c) => c.kind === 'win32').length,
      ntstatus: g.codes.filter((c) => c.kind === 'ntstatus').length,
    })};`,
    '',
    '/** kind (h hresult, w win32, n ntstatus)\\thex value\\tname\\tsource, sorted by kind and value. */',
    `export const CODE_TABLE: string = ${JSON.stringify(codeLines.join('\n'))};`,
    '',
  ].join('\n');
}

export const OUTPUT = 'src/data/codes.generated.ts';

export function readPackages(root: string): string[] {
  const file = join(root, '..', 'versions.txt');
  return readFileSync(file, 'utf8').trim().split('\n').sort();
}

function main(): void {
  const dir = process.argv[2] ?? execFileSync('bash', ['scripts/fetch-headers.sh'], { stdio: ['ignore', 'pipe', 'inherit'] }).toString().trim();
  const root = join(dir, 'root');
  const g = generate(root);
  writeFileSync(OUTPUT, render(g, readPackages(root)));
  const count = (k: Kind) => g.codes.filter((c) => c.kind === k).length;
  console.log(`${OUTPUT}: ${g.codes.length} codes (${count('hresult')} HRESULT, ${count('win32')} Win32, ${count('ntstatus')} NTSTATUS), ${g.facilities.length} facility names`);
  if (process.env.GEN_VERBOSE) for (const s of g.skipped) console.log(`skipped ${s}`);
  else console.log(`${g.skipped.length} defines skipped (GEN_VERBOSE=1 lists them)`);
}

if (require.main === module) main();
