// Windows' own message texts, read at run time from the message files of a Windows installation
// (or files the user names). Nothing Windows-made ships with mfr.
//
// Where files come from, first match wins:
//   1. `--messages PATH` (repeatable): a file (always read) or a folder (scanned, see below);
//   2. MFR_MESSAGES: the same, as a path list (';' on Windows, ':' elsewhere);
//   3. auto-detection: %SystemRoot%\System32 on Windows; /mnt/c/Windows/System32 under WSL.
// A folder is scanned for MESSAGE_MODULES only, each with its language satellites
// `<folder>/<lang>/<module>.mui`; other .dll/.mui files in it are ignored (name such a file itself
// to read it).
//
// Nothing is opened until the first lookup (or the first look at `read` / `problems`). Each file is
// then opened once: its PE headers and resource directory, and the message tables of the languages
// that can be chosen for the user (see `languageRank`). Texts are decoded per looked-up id.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ByteSource, type MessageFile, MessageFileError, langIdFromTag, langTag, openMessageFile } from '../core/msgtable';

export interface MessageText {
  /** The text as stored, trailing line breaks removed; %1-style inserts are left as they are. */
  text: string;
  /** Language tag such as "en-US" ("de" for a language without region, "neutral", or "0x0484"). */
  lang: string;
  /** The file the text was read from. */
  source: string;
}

export interface MessageSources {
  /** The best-language text of `value` from each message module (at most one per module). */
  lookup(value: number): MessageText[];
  /** Files read, in order. */
  readonly read: string[];
  /** One line per file or path that could not be used: "<path>: <what is wrong>". */
  readonly problems: string[];
}

export interface LoadMessageOptions {
  /** From `--messages` (files or folders); empty to fall back to MFR_MESSAGES, then auto-detection. */
  paths: string[];
  /** Language tag such as "de-DE"; else taken from LC_ALL / LC_MESSAGES / LANG; else en-US. */
  lang?: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Receives a line per file read (path, languages, message counts) and per folder scanned. */
  verbose?: (line: string) => void;
  /** Where Windows' System32 is seen under WSL; default /mnt/c/Windows/System32. */
  wslRoot?: string;
}

/**
 * The modules a folder scan reads, in the order their texts are listed. Each holds a message table
 * with error texts:
 * - kernelbase.dll: the system message table (Win32 errors, HRESULTs of winerror.h), Windows 8 on;
 * - kernel32.dll: the same table on Windows 7 and older;
 * - ntdll.dll: NTSTATUS texts;
 * - netmsg.dll: network management errors (NERR_*, 2100–2999, lmerr.h);
 * - wininet.dll, winhttp.dll: WinINet / WinHTTP errors (12000–12199);
 * - qmgr.dll: BITS errors (0x8020xxxx, bitsmsg.h; HTTP statuses as 0x8019xxxx);
 * - pdh.dll: Performance Data Helper errors (pdhmsg.h);
 * - mferror.dll: Media Foundation errors (0xC00Dxxxx, mferror.h).
 * Cluster (ERROR_CLUSTER_*) and Hyper-V compute (HCS_E_*) errors are in winerror.h, so their
 * texts are in the system table already. Windows Update errors (wuerror.h) have no message table
 * that FormatMessage reads, so no module is listed for them.
 */
export const MESSAGE_MODULES: readonly string[] = [
  'kernelbase.dll',
  'kernel32.dll',
  'ntdll.dll',
  'netmsg.dll',
  'wininet.dll',
  'winhttp.dll',
  'qmgr.dll',
  'pdh.dll',
  'mferror.dll',
];

export const DEFAULT_WSL_ROOT = '/mnt/c/Windows/System32';
const FALLBACK_TAG = 'en-US';
const EN_US = 0x409;
const LANG_ENGLISH = 0x09;
/** Ranks at or below this are loaded from every file; see languageRank. */
const LAST_WANTED_RANK = 4;

