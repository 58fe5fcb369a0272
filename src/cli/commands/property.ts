import type { Command } from 'commander';
import { hex32 } from '../../core/dword';
import { MIGRATION_FAILURE_REASON as P } from '../../core/migration';
import { createOutput } from '../io';
import { type CommonOptions, withCommonOptions, withHelpNotes } from '../options';
import { jsonArray } from '../render/json';
import { row } from '../render/text';

export function registerProperty(program: Command): void {
  withHelpNotes(withCommonOptions(
    program
      .command('property')
      .summary('show the MigrationFailureReason property model')
      .description('Show the attributes and the value table of the MigrationFailureReason cluster property, the model decode enforces.'),
  ), { examples: ['mfr property', 'mfr property --json'] }).action((opts: CommonOptions) => {
    const o = createOutput(opts.color);
    if (opts.json) {
      const hexes = { minimumHex: hex32(P.minimum), maximumHex: hex32(P.maximum), defaultHex: hex32(P.default) };
      o.out(jsonArray([{ ...P, ...hexes, values: P.values.map((v) => ({ ...v, hex: hex32(v.value) })) }]));
      return;
    }
    const c = o.color;
    const num = (n: number): string => `${n} (${hex32(n)})`;
    let s = `${c.bold(P.name)}\n  ${P.summary}\n\n`;
    s += row(c, 'data type', P.dataType);
    s += row(c, 'access', P.access);
    s += row(c, 'status', P.status);
    s += row(c, 'structure', P.structure);
    s += row(c, 'minimum', num(P.minimum));
    s += row(c, 'maximum', num(P.maximum));
    s += row(c, 'default', num(P.default));
    s += `\n${c.bold('Values')}\n`;
    const width = Math.max(...P.values.map((v) => v.name.length));
    for (const v of P.values) {
      const dflt = v.value === P.default ? c.dim(' (default)') : '';
      s += `  ${v.name.padEnd(width)}  ${hex32(v.value)}  ${v.description}${dflt}\n`;
    }
    o.out(s);
  });
}
