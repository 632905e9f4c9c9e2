/** Pod Security Standards levels that restrict anything ("privileged" allows all). */
export type PssLevel = 'baseline' | 'restricted';

/** The identifiers Pod Security Admission gives its checks. */
export type PssControl =
  | 'allowPrivilegeEscalation'
  | 'appArmorProfile'
  | 'capabilities_baseline'
  | 'capabilities_restricted'
  | 'hostNamespaces'
  | 'hostPathVolumes'
  | 'hostPorts'
  | 'hostProbesAndHostLifecycle'
  | 'privileged'
  | 'procMount'
  | 'procMount_restricted'
  | 'restrictedVolumes'
  | 'runAsNonRoot'
  | 'runAsUser'
  | 'seLinuxOptions'
  | 'seccompProfile_baseline'
  | 'seccompProfile_restricted'
  | 'sysctls'
  | 'windowsHostProcess';

export type Pointer = ReadonlyArray<string | number>;

/** A field that makes a check fail, relative to the pod spec or to the pod metadata. */
export interface PssField {
  in: 'spec' | 'metadata';
  path: Pointer;
  /** Name of the container the field belongs to, when it belongs to one. */
  container?: string;
  /** True when the problem is a missing value: the path then points at the closest object that should hold it. */
  missing?: boolean;
  /** What is wrong at this field, in a few words. */
  note: string;
}

export interface PssViolation {
  control: PssControl;
  /** PSA's forbidden reason, e.g. "privileged". */
  reason: string;
  /** PSA's forbidden detail, e.g. `container "x" must not set securityContext.privileged=true`. */
  detail: string;
  /** `reason (detail)`, as PSA prints each failed check. */
  message: string;
  fields: PssField[];
}

export interface PssResult {
  allowed: boolean;
  violations: PssViolation[];
}

/** The pod as PSA sees it: the spec and the pod's (or template's) metadata. */
export interface PodInput {
  spec: unknown;
  metadata?: unknown;
}

export interface PssPolicy {
  level: PssLevel;
  /** Policy minor version (1.N); `undefined` or "latest" means the newest one. */
  version?: number | 'latest';
}
