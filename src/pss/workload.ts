import { podSpecOf, type KubeDocument } from '../parsers/kubernetes/index.js';
import { evaluatePod, isPssLevel, parsePssVersion } from './evaluate.js';
import type { PssLevel, PssPolicy, PssResult } from './types.js';

export const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
export const ENFORCE_VERSION_LABEL = 'pod-security.kubernetes.io/enforce-version';

/** A namespace's enforce policy, read from its labels. "privileged" allows everything. */
export interface NamespacePolicy {
  level: PssLevel | 'privileged';
  version: number | 'latest';
  /** Problems with the labels (an unknown level or version), reported to the user. */
  problems: string[];
}

/**
 * Reads the enforce labels of a Namespace object. Returns undefined when the object carries no
 * enforce label. As Pod Security Admission does, an unreadable level falls back to the most
 * restrictive one and an unreadable version to "latest".
 */
export function namespacePolicyOf(doc: KubeDocument): NamespacePolicy | undefined {
  if (doc.objectKind !== 'Namespace') return undefined;
  const labels = doc.get(['metadata', 'labels']);
  if (labels === null || typeof labels !== 'object' || Array.isArray(labels)) return undefined;
  const l = labels as Record<string, unknown>;
  const levelLabel = l[ENFORCE_LABEL];
  if (levelLabel === undefined) return undefined;
  const problems: string[] = [];
  let level: NamespacePolicy['level'];
  if (levelLabel === 'privileged' || isPssLevel(levelLabel)) level = levelLabel;
  else {
    level = 'restricted';
    problems.push(`${ENFORCE_LABEL}=${JSON.stringify(levelLabel)} is not a level; judged as restricted`);
  }
  let version: number | 'latest' = 'latest';
  const versionLabel = l[ENFORCE_VERSION_LABEL];
  if (versionLabel !== undefined) {
    const parsed = typeof versionLabel === 'string' ? parsePssVersion(versionLabel) : undefined;
    if (parsed === undefined) problems.push(`${ENFORCE_VERSION_LABEL}=${JSON.stringify(versionLabel)} is not a version; judged at latest`);
    else version = parsed;
  }
  return { level, version, problems };
}

/** Evaluates the pod a workload object carries; undefined for kinds without a pod spec. */
export function evaluateWorkload(doc: KubeDocument, policy: PssPolicy): PssResult | undefined {
  const pod = podSpecOf(doc);
  if (!pod) return undefined;
  return evaluatePod({ spec: pod.spec, metadata: pod.metadata }, policy);
}
