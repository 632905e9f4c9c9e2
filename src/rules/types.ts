import type { PracticeId, Resource, Severity } from '../model/index.js';

/** The kinds of input a rule can see. */
export type InputKind = 'kubernetes' | 'dockerfile' | 'compose' | 'secrets' | 'image' | 'packages';

export interface RuleExamples {
  /** Each must make the rule fire at least once. */
  bad: string[];
  /** Each must leave the rule silent. */
  good: string[];
  /** Settings the examples are judged with, for rules that are silent by default (e.g. a registry allowlist). */
  settings?: Partial<RuleSettings>;
}

export interface RuleMeta {
  /** Stable, never reused: "K8S-007", "DF-003", "DC-010", "IMG-004", "SEC-001". */
  id: string;
  /** kebab-case; equals the rule's file name. */
  slug: string;
  title: string;
  severity: Severity;
  appliesTo: InputKind[];
  /** One sentence: why it matters. Used in docs and SARIF. */
  description: string;
  remediation: string;
  /** Equivalent ids in other tools: Trivy (KSV-0017, KSV017, AVD-KSV-0017), Checkov, kube-linter, kube-score, kubesec, hadolint, dockle. */
  aliases: string[];
  practice: PracticeId;
  /** Set when the rule is a Pod Security Standards control. */
  pss?: { level: 'baseline' | 'restricted'; control: string };
  references: string[];
  examples: RuleExamples;
  /** Rules that are off unless enabled in drydock.yaml. */
  optIn?: boolean;
}

/** A 1-based line/column range inside the scanned file. */
export interface Range {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** Where a report points: a path into the structured document, or an explicit range. */
export type Target = { pointer: ReadonlyArray<string | number> } | { range: Range };

export interface ReportDescriptor {
  message: string;
  /** Defaults to the whole object. */
  at?: Target;
  /** Defaults to the document's resource. */
  resource?: Resource;
  /** What identifies this occurrence when lines move; defaults to the pointer or the text at the range. */
  fingerprintData?: string;
  /** Overrides the rule's severity for this occurrence (e.g. a vulnerability's own severity). */
  severity?: Severity;
  properties?: Record<string, unknown>;
}

/** Settings a rule may read. Filled from drydock.yaml; every field has a default. */
export interface RuleSettings {
  /** Registries images may come from (host prefixes, e.g. "docker.io/library", "ghcr.io/acme"). Empty: the rule stays silent. */
  allowedRegistries: string[];
  /** Lowest UID/GID not considered "low". */
  minUid: number;
  [key: string]: unknown;
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = {
  allowedRegistries: [],
  minUid: 10000,
};

export interface RuleContext {
  readonly settings: RuleSettings;
  report(descriptor: ReportDescriptor): void;
}

export interface Rule<D = unknown> {
  meta: RuleMeta;
  /**
   * The Kubernetes object kinds the rule looks at (e.g. the kinds that carry a pod spec): the engine
   * offers it no other objects. Omitted: every object of its input kinds.
   */
  objectKinds?: readonly string[];
  /** Pure and synchronous: looks at one document and reports through the context. */
  check(document: D, context: RuleContext): void;
}

/** Identity helper that keeps the document type of a rule. */
export function defineRule<D>(rule: Rule<D>): Rule<D> {
  return rule;
}
