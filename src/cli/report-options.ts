import { Option, type Command } from '@commander-js/extra-typings';
import { SEVERITIES } from '../model/severity.js';
import { REPORT_FORMAT_IDS } from './defaults.js';

/** The flags every reporting command shares: format, output and the gate. */
export interface ReportFlags {
  format: string;
  output?: string;
  severity?: string;
  exitCode?: string;
  failOn?: string;
  showSuppressed?: boolean;
  noRedact?: boolean;
  redact?: boolean;
}

export function addReportOptions<C extends Command<any, any, any>>(cmd: C): C {
  cmd
    .addOption(new Option('-f, --format <format>', `output format: ${REPORT_FORMAT_IDS.join(', ')}`).default('table'))
    .addOption(new Option('-o, --output <file>', 'write the report to a file instead of stdout'))
    .addOption(new Option('-s, --severity <list>', `report only these severities (comma-separated: ${SEVERITIES.join(',')})`))
    .addOption(new Option('--exit-code <n>', 'exit with this code when unsuppressed findings remain (default 0)'))
    .addOption(new Option('--fail-on <severity>', 'fail when a finding at or above this severity remains'))
    .addOption(new Option('--show-suppressed', 'also list suppressed findings, with the reason'))
    .addOption(new Option('--no-redact', 'print secrets in full (table format on a terminal only)'));
  return cmd;
}
