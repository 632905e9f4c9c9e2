import { renderRuleDoc } from '../../rules/docs.js';
import { findRule } from '../../rules/index.js';
import { UsageError, type CliIO } from '../io.js';

export function runExplain(io: CliIO, id: string): void {
  const rule = findRule(id);
  if (!rule) throw new UsageError(`no rule "${id}"; \`drydock rules\` lists them`);
  io.stdout(renderRuleDoc(rule.meta));
}
