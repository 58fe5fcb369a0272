// lookup, search, list and facilities: finding codes by name, by words, by facility or kind.
import { type Command, InvalidArgumentError, Option } from '../commander';
import { decode } from '../../core/decode';
import { type ListFilter, listCodeBatches, listCodeRanges, lookupName, NotFoundError, searchWords } from '../../core/query';
import { allFacilities, type CodeEntry, codeCount } from '../../data/db';
import { codeRow, openRows } from '../rows';
import { createOutput, EXIT, type Output } from '../io';
import { type MessageOptions, type Official, openOfficial, withMessageOptions } from '../official';
import { type CommonOptions, withCommonOptions, withHelpNotes } from '../options';
import { decodedJson, element, errorObject, jsonArray, jsonArrayPart } from '../render/json';
import { type CodeRow, codeTable, decodedRows, displayValue } from '../render/text';

/** Rows with Windows' own text where a message file has it. */
function withMessages(official: Official, entries: CodeEntry[]): CodeRow[] {
  const available = official.available();
  return entries.map((e) => ({ ...codeRow(e), messages: available ? official.textsFor(decode(e.value, e.kind)) : [] }));
}

/** A name or facility no code has: one line on stderr; found nothing is exit 1, as for search. */
function reportNotFound(o: Output, e: unknown, code: number = EXIT.found): void {
  if (!(e instanceof NotFoundError)) throw e;
  o.err(e.message);
  o.fail(code);
}

const KINDS = ['hresult', 'win32', 'ntstatus'] as const;

/** --kind in any case (Win32, NTSTATUS), with the closest kind suggested for a typo. */
function kindArg(value: string): (typeof KINDS)[number] {
  const k = value.trim().toLowerCase();
  const found = KINDS.find((x) => x === k);
  if (found) return found;
  const near = KINDS.find((x) => x.startsWith(k.slice(0, 2)));
  throw new InvalidArgumentError(`"${value}" is no kind; use hresult, win32 or ntstatus${near ? ` (did you mean ${near}?)` : ''}`);
}

