/**
 * Agreement with the Kubernetes checkers users know: runs drydock's rules over the fixtures of
 * trivy-checks, kube-linter, kube-score and kubesec (../shared/corpus) and, for every peer check that
 * a drydock rule names among its aliases, prints how many fixtures get the same verdict.
 *
 *   npx tsx scripts/conformance-k8s-tools.ts [--verbose] [--tool trivy|kube-linter|kube-score|kubesec]
 *
 * A disagreement is acceptable only when docs/conformance/kubernetes-tools.md lists it, with its
 * reason, in the "Documented disagreements" table. Exit 0 when every disagreement is documented (or
 * the corpus is absent), 1 otherwise.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runRules } from '../src/engine/run.js';
import { parseKubernetes, type KubeDocument } from '../src/parsers/kubernetes/index.js';
import { allRules } from '../src/rules/index.js';
import { DEFAULT_RULE_SETTINGS, type Rule } from '../src/rules/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus');
const docPath = path.join(repoRoot, 'docs', 'conformance', 'kubernetes-tools.md');
const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose');
const onlyTool = argv.includes('--tool') ? argv[argv.indexOf('--tool') + 1] : undefined;

type Tool = 'trivy' | 'kube-linter' | 'kube-score' | 'kubesec';
const TOOLS: Tool[] = ['trivy', 'kube-linter', 'kube-score', 'kubesec'];
const TOOL_DIR: Record<Tool, string> = { trivy: 'trivy-checks', 'kube-linter': 'kube-linter', 'kube-score': 'kube-score', kubesec: 'kubesec' };

/** One verdict of a peer on one fixture (a file, or one object of a file) for one check. */
interface Observation {
  tool: Tool;
  /** The peer's check id, as drydock aliases spell it. */
  check: string;
  /** Stable name of the fixture: corpus-relative path, `#object` for one object of a multi-object file. */
  fixture: string;
  /** Whether the peer's check fires (reports a problem) on the fixture. */
  peerFires: boolean;
  /** Documents drydock judges, and the file they come from (for messages). */
  documents: KubeDocument[];
}

interface Skip {
  tool: Tool;
  check: string;
  fixture: string;
  reason: string;
}

const k8sRules = allRules.filter((r) => r.meta.appliesTo.includes('kubernetes'));

// ---------------------------------------------------------------------------------------------
// Alias lookup: which drydock rules stand for a peer check.

/** KSV-0017, KSV017, AVD-KSV-0017 → KSV17; other ids upper-cased as they are. */
function normaliseCheck(id: string): string {
  const s = id.trim().toUpperCase().replace(/^AVD-/, '');
  const m = /^(KSV|KCV)-?0*(\d+)$/.exec(s);
  return m ? `${m[1]}${m[2]}` : s;
}

const rulesByAlias = new Map<string, Rule<any>[]>();
for (const rule of k8sRules) {
  for (const alias of new Set(rule.meta.aliases.map(normaliseCheck))) {
    const list = rulesByAlias.get(alias) ?? [];
    list.push(rule);
    rulesByAlias.set(alias, list);
  }
}
const mappedRules = (check: string): Rule<any>[] => rulesByAlias.get(normaliseCheck(check)) ?? [];

/** Trivy ids in one spelling (KSV-0017), whichever the corpus used. */
function displayCheck(check: string): string {
  const m = /^(KSV|KCV)(\d+)$/.exec(normaliseCheck(check));
  return m ? `${m[1]}-${m[2]!.padStart(4, '0')}` : check;
}

// ---------------------------------------------------------------------------------------------
// Running drydock.

function parseFile(abs: string, rel: string): { documents: KubeDocument[]; error?: string } {
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    return { documents: [], error: `unreadable: ${(e as Error).message}` };
  }
  const { documents, errors } = parseKubernetes(text, rel);
  return { documents, ...(errors.length > 0 ? { error: errors.map((e) => e.message).join('; ') } : {}) };
}

