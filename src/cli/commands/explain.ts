import type { Command } from '@commander-js/extra-typings';
import { renderRuleDoc } from '../../rules/docs.js';
import { findRule } from '../../rules/index.js';
import { UsageError, type CliIO } from '../io.js';

export function register(program: Command, io: CliIO): void {
  program
    .command('explain')
    .description("print one rule's documentation: why it matters, how to fix it, examples")
    .argument('<id>', 'rule id, slug or alias (e.g. K8S-020, KSV014, DL3002)')
    .action((id) => {
      const rule = findRule(id);
      if (!rule) throw new UsageError(`no rule "${id}"; \`drydock rules\` lists them`);
      io.stdout(renderRuleDoc(rule.meta));
    });
}
