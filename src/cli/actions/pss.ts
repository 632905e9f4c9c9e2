import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseKubernetes, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { isPssLevel, parsePssVersion } from '../../pss/evaluate.js';
import { judgeDocuments, renderPssJson, renderPssTable, type PssJudgement } from '../../pss/report.js';
import { ENFORCE_LABEL, namespacePolicyOf, type NamespacePolicy } from '../../pss/workload.js';
import { DEFAULT_MAX_FILE_SIZE } from '../../scan.js';
import { DEFAULT_SKIP_DIR_NAMES, walkFiles } from '../../sources/filesystem.js';
import { decodeText } from '../../util/text.js';
import { UsageError, type CliIO } from '../io.js';

const MANIFEST = /\.(ya?ml|json)$/i;

export interface PssFlags {
  level?: string;
  version: string;
  format: string;
  output?: string;
  skipDirs?: string[];
  skipFiles?: string[];
}

export async function runPss(io: CliIO, target: string, flags: PssFlags): Promise<void> {
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
}
