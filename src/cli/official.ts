// Windows' own message text beside our descriptions: options, lookup per decoded value, reporting.
import type { Command } from 'commander';
import type { Decoded } from '../core/decode';
import { EXIT, type Output, sys } from './io';
import { loadMessageSources, type MessageSources, type MessageText } from './messages';

export interface MessageOptions {
  /** Paths from --messages; false with --no-messages. */
  messages?: string[] | false;
  lang?: string;
  verbose?: boolean;
}

export function withMessageOptions(cmd: Command): Command {
  return cmd
    .option('--messages <path>', 'read Windows message text from this DLL/MUI file or System32-like folder (repeatable)', (p: string, all: string[] = []) => [...all, p])
    .option('--no-messages', 'do not read Windows message files, not even the ones found by themselves')
    .option('--lang <tag>', 'language of Windows message text, e.g. de-DE (default: from LC_ALL/LC_MESSAGES/LANG, then en-US)')
    .option('--verbose', 'say on stderr which message files were read');
}

export interface Official {
  /** Whether any message file was read: when not, there is nothing to look up. */
  available(): boolean;
  /** Windows' texts for the value, or for the Win32 error or NTSTATUS it wraps. */
  textsFor(d: Decoded): MessageText[];
  /** Windows' first text for a value as a scan candidate (or the Win32 error it wraps), if any. */
  firstText(value: number): string | undefined;
  /** Prints what went wrong reading message files; a file the user named makes the exit code 2. */
  report(): void;
}

export function openOfficial(opts: MessageOptions, o: Output): Official {
  if (opts.messages === false) return { available: () => false, textsFor: () => [], firstText: () => undefined, report: () => {} };
  const explicit = (opts.messages?.length ?? 0) > 0 || Boolean(sys.env.MFR_MESSAGES?.trim());
  let sources: MessageSources | undefined;
  const open = (): MessageSources =>
    (sources ??= loadMessageSources({
      paths: opts.messages || [],
      lang: opts.lang,
      env: sys.env,
      platform: process.platform,
      verbose: opts.verbose ? (line) => o.err(line) : undefined,
    }));
  return {
    available: () => open().read.length > 0,
    textsFor(d) {
      const s = open();
      const direct = s.lookup(d.value);
      if (direct.length > 0) return direct;
      // The system table keys Win32 errors by their number and NTSTATUS by theirs.
      for (const r of d.interpretations) {
        if (r.value !== d.value && (r.kind === 'hresult-from-win32' || r.kind === 'hresult-from-nt')) {
          const wrapped = s.lookup(r.value);
          if (wrapped.length > 0) return wrapped;
        }
      }
      return [];
    },
    firstText(value) {
      const s = open();
      if (s.read.length === 0) return undefined;
      const direct = s.lookup(value)[0] ?? ((value & 0xffff0000) >>> 0 === 0x80070000 ? s.lookup(value & 0xffff)[0] : undefined);
      return direct?.text;
    },
    report() {
      if (!sources && !opts.lang && !explicit) return;
      const s = open();
      for (const p of s.problems) o.err(`messages: ${p}`);
      if ((explicit || opts.lang !== undefined) && s.problems.length > 0) o.fail(EXIT.usage);
    },
  };
}