/** The drydock rules (of `rules`) that report an unsuppressed finding on any of the documents. */
function firing(documents: KubeDocument[], rules: Rule<any>[]): Set<string> {
  const out = new Set<string>();
  for (const d of documents) {
    for (const f of runRules(d, rules, { settings: DEFAULT_RULE_SETTINGS })) if (!f.suppressed) out.add(f.ruleId);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// trivy-checks: the documented good/bad examples and the inputs of the Rego unit tests.

function collectTrivy(obs: Observation[], skips: Skip[]): void {
  const base = path.join(corpus, 'trivy-checks');
  const examples = path.join(base, 'kubernetes');
  if (existsSync(examples)) {
    for (const dir of readdirSync(examples).sort()) {
      const id = /^(K[SC]V-\d+)_/.exec(dir)?.[1];
      if (!id || mappedRules(id).length === 0) continue;
      for (const file of readdirSync(path.join(examples, dir)).sort()) {
        const m = /^(good|bad)_\d+\.ya?ml$/.exec(file);
        if (!m) continue;
        const rel = `trivy-checks/kubernetes/${dir}/${file}`;
        const { documents, error } = parseFile(path.join(examples, dir, file), rel);
        if (documents.length === 0) {
          skips.push({ tool: 'trivy', check: id, fixture: rel, reason: error ?? 'no Kubernetes object (apiVersion and kind) in the file' });
          continue;
        }
        obs.push({ tool: 'trivy', check: displayCheck(id), fixture: rel, peerFires: m[1] === 'bad', documents });
      }
    }
  }
  const expectationsPath = path.join(base, 'kubernetes-rego-tests', 'expectations.json');
  if (!existsSync(expectationsPath)) return;
  const expectations = JSON.parse(readFileSync(expectationsPath, 'utf8')) as Array<{ check: string; file: string; expected: string }>;
  for (const e of expectations) {
    if (mappedRules(e.check).length === 0) continue;
    const rel = `trivy-checks/${e.file}`;
    const peerFires = e.expected === 'count == 0' ? false : /^count (==|>=?) *[1-9]|^count > 0/.test(e.expected) ? true : undefined;
    if (peerFires === undefined) {
      skips.push({ tool: 'trivy', check: displayCheck(e.check), fixture: rel, reason: `the Rego test's assertion (${e.expected}) was not extracted` });
      continue;
    }
    const { documents, error } = parseFile(path.join(base, e.file), rel);
    if (documents.length === 0) {
      skips.push({ tool: 'trivy', check: displayCheck(e.check), fixture: rel, reason: error ?? 'not a Kubernetes object (no apiVersion or kind): a bare Rego input' });
      continue;
    }
    obs.push({ tool: 'trivy', check: displayCheck(e.check), fixture: rel, peerFires, documents });
  }
}

// ---------------------------------------------------------------------------------------------
// kube-linter: one fixture per check; objects named "dont-fire" must pass, every other must fire.

function collectKubeLinter(obs: Observation[], skips: Skip[]): void {
  const base = path.join(corpus, 'kube-linter');
  const p = path.join(base, 'expectations.json');
  if (!existsSync(p)) return;
  const tests = JSON.parse(readFileSync(p, 'utf8')) as Array<{ file: string; include: string[]; config: string[] }>;
  for (const t of tests) {
    if (t.include.length !== 1 || t.config.length > 0) continue;
    const check = t.include[0]!;
    if (mappedRules(check).length === 0) continue;
    const rel = `kube-linter/${t.file}`;
    const { documents, error } = parseFile(path.join(base, t.file), rel);
    if (error) skips.push({ tool: 'kube-linter', check, fixture: rel, reason: error });
    // Every object is its own fixture; names repeat across kinds, so the kind is part of the name.
    for (const doc of documents) {
      const fixture = `${rel}#${doc.objectKind}/${doc.name}`;
      if (typeof doc.object.apiVersion === 'string' && doc.object.apiVersion.includes('openshift.io')) {
        skips.push({ tool: 'kube-linter', check, fixture, reason: `${doc.objectKind} (${doc.object.apiVersion}) is an OpenShift kind, not one drydock reads` });
        continue;
      }
      obs.push({ tool: 'kube-linter', check, fixture, peerFires: doc.name !== 'dont-fire', documents: [doc] });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// kube-score: the graded fixtures of its Go tests, by check display name.

/** kube-score's check ids, by the display name its tests use. */
const KUBE_SCORE_IDS: Record<string, string> = {
  'Container CPU Requests Equal Limits': 'container-cpu-requests-equal-limits',
  'Container Ephemeral Storage Request Equals Limit': 'container-ephemeral-storage-request-equals-limit',
  'Container Ephemeral Storage Request and Limit': 'container-ephemeral-storage-request-and-limit',
  'Container Image Pull Policy': 'container-image-pull-policy',
  'Container Image Tag': 'container-image-tag',
  'Container Memory Requests Equal Limits': 'container-memory-requests-equal-limits',
  'Container Ports Check': 'container-ports-check',
  'Container Resource Requests Equal Limits': 'container-resource-requests-equal-limits',
  'Container Resources': 'container-resources',
  'Container Seccomp Profile': 'container-seccomp-profile',
  'Container Security Context Privileged': 'container-security-context-privileged',
  'Container Security Context ReadOnlyRootFilesystem': 'container-security-context-readonlyrootfilesystem',
  'Container Security Context User Group ID': 'container-security-context-user-group-id',
  'CronJob RestartPolicy': 'cronjob-restartpolicy',
  'CronJob has deadline': 'cronjob-has-deadline',
  'Deployment Replicas': 'deployment-replicas',
  'Deployment Strategy': 'deployment-strategy',
  'Deployment has PodDisruptionBudget': 'deployment-has-poddisruptionbudget',
  'Deployment has host PodAntiAffinity': 'deployment-has-host-podantiaffinity',
  'Deployment targeted by HPA does not have replicas configured': 'deployment-targeted-by-hpa-does-not-have-replicas-configured',
  'Environment Variable Key Duplication': 'environment-variable-key-duplication',
  'HorizontalPodAutoscaler Replicas': 'horizontalpodautoscaler-replicas',
  'HorizontalPodAutoscaler has target': 'horizontalpodautoscaler-has-target',
  'Ingress targets Service': 'ingress-targets-service',
  'NetworkPolicy targets Pod': 'networkpolicy-targets-pod',
  'Pod NetworkPolicy': 'pod-networkpolicy',
  'Pod Probes': 'pod-probes',
  'Pod Probes Identical': 'pod-probes-identical',
  'Pod Topology Spread Constraints': 'pod-topology-spread-constraints',
  'PodDisruptionBudget has policy': 'poddisruptionbudget-has-policy',
  'Service Targets Pod': 'service-targets-pod',
  'Service Type': 'service-type',
  'Stable version': 'stable-version',
  'StatefulSet Pod Selector labels match template metadata labels': 'statefulset-pod-selector-labels-match-template-metadata-labels',
  'StatefulSet has PodDisruptionBudget': 'statefulset-has-poddisruptionbudget',
  'StatefulSet has ServiceName': 'statefulset-has-servicename',
  'StatefulSet has host PodAntiAffinity': 'statefulset-has-host-podantiaffinity',
};

function collectKubeScore(obs: Observation[], skips: Skip[]): void {
  const base = path.join(corpus, 'kube-score');
  const p = path.join(base, 'expectations.tsv');
  if (!existsSync(p)) return;
  const rows = readFileSync(p, 'utf8').split('\n').slice(1).filter((l) => l.trim() !== '');
  for (const row of rows) {
    const [files = '', name = '', grade = '', runConfig = ''] = row.split('\t');
    const check = KUBE_SCORE_IDS[name];
    if (!check || mappedRules(check).length === 0) continue;
    const rels = files.split(';').map((f) => `kube-score/testdata/${f.trim()}`);
    const fixture = rels.join(';');
    // Only the default run configuration (optional checks switched on) matches drydock's defaults.
    const config = runConfig.replace(/EnabledOptionalTests[:=]\s*[\w,-]+,?/g, '').trim();
    if (config !== '') {
      skips.push({ tool: 'kube-score', check, fixture, reason: `non-default kube-score configuration (${config})` });
      continue;
    }
    const documents = rels.flatMap((rel) => parseFile(path.join(corpus, rel), rel).documents);
    if (documents.length === 0) {
      skips.push({ tool: 'kube-score', check, fixture, reason: 'no Kubernetes object in the fixture' });
      continue;
    }
    obs.push({ tool: 'kube-score', check, fixture: `${fixture} (${grade})`, peerFires: grade !== 'GradeAllOK', documents });
  }
}

// ---------------------------------------------------------------------------------------------
// kubesec: its acceptance tests assert only the sign of a file's score. Each test is about one rule,
// named below; with the rule's sign that says whether the rule matched. A score of 0 also says that
// no rule, positive or critical, matched.

/** kubesec rules: critical ones subtract points when they match; the others add points when they match. */
const KUBESEC_CRITICAL = new Set([
  'Privileged', 'CapSysAdmin', 'HostNetwork', 'HostPID', 'HostIPC', 'DockerSock', 'ProcMount', 'AllowPrivilegeEscalation',
  'HostAliases', 'SeccompUnconfined', 'ApparmorUnconfined', 'BindingsToSystemAnonymous', 'SecretsAsEnvironmentVariables',
]);
const KUBESEC_POSITIVE = new Set([
  'ReadOnlyRootFilesystem', 'RunAsNonRoot', 'RunAsUser', 'RunAsGroup', 'CapDropAny', 'CapDropAll', 'RequestsCPU', 'LimitsCPU',
  'RequestsMemory', 'LimitsMemory', 'ServiceAccountName', 'SeccompAny', 'ApparmorAny', 'AutomountServiceAccountToken', 'HostUsers',
]);
/** The rule each acceptance test is about (from its name in the bats file). */
const KUBESEC_SUBJECT: Record<string, string> = {
  'score-0-cap-sys-admin.yml': 'CapSysAdmin',
  'score-0-cap-sys-admin-and-cap-chown.yml': 'CapSysAdmin',
  'score-1-cap-drop-all.yml': 'CapDropAll',
  'score-1-dep-ro-root-fs.yml': 'ReadOnlyRootFilesystem',
  'score-1-dep-podseccon-run-as-non-root.yml': 'RunAsNonRoot',
  'score-1-dep-seccon-run-as-non-root.yml': 'RunAsNonRoot',
  'score-1-dep-podseccon-run-as-user-1.yml': 'RunAsUser',
  'score-1-dep-seccon-run-as-user-1.yml': 'RunAsUser',
  'score-1-dep-podseccon-run-as-user-10001.yml': 'RunAsUser',
  'score-1-dep-seccon-run-as-user-10001.yml': 'RunAsUser',
  'score-1-dep-podseccon-run-as-group-1.yml': 'RunAsGroup',
  'score-1-dep-seccon-run-as-group-1.yml': 'RunAsGroup',
  'score-1-dep-podseccon-run-as-group-10001.yml': 'RunAsGroup',
  'score-1-dep-seccon-run-as-group-10001.yml': 'RunAsGroup',
  'score-1-dep-resource-limit-cpu.yml': 'LimitsCPU',
  'score-1-dep-resource-limit-memory.yml': 'LimitsMemory',
  'score-0-daemonset-securitycontext-privileged.yml': 'Privileged',
  'score-0-daemonset-mount-docker-socket.yml': 'DockerSock',
  'score-0-daemonset-volume-host-docker-socket.yml': 'DockerSock',
  'score-1-dep-apparmor-nonunconfined-spec-securitycontext.yml': 'ApparmorAny',
  'score-0-dep-apparmor-unconfined-spec-securitycontext.yml': 'ApparmorUnconfined',
  'score-1-dep-apparmor-nonunconfined-container.yml': 'ApparmorAny',
  'score-0-dep-apparmor-unconfined-container.yml': 'ApparmorUnconfined',
  'score-1-dep-apparmor-nonunconfined-initcontainer.yml': 'ApparmorAny',
  'score-0-dep-apparmor-unconfined-initcontainer.yml': 'ApparmorUnconfined',
  'score-1-dep-apparmor-nonunconfined-ephemeralcontainer.yml': 'ApparmorAny',
  'score-0-dep-apparmor-unconfined-ephemeralcontainer.yml': 'ApparmorUnconfined',
  'score-1-dep-seccomp-nonunconfined-spec-securitycontext.yml': 'SeccompAny',
  'score-0-dep-seccomp-unconfined-spec-securitycontext.yml': 'SeccompUnconfined',
  'score-1-dep-seccomp-nonunconfined-container.yml': 'SeccompAny',
  'score-0-dep-seccomp-unconfined-container.yml': 'SeccompUnconfined',
  'score-1-dep-seccomp-nonunconfined-initcontainer.yml': 'SeccompAny',
  'score-0-dep-seccomp-unconfined-initcontainer.yml': 'SeccompUnconfined',
  'score-1-dep-seccomp-nonunconfined-ephemeralcontainer.yml': 'SeccompAny',
  'score-0-dep-seccomp-unconfined-ephemeralcontainer.yml': 'SeccompUnconfined',
  'score-0-daemonset-host-network.yml': 'HostNetwork',
  'score-0-daemonset-host-pid.yml': 'HostPID',
  'score-2-dep-serviceaccount.yml': 'ServiceAccountName',
  'score-2-pod-serviceaccount.yml': 'ServiceAccountName',
  'allowPrivilegeEscalation.yaml': 'AllowPrivilegeEscalation',
  'score-1-pod-automount-sa-set-to-false.yml': 'AutomountServiceAccountToken',
  'score-1-pod-hostUsers-set-to-false.yml': 'HostUsers',
};
/** Kinds kubesec scores; it ignores every other object. */
const KUBESEC_KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet']);

function collectKubesec(obs: Observation[], skips: Skip[]): void {
  const base = path.join(corpus, 'kubesec');
  const p = path.join(base, 'expectations.tsv');
  if (!existsSync(p)) return;
  const rows = readFileSync(p, 'utf8').split('\n').slice(1).filter((l) => l.trim() !== '');
  for (const row of rows) {
    const [file = '', score = ''] = row.split('\t');
    const rel = `kubesec/test/asset/${file}`;
    // What the score says about each rule: matched (true) or not (false).
    const matched = new Map<string, boolean>();
    const subject = KUBESEC_SUBJECT[file];
    if (score === 'score==0') for (const r of [...KUBESEC_CRITICAL, ...KUBESEC_POSITIVE]) matched.set(r, false);
    else if (subject && score === 'score>0' && KUBESEC_POSITIVE.has(subject)) matched.set(subject, true);
    else if (subject && score === 'score<0' && KUBESEC_CRITICAL.has(subject)) matched.set(subject, true);
    if (matched.size === 0) continue;
    const parsed = parseFile(path.join(base, 'test', 'asset', file), rel);
    const documents = parsed.documents.filter((d) => KUBESEC_KINDS.has(d.objectKind));
    for (const [check, hit] of matched) {
      if (mappedRules(check).length === 0) continue;
      if (documents.length === 0) {
        skips.push({ tool: 'kubesec', check, fixture: rel, reason: parsed.error ?? 'no object of a kind kubesec scores' });
        continue;
      }
      // A positive rule matching means the practice is in place: drydock's rule must stay silent.
      const peerFires = KUBESEC_CRITICAL.has(check) ? hit : !hit;
      obs.push({ tool: 'kubesec', check, fixture: `${rel} (${score})`, peerFires, documents });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Documented disagreements.

interface Documented {
  tool: string;
  check: string;
  fixture: string;
  /** drydock's verdict the row documents: "fires" or "passes". */
  drydock: string;
  reason: string;
  used: boolean;
}

/** Rows of the "Documented disagreements" table: | tool | check | fixture (may end in *) | drydock (fires/passes) | reason |. */
function loadDocumented(): Documented[] {
  if (!existsSync(docPath)) return [];
  const text = readFileSync(docPath, 'utf8');
  const start = text.indexOf('## Documented disagreements');
  if (start < 0) return [];
  const out: Documented[] = [];
  for (const line of text.slice(start).split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim().replace(/^`|`$/g, ''));
    if (cells.length < 5 || cells[0] === 'tool' || /^-+$/.test(cells[0]!)) continue;
    out.push({ tool: cells[0]!, check: cells[1]!, fixture: cells[2]!, drydock: cells[3]!, reason: cells[4]!, used: false });
  }
  return out;
}

function documentedFor(docs: Documented[], tool: string, check: string, fixture: string, drydockFires: boolean): Documented | undefined {
  return docs.find((d) => {
    if (d.tool !== tool || normaliseCheck(d.check) !== normaliseCheck(check)) return false;
    // A row documents one direction only: a wildcard must not hide the opposite disagreement.
    if (d.drydock !== (drydockFires ? 'fires' : 'passes')) return false;
    if (d.fixture === '*') return true;
    return d.fixture.endsWith('*') ? fixture.startsWith(d.fixture.slice(0, -1)) : fixture === d.fixture;
  });
}

// ---------------------------------------------------------------------------------------------

function main(): number {
  if (onlyTool !== undefined && !TOOLS.includes(onlyTool as Tool)) {
    console.error(`conformance-k8s-tools: --tool must be one of ${TOOLS.join(', ')}`);
    return 2;
  }
  if (!existsSync(corpus)) {
    console.log(`conformance-k8s-tools: skipped: corpus not found at ${corpus}`);
    return 0;
  }
  const present = TOOLS.filter((t) => existsSync(path.join(corpus, TOOL_DIR[t])) && (!onlyTool || onlyTool === t));
  if (present.length === 0) {
    console.log('conformance-k8s-tools: skipped: none of trivy-checks, kube-linter, kube-score, kubesec is in the corpus');
    return 0;
  }
  const obs: Observation[] = [];
  const skips: Skip[] = [];
  const collectors: Record<Tool, (o: Observation[], s: Skip[]) => void> = {
    trivy: collectTrivy,
    'kube-linter': collectKubeLinter,
    'kube-score': collectKubeScore,
    kubesec: collectKubesec,
  };
  for (const t of present) collectors[t](obs, skips);

  const documented = loadDocumented();
  let agreeAll = 0;
  let undocumented = 0;
  const disagreements: string[] = [];
  console.log('drydock agreement with Kubernetes checkers (fixtures agreeing / fixtures judged)\n');
  for (const tool of present) {
    const mine = obs.filter((o) => o.tool === tool);
    const checks = [...new Set(mine.map((o) => o.check))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    let agreeTool = 0;
    console.log(`${tool}`);
    for (const check of checks) {
      const rules = mappedRules(check);
      const ids = rules.map((r) => r.meta.id).join('+');
      const rows = mine.filter((o) => o.check === check);
      let agree = 0;
      let documentedHere = 0;
      for (const o of rows) {
        const fired = firing(o.documents, rules);
        const drydockFires = fired.size > 0;
        if (drydockFires === o.peerFires) {
          agree++;
          continue;
        }
        const doc = documentedFor(documented, tool, check, o.fixture, drydockFires);
        const line = `${tool} ${check} ${o.fixture}: ${tool} ${o.peerFires ? 'fires' : 'passes'}, drydock ${drydockFires ? `fires (${[...fired].join(', ')})` : `passes (${ids})`}`;
        if (doc) {
          doc.used = true;
          documentedHere++;
          if (verbose) disagreements.push(`  documented  ${line}\n              reason: ${doc.reason}`);
        } else {
          undocumented++;
          disagreements.push(`  UNDOCUMENTED ${line}`);
        }
      }
      agreeTool += agree;
      const pct = ((100 * agree) / rows.length).toFixed(0);
      console.log(`  ${check.padEnd(50)} ${ids.padEnd(32)} ${String(agree).padStart(3)}/${String(rows.length).padEnd(3)} ${pct.padStart(3)}%${documentedHere ? `  (${documentedHere} documented)` : ''}`);
    }
    const pct = mine.length ? ((100 * agreeTool) / mine.length).toFixed(1) : '-';
    console.log(`  ${'overall'.padEnd(50)} ${''.padEnd(32)} ${String(agreeTool).padStart(3)}/${String(mine.length).padEnd(3)} ${pct}%\n`);
    agreeAll += agreeTool;
  }
  const pct = obs.length ? ((100 * agreeAll) / obs.length).toFixed(1) : '-';
  console.log(`all tools: ${agreeAll}/${obs.length} fixtures agree (${pct}%); ${skips.length} skipped; ${undocumented} undocumented disagreement(s)`);
  if (verbose && skips.length > 0) {
    console.log('\nskipped:');
    for (const s of skips) console.log(`  ${s.tool} ${s.check} ${s.fixture}: ${s.reason}`);
  }
  if (disagreements.length > 0) {
    console.log(`\ndisagreements${verbose ? '' : ' (documented ones hidden; --verbose shows them)'}:`);
    for (const d of disagreements) console.log(d);
  }
  const stale = documented.filter((d) => !d.used && (!onlyTool || d.tool === onlyTool));
  if (stale.length > 0) {
    console.log(`\n${stale.length} documented disagreement(s) no longer occur; remove them from ${path.relative(repoRoot, docPath)}:`);
    for (const d of stale) console.log(`  ${d.tool} ${d.check} ${d.fixture}`);
  }
  if (undocumented > 0) {
    console.log(`\nFAIL: ${undocumented} disagreement(s) are neither fixed nor documented in ${path.relative(repoRoot, docPath)}`);
    return 1;
  }
  return 0;
}

process.exitCode = main();
