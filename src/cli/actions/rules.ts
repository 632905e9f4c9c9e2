import { allRules } from '../../rules/index.js';
import { UsageError, type CliIO } from '../io.js';

export function runRules(io: CliIO, flags: { format: string; kind?: string }): void {
  const rules = allRules.filter((r) => !flags.kind || r.meta.appliesTo.includes(flags.kind as never));
  if (flags.format === 'json') {
    io.stdout(`${JSON.stringify({ rules: rules.map((r) => r.meta) }, null, 2)}\n`);
    return;
  }
  if (flags.format !== 'table') throw new UsageError(`unknown format "${flags.format}"; use table or json`);
  const idW = Math.max(...rules.map((r) => r.meta.id.length), 2);
  const sevW = 8;
  for (const r of rules) {
    io.stdout(`${r.meta.id.padEnd(idW)}  ${r.meta.severity.toUpperCase().padEnd(sevW)}  ${r.meta.practice.padEnd(3)}  ${r.meta.title}\n`);
  }
  io.stdout(`\n${rules.length} rules. \`drydock explain ID\` prints one in full.\n`);
}
