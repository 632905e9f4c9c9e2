import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from '@commander-js/extra-typings';
import { parseKubernetes, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { isPssLevel, parsePssVersion } from '../../pss/evaluate.js';
import { judgeDocuments, renderPssJson, renderPssTable, type PssJudgement } from '../../pss/report.js';
import { ENFORCE_LABEL, namespacePolicyOf, type NamespacePolicy } from '../../pss/workload.js';
import { DEFAULT_MAX_FILE_SIZE } from '../../scan.js';
import { DEFAULT_SKIP_DIR_NAMES, walkFiles } from '../../sources/filesystem.js';
import { decodeText } from '../../util/text.js';
import { list, UsageError, type CliIO } from '../io.js';

const MANIFEST = /\.(ya?ml|json)$/i;

/**
 * `drydock pss PATH --level baseline|restricted [--version v1.N|latest] [--format table|json]`
 *
 * Judges every workload as Pod Security Admission would at the given level and policy version
 * (or at the enforce level of a scanned Namespace that carries the pod-security labels).
 * Exit code: 0 when every workload is allowed, 1 when any is denied, 2 on usage errors.
 */
export function register(program: Command, io: CliIO): void {
  // `pss --version v1.N` names a policy version; the program's own -v/--version must then only be
  // recognised before the command name.
  program.enablePositionalOptions();
  program
    .command('pss')
    .description('judge every workload against a Pod Security Standards level as Pod Security Admission does (exit 1 when any is denied)')
    .argument('<path>', 'directory or file of manifests, or - for standard input')
    .addOption(new Option('--level <level>', 'baseline or restricted (Namespaces with pod-security.kubernetes.io/enforce labels override it)'))
    .addOption(new Option('--version <version>', 'policy version: v1.0 to v1.37, or latest').default('latest'))
    .addOption(new Option('-f, --format <format>', 'table or json').default('table'))
    .addOption(new Option('-o, --output <file>', 'write the report to a file instead of stdout'))
    .addOption(new Option('--skip-dirs <globs>', 'directories to skip (comma-separated globs, repeatable)').argParser(list))
    .addOption(new Option('--skip-files <globs>', 'files to skip (comma-separated globs, repeatable)').argParser(list))
    .action(async (target, flags) => {
      if (flags.level === undefined) throw new UsageError('pss: --level is required (baseline or restricted)');
      if (!isPssLevel(flags.level)) throw new UsageError(`pss: --level must be baseline or restricted, got "${flags.level}"`);
      const version = parsePssVersion(flags.version);
      if (version === undefined) throw new UsageError(`pss: --version must be latest or v1.N (e.g. v1.30), got "${flags.version}"`);
      if (flags.format !== 'table' && flags.format !== 'json') throw new UsageError(`pss: --format must be table or json, got "${flags.format}"`);

      const defaults = { level: flags.level, version };
      const namespaces = new Map<string, NamespacePolicy>();
      const judgements: PssJudgement[] = [];
      const noteNamespaces = (docs: readonly KubeDocument[], shown: string) => {
        for (const doc of docs) {
          const ns = namespacePolicyOf(doc);
          if (!ns) continue;
          namespaces.set(doc.name, ns);
          for (const p of ns.problems) io.stderr(`drydock: ${shown}: Namespace ${doc.name}: ${p}\n`);
        }
      };
      const parse = (text: string, shown: string, report: boolean) => {
        const parsed = parseKubernetes(text, shown);
        if (report) for (const e of parsed.errors) io.stderr(`drydock: ${shown}${e.line ? `:${e.line}` : ''}: ${e.message}\n`);
        return parsed.documents;
      };

      if (target === '-') {
        const docs = parse(await io.readStdin(), 'stdin.yaml', true);
        noteNamespaces(docs, 'stdin.yaml');
        judgements.push(...judgeDocuments(docs, defaults, namespaces));
      } else {
        // Keep the target as typed so reported paths read like the command line.
        const root = path.isAbsolute(target) || path.resolve(target) === path.resolve(io.cwd, target) ? target : path.join(io.cwd, target);
        const walk = () =>
          walkFiles(root, {
            skipDirNames: DEFAULT_SKIP_DIR_NAMES,
            skipDirs: flags.skipDirs ?? [],
            skipFiles: flags.skipFiles ?? [],
            maxFileSize: DEFAULT_MAX_FILE_SIZE,
            wants: (rel) => MANIFEST.test(rel),
          });
        // Two streaming passes, so the tree is never held in memory: first the Namespaces that carry
        // enforce labels (wherever they sit), then every workload, judged as soon as it is read.
        for await (const item of walk()) {
          if (item.type !== 'file') continue;
          const decoded = decodeText(item.file.bytes);
          if (decoded.ok && decoded.text.includes(ENFORCE_LABEL)) noteNamespaces(parse(decoded.text, item.file.path, false), item.file.path);
        }
        for await (const item of walk()) {
          if (item.type === 'error') {
            io.stderr(`drydock: ${item.error.path}: ${item.error.message}\n`);
            continue;
          }
          if (item.type !== 'file') continue;
          const decoded = decodeText(item.file.bytes);
          if (!decoded.ok) {
            io.stderr(`drydock: ${item.file.path}: ${decoded.message}\n`);
            continue;
          }
          if (!decoded.text.includes('kind')) continue;
          judgements.push(...judgeDocuments(parse(decoded.text, item.file.path, true), defaults, namespaces));
        }
      }

      const text = flags.format === 'json' ? renderPssJson(judgements) : renderPssTable(judgements);
      if (flags.output) writeFileSync(path.resolve(io.cwd, flags.output), text);
      else io.stdout(text);
      io.setExitCode(judgements.some((j) => !j.result.allowed) ? 1 : 0);
    });
}