/**
 * The language to prefer: `lang` if given, else the first of LC_ALL, LC_MESSAGES, LANG that is set
 * (POSIX order), as a tag: "de_DE.UTF-8" → "de-DE". "C" and "POSIX" mean no preference. Undefined
 * when none is given (the caller then uses en-US).
 */
export function preferredLanguage(lang: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const raw = lang ?? [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  if (raw === undefined) return undefined;
  const base = raw.trim().replace(/[.@].*$/, '');
  if (base === '' || base === 'C' || base === 'POSIX') return undefined;
  const parts = base.split(/[-_]/);
  return parts
    .map((p, i) => (i === 0 ? p.toLowerCase() : p.length === 2 ? p.toUpperCase() : p.length === 4 ? p[0]!.toUpperCase() + p.slice(1).toLowerCase() : p))
    .join('-');
}

/**
 * How well a message language fits the preferred tag, lower is better: 0 the language itself,
 * 1 the same language in another region (or with none, as Wine's files have), 2 language-neutral,
 * 3 en-US, 4 other English, 5 anything else.
 */
export function languageRank(langId: number, preferred: string): number {
  const want = langIdFromTag(preferred);
  const wantPrimary = langIdFromTag(preferred.split('-')[0] ?? '');
  const primary = langId & 0x3ff;
  if (want !== undefined && langId === want) return 0;
  if (wantPrimary !== undefined && wantPrimary !== 0 && primary === wantPrimary) return 1;
  if (primary === 0) return 2;
  if (langId === EN_US) return 3;
  if (primary === LANG_ENGLISH) return 4;
  return 5;
}

function tagOf(langId: number): string {
  return langTag(langId) ?? '0x' + langId.toString(16).toUpperCase().padStart(4, '0');
}

interface OpenFile {
  path: string;
  file: MessageFile;
  /** Loaded languages with their rank, best first. */
  langs: Array<{ langId: number; rank: number }>;
}

/** A module: its main file and language satellites (folder scan), or one file named by the user. */
interface Group {
  paths: string[];
  files: OpenFile[];
}

function describeError(e: unknown): string {
  if (e instanceof MessageFileError) return e.message;
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err === 'object' && typeof err.code === 'string') {
    switch (err.code) {
      case 'ENOENT':
        return 'no such file or folder';
      case 'EACCES':
      case 'EPERM':
        return 'permission denied';
      case 'EISDIR':
        return 'is a folder';
      default:
        return `cannot read (${err.code})`;
    }
  }
  return e instanceof Error ? e.message : String(e);
}

/** Reads ranges of an open file on demand. */
function fileSource(fd: number, size: number): ByteSource {
  return {
    size,
    read(offset, length) {
      const buf = Buffer.allocUnsafe(length);
      let got = 0;
      while (got < length) {
        const n = fs.readSync(fd, buf, got, length - got, offset + got);
        if (n === 0) break;
        got += n;
      }
      return got === length ? buf : buf.subarray(0, got);
    },
  };
}

/** Case-insensitive names in a folder, read once and only when an exact name is missing. */
class Folder {
  private names: Map<string, fs.Dirent> | undefined;
  private readonly subs = new Map<string, Folder | undefined>();
  constructor(readonly dir: string) {}

  private list(): Map<string, fs.Dirent> {
    if (!this.names) {
      this.names = new Map();
      try {
        for (const d of fs.readdirSync(this.dir, { withFileTypes: true })) {
          const key = d.name.toLowerCase();
          if (!this.names.has(key)) this.names.set(key, d);
        }
      } catch {
        // an unreadable folder has no entries
      }
    }
    return this.names;
  }

  /** Path of the file `name` (any case), or undefined. */
  file(name: string): string | undefined {
    const exact = path.join(this.dir, name);
    if (isFile(exact)) return exact;
    const d = this.list().get(name.toLowerCase());
    if (d) {
      const p = path.join(this.dir, d.name);
      if (isFile(p)) return p;
    }
    return undefined;
  }