export function registerCodes(program: Command): void {
  withMessageOptions(withHelpNotes(withCommonOptions(
    program
      .command('lookup')
      .summary('find codes by name')
      .description('An exact name (any case) shows that code decoded; part of a name lists every code whose name contains it.')
      .argument('<names...>', 'names or parts of names, e.g. ERROR_BUSY, access_denied'),
  ), { examples: ['mfr lookup E_ACCESSDENIED', 'mfr lookup access_denied', 'mfr lookup ERROR_BUSY --json'], exit1: 'no code has the name, or contains the text', messages: true })).action((names: string[], opts: CommonOptions & MessageOptions) => {
    const o = createOutput(opts.color);
    const official = openOfficial(opts, o);
    const results: object[] = [];
    for (const [i, query] of names.entries()) {
      try {
        const r = lookupName(query);
        if ('exact' in r) {
          const decoded = decode(r.exact.value, r.exact.kind);
          const messages = official.textsFor(decoded);
          if (opts.json) results.push({ input: query, match: { ...codeRow(r.exact), messages }, decoded: { ...decodedJson(decoded), messages } });
          else o.out(`${i > 0 ? '\n' : ''}${o.color.bold(r.exact.name)} = ${displayValue(codeRow(r.exact))} ${o.color.dim(`(${r.exact.kind}, ${r.exact.source})`)}\n${decodedRows(o.color, decoded, messages)}`);
        } else {
          const rows = withMessages(official, r.matches);
          if (opts.json) results.push({ input: query, matches: rows });
          else {
            // The count is for the reader, not the data: stderr, so that stdout pipes cleanly.
            o.err(`${r.matches.length} ${r.matches.length === 1 ? 'name contains' : 'names contain'} ${JSON.stringify(query)}`);
            o.out(`${i > 0 ? '\n' : ''}${codeTable(o.color, rows)}`);
          }
        }
      } catch (e) {
        reportNotFound(o, e);
        if (opts.json) results.push(errorObject(query, (e as Error).message));
      }
    }
    if (opts.json) o.out(jsonArray(results));
    official.report();
  });

  withMessageOptions(withHelpNotes(withCommonOptions(
    program
      .command('search')
      .summary('find codes by words in their names and descriptions')
      .description('List every code whose name or description contains all the words (any case).')
      .argument('<words...>', 'words to find, e.g. access denied'),
  ), { examples: ['mfr search access denied', 'mfr search cluster quorum --json'], exit1: 'no code matches the words', messages: true })).action((words: string[], opts: CommonOptions & MessageOptions) => {
    const o = createOutput(opts.color);
    const official = openOfficial(opts, o);
    const query = words.join(' ');
    const found = withMessages(official, searchWords(query));
    if (found.length === 0) {
      o.err(`no code matches ${JSON.stringify(query)}`);
      o.fail(EXIT.found);
    }
    o.out(opts.json ? jsonArray(found) : codeTable(o.color, found));
    official.report();
  });

  withHelpNotes(withCommonOptions(
    program
      .command('list')
      .summary('list the codes mfr knows')
      .description('List every known code, or those of one facility or kind.')
      .option('--facility <name|number>', 'only codes of this facility, e.g. WIN32, 7, DXGI (NTSTATUS facilities with --kind ntstatus)')
      .addOption(new Option('--kind <kind>', 'only codes of this kind: hresult, win32 or ntstatus (any case)').argParser(kindArg)),
  ), { examples: ['mfr list --facility WIN32', 'mfr list --kind ntstatus --json', 'mfr list --facility DXGI'] }).action((opts: CommonOptions & ListFilter) => {
    const o = createOutput(opts.color);
    try {
      const filter = { kind: opts.kind, facility: opts.facility };
      // In JSON, the table's rows were rendered at build time (rows.ts): a run of them is one
      // slice of that file, read 2,000 rows at a time.
      const prebuilt = opts.json ? openRows(codeCount()) : undefined;
      if (prebuilt) {
        const { seeds, ranges } = listCodeRanges(filter);
        const parts = seeds.map((s) => element(codeRow(s)));
        if (parts.length > 0) o.out(`[\n${parts.join(',\n')}`);
        let first = parts.length === 0;
        for (const [, start, end] of ranges) {
          for (let at = start; at < end; at += 2000, first = false) {
            o.out(first ? '[\n' : ',\n');
            o.out(prebuilt.range(at, Math.min(end, at + 2000)));
          }
        }
        o.out(first ? '[]\n' : '\n]\n');
        return;
      }
      // Otherwise made and written 500 rows at a time: a batch is garbage by the next one, which
      // keeps the collector's work small.
      let first = true;
      for (const codes of listCodeBatches(filter, 500)) {
        const rows = codes.map(codeRow);
        o.out(opts.json ? jsonArrayPart(rows, first, false) : codeTable(o.color, rows));
        first = false;
      }
      if (opts.json) o.out(first ? jsonArray([]) : jsonArrayPart([], false, true));
    } catch (e) {
      reportNotFound(o, e, EXIT.usage);
      if (opts.json) o.out(jsonArray([errorObject(opts.facility ?? '', (e as Error).message)]));
    }
  });

  withHelpNotes(withCommonOptions(
    program.command('facilities').summary('list the facility numbers and names mfr knows').description('List every HRESULT and NTSTATUS facility the headers name.'),
  ), { examples: ['mfr facilities', 'mfr facilities --json'] }).action((opts: CommonOptions) => {
    const o = createOutput(opts.color);
    const list = allFacilities();
    if (opts.json) {
      o.out(jsonArray(list.map((f) => ({ kind: f.space, value: f.value, names: f.names, source: f.source }))));
      return;
    }
    for (const space of ['hresult', 'ntstatus'] as const) {
      o.out(o.color.bold(space === 'hresult' ? 'HRESULT facilities' : 'NTSTATUS facilities') + '\n');
      for (const f of list.filter((x) => x.space === space)) o.out(`  ${String(f.value).padStart(5)}  0x${f.value.toString(16).toUpperCase().padStart(3, '0')}  ${f.names.join(', ')}\n`);
    }
  });
}