  /** Subfolder `name` (any case) as a Folder, or undefined; one Folder per subfolder. */
  sub(name: string): Folder | undefined {
    const key = name.toLowerCase();
    if (this.subs.has(key)) return this.subs.get(key);
    let found: Folder | undefined;
    const exact = path.join(this.dir, name);
    if (isDir(exact)) found = new Folder(exact);
    else {
      const d = this.list().get(key);
      if (d && isDir(path.join(this.dir, d.name))) found = new Folder(path.join(this.dir, d.name));
    }
    this.subs.set(key, found);
    return found;
  }

  /** Subfolders named like language tags ("de-DE", "sr-Latn-RS"), sorted. */
  langDirs(): string[] {
    return [...this.list().values()]
      .filter((d) => /^[a-z]{2,3}(-[a-z0-9]{2,8})+$/i.test(d.name) && (d.isDirectory() || isDir(path.join(this.dir, d.name))))
      .map((d) => d.name)
      .sort();
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function loadMessageSources(opts: LoadMessageOptions): MessageSources {
  const verbose = opts.verbose ?? (() => {});
  const read: string[] = [];
  const problems: string[] = [];
  let preferred = preferredLanguage(opts.lang, opts.env);
  if (preferred !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(preferred)) {
    problems.push(`language ${JSON.stringify(opts.lang ?? preferred)}: not a language tag such as de-DE; using ${FALLBACK_TAG}`);
    preferred = undefined;
  }
  const want = preferred ?? FALLBACK_TAG;
  const cache = new Map<number, MessageText[]>();
  let groups: Group[] | undefined;

  /**
   * The satellites of `module` worth reading, best first: the wanted language (else the same
   * language in another region), then en-US; when neither exists, the first language present.
   */
  const satellites = (folder: Folder, module: string): string[] => {
    const name = module + '.mui';
    const inDir = (d: string): string | undefined => folder.sub(d)?.file(name);
    const out: string[] = [];
    const firstOf = (dirs: string[]): void => {
      for (const d of dirs) {
        const p = inDir(d);
        if (p) {
          out.push(p);
          return;
        }
      }
    };
    const exact = inDir(want);
    if (exact) out.push(exact);
    else if (want !== FALLBACK_TAG) {
      const primary = want.split('-')[0]!.toLowerCase();
      firstOf(folder.langDirs().filter((d) => d.split('-')[0]!.toLowerCase() === primary && d.toLowerCase() !== FALLBACK_TAG.toLowerCase()));
    }
    if (want !== FALLBACK_TAG) {
      const en = inDir(FALLBACK_TAG);
      if (en) out.push(en);
    }
    if (out.length === 0) firstOf(folder.langDirs());
    return out;
  };

  const scanFolder = (dir: string, explicit: boolean): Group[] => {
    const folder = new Folder(dir);
    const found: Group[] = [];
    for (const module of MESSAGE_MODULES) {
      const paths: string[] = [];
      const main = folder.file(module);
      if (main) paths.push(main);
      paths.push(...satellites(folder, module));
      if (paths.length > 0) found.push({ paths, files: [] });
    }
    verbose(`messages: scanned ${dir}: ${found.length} of ${MESSAGE_MODULES.length} known modules found`);
    if (explicit && found.length === 0) {
      problems.push(`${dir}: no message modules found (looked for ${MESSAGE_MODULES.join(', ')} and <lang>/<module>.mui)`);
    }
    return found;
  };

  const fromPaths = (list: string[], explicit: boolean): Group[] => {
    const out: Group[] = [];
    for (const p of list) {
      let st: fs.Stats;
      try {
        st = fs.statSync(p);
      } catch (e) {
        if (explicit) problems.push(`${p}: ${describeError(e)}`);
        continue;
      }
      if (st.isDirectory()) out.push(...scanFolder(p, explicit));
      else out.push({ paths: [p], files: [] });
    }
    return out;
  };

  const discover = (): Group[] => {
    if (opts.paths.length > 0) return fromPaths(opts.paths, true);
    const envList = opts.env.MFR_MESSAGES;
    if (envList !== undefined && envList.trim() !== '') {
      const sep = opts.platform === 'win32' ? ';' : ':';
      return fromPaths(envList.split(sep).filter((s) => s.trim() !== ''), true);
    }
    const auto =
      opts.platform === 'win32'
        ? path.join(opts.env.SystemRoot ?? opts.env.SYSTEMROOT ?? opts.env.windir ?? opts.env.WINDIR ?? 'C:\\Windows', 'System32')
        : (opts.wslRoot ?? DEFAULT_WSL_ROOT);
    if (!isDir(auto)) {
      verbose(`messages: no Windows message files (${auto} not found); name some with --messages or MFR_MESSAGES`);
      return [];
    }
    return fromPaths([auto], false);
  };

  const openOne = (p: string): OpenFile | undefined => {
    let fd: number | undefined;
    try {
      fd = fs.openSync(p, 'r');
      const size = fs.fstatSync(fd).size;
      const file = openMessageFile(fileSource(fd, size));
      let langs = file.langIds.map((langId) => ({ langId, rank: languageRank(langId, want) })).sort((a, b) => a.rank - b.rank || a.langId - b.langId);
      const wanted = langs.filter((l) => l.rank <= LAST_WANTED_RANK);
      langs = wanted.length > 0 ? wanted : langs.slice(0, 1);
      file.load(langs.map((l) => l.langId));
      read.push(p);
      const counts = langs.map((l, i) => `${file.count(l.langId)}${i === 0 ? ' messages' : ''} in ${tagOf(l.langId)}`).join(', ');
      const skipped = file.langIds.length - langs.length;
      verbose(
        `messages: read ${p}: ` +
          (file.langIds.length === 0 ? 'no message table' : counts) +
          (skipped > 0 ? ` (${skipped} other language${skipped === 1 ? '' : 's'} not read)` : ''),
      );
      return { path: p, file, langs };
    } catch (e) {
      problems.push(`${p}: ${describeError(e)}`);
      return undefined;
    } finally {
      if (fd !== undefined) {
        try {
          fs.closeSync(fd);
        } catch {
          // nothing to do
        }
      }
    }
  };

  const ensure = (): Group[] => {
    if (!groups) {
      groups = discover();
      for (const g of groups) {
        for (const p of g.paths) {
          const f = openOne(p);
          if (f) g.files.push(f);
        }
      }
    }
    return groups;
  };

  const lookup = (value: number): MessageText[] => {
    const id = value >>> 0;
    const hit = cache.get(id);
    if (hit) return hit;
    if (ensure().length === 0) return [];
    // Bounded, so that a bulk run over many values keeps its memory flat.
    if (cache.size >= 65536) cache.clear();
    const out: MessageText[] = [];
    for (const g of ensure()) {
      let best: { text: string; langId: number; rank: number; source: string } | undefined;
      for (const f of g.files) {
        for (const l of f.langs) {
          if (best && l.rank >= best.rank) break; // langs are sorted by rank
          let e;
          try {
            e = f.file.get(id, l.langId);
          } catch (err) {
            problems.push(`${f.path}: ${describeError(err)}`);
            continue;
          }
          if (e) best = { text: e.text, langId: l.langId, rank: l.rank, source: f.path };
        }
      }
      if (best && !out.some((o) => o.text === best!.text && o.lang === tagOf(best!.langId))) {
        out.push({ text: best.text, lang: tagOf(best.langId), source: best.source });
      }
    }
    cache.set(id, out);
    return out;
  };

  return {
    lookup,
    get read() {
      ensure();
      return read;
    },
    get problems() {
      ensure();
      return problems;
    },
  };
}
